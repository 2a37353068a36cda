//! Reported statements, one case per line: a snippet, the words the writer reports someone
//! said (or none), and who said them.
//!
//! Every snippet is written for this test; none comes from a publication.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use whosaid::parse::{Lexicon, parse};

/// (article text, the reported words or "" for none, the speaker's full name).
const CASES: &[(&str, &str, &str)] = &[
    // After a leading cue, past "that" and a time phrase before it.
    (
        "Ana Ruiz, a port economist, said on Sunday that the harbour would lose half its trade.",
        "the harbour would lose half its trade.",
        "Ana Ruiz",
    ),
    (
        "Ana Ruiz said the harbour would lose half its trade.",
        "the harbour would lose half its trade.",
        "Ana Ruiz",
    ),
    (
        "In the longer term, Ana Ruiz said the harbour would lose half its trade.",
        "the harbour would lose half its trade.",
        "Ana Ruiz",
    ),
    (
        "Ana Ruiz told jurors in her closing argument that the accounts had been altered twice.",
        "the accounts had been altered twice.",
        "Ana Ruiz",
    ),
    // Before a trailing cue, without the writer's framing after it.
    (
        "The harbour will lose half its trade, Ana Ruiz said on Sunday, amid talk of a strike.",
        "The harbour will lose half its trade",
        "Ana Ruiz",
    ),
    (
        "The harbour will lose half its trade, according to Ana Ruiz.",
        "The harbour will lose half its trade",
        "Ana Ruiz",
    ),
    // Quoted words stay inside, marks and all.
    (
        "Ana Ruiz said the closure was “a disaster for the town” and would cost jobs.",
        "the closure was “a disaster for the town” and would cost jobs.",
        "Ana Ruiz",
    ),
    // A participle after a quotation carries its own report.
    (
        "“We are worried,” Ana Ruiz said, adding that the harbour would lose half its trade.",
        "the harbour would lose half its trade.",
        "Ana Ruiz",
    ),
    // A joining word before the next cue is not part of the report.
    (
        "Ana Ruiz told the court the ledger had been altered twice, and reminded jurors of the audit.",
        "the ledger had been altered twice",
        "Ana Ruiz",
    ),
    // Not reports: a quotation with its cue, a place or manner after the cue, an object
    // verb, a question put to the speaker, an unnamed source.
    ("“The harbour will lose half its trade,” Ana Ruiz said.", "", ""),
    ("“The harbour is finished” for now, Ana Ruiz said.", "", ""),
    (
        "“The harbour is finished,” Ana Ruiz told reporters outside the council chamber on Monday.",
        "",
        "",
    ),
    (
        "Ana Ruiz called the closure of the harbour a disgrace for the whole town.",
        "",
        "",
    ),
    (
        "Ana Ruiz urged the minister to keep the harbour open until the spring.",
        "",
        "",
    ),
    (
        "Asked whether the harbour would close before the spring, Ana Ruiz said only: “No.”",
        "",
        "",
    ),
    (
        "An official said the harbour would lose half its trade by the spring.",
        "",
        "",
    ),
];

#[test]
fn reported_statements() {
    let lexicon = Lexicon::builtin();
    let mut failures = Vec::new();
    for &(text, words, speaker) in CASES {
        let article = parse(text, &lexicon);
        let found: Vec<(String, String)> = article
            .reports
            .iter()
            .map(|r| {
                let name = r
                    .speaker
                    .and_then(|id| article.speaker(id))
                    .map_or("-".to_owned(), |s| s.name.to_string());
                (article.report_words(r).to_owned(), name)
            })
            .collect();
        let expected: Vec<(String, String)> = if words.is_empty() {
            Vec::new()
        } else {
            vec![(words.to_owned(), speaker.to_owned())]
        };
        if found != expected {
            failures.push(format!("{text}\n  expected {expected:?}\n  found    {found:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn a_report_knows_the_quotes_inside_it() {
    let article = parse(
        "Ana Ruiz said the closure was “a disaster for the town” and would cost “hundreds” of jobs.",
        &Lexicon::builtin(),
    );
    let report = &article.reports[0];
    let inside: Vec<&str> = report
        .quotes
        .iter()
        .map(|&q| article.quote_words(&article.quotes[q as usize]))
        .collect();
    assert_eq!(inside, ["a disaster for the town", "hundreds"]);
}
