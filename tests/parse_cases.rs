//! Attribution rules, one case per line: an article snippet, a quote in it, who said it, and its kind.
//!
//! Every snippet is written for this test; none comes from a publication.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use whosaid::model::{Article, QuoteKind, SpeakerId, speaker_slugs};
use whosaid::parse::{Lexicon, parse};

const D: QuoteKind = QuoteKind::Direct;
const F: QuoteKind = QuoteKind::Fragment;

/// (article text, quoted words, speaker's full name or "-" for none, kind)
const CASES: &[(&str, &str, &str, QuoteKind)] = &[
    // "Q, X said" and its variants.
    (
        "“The port will close by spring,” Ana Ruiz said.",
        "The port will close by spring,",
        "Ana Ruiz",
        D,
    ),
    (
        "\"The port will close by spring,\" Ana Ruiz said.",
        "The port will close by spring,",
        "Ana Ruiz",
        D,
    ),
    (
        "“Nobody wants this,” said Ilse Maren, a lecturer at Tromsø University.",
        "Nobody wants this,",
        "Ilse Maren",
        D,
    ),
    (
        "\"It is a gamble\", said Omar Haddad, an economist at the Gulf Policy Forum.",
        "It is a gamble",
        "Omar Haddad",
        D,
    ),
    (
        "Tomás Reyes said: “We have run out of options.”",
        "We have run out of options.",
        "Tomás Reyes",
        D,
    ),
    (
        "Tomás Reyes told reporters on Monday: “We have run out of options.”",
        "We have run out of options.",
        "Tomás Reyes",
        D,
    ),
    (
        "The deal collapsed, Tomás Reyes said, “because nobody trusted the numbers”.",
        "because nobody trusted the numbers",
        "Tomás Reyes",
        D,
    ),
    (
        "Prices will keep rising, according to Hana Sato, who called the trend “stubborn”.",
        "stubborn",
        "Hana Sato",
        F,
    ),
    (
        "Costs had “spiralled beyond reason”, Hana Sato added.",
        "spiralled beyond reason",
        "Hana Sato",
        F,
    ),
    (
        "Hana Sato stressed that the bank would act “without hesitation” if needed.",
        "without hesitation",
        "Hana Sato",
        F,
    ),
    (
        "Greta Lind noted that the vote was “a warning shot” for the coalition.",
        "a warning shot",
        "Greta Lind",
        F,
    ),
    (
        "Greta Lind warned that turnout could be “historically low”.",
        "historically low",
        "Greta Lind",
        F,
    ),
    (
        "Greta Lind argued the reform was “dead on arrival”.",
        "dead on arrival",
        "Greta Lind",
        F,
    ),
    (
        "In a blog post, Greta Lind wrote that the party had “lost its nerve”.",
        "lost its nerve",
        "Greta Lind",
        F,
    ),
    // One quote split around its cue.
    (
        "Greta Lind chairs the committee.\n“The plan,” she said, “is dead.”",
        "The plan,",
        "Greta Lind",
        D,
    ),
    (
        "Greta Lind chairs the committee.\n“The plan,” she said, “is dead.”",
        "is dead.",
        "Greta Lind",
        D,
    ),
    // A quote running over several paragraphs.
    (
        "“We built this town,” said Piet Jansen, a retired dock worker.\n“We kept it alive through two recessions.\n“Now they want to sell it.”",
        "We kept it alive through two recessions.",
        "Piet Jansen",
        D,
    ),
    (
        "“We built this town,” said Piet Jansen, a retired dock worker.\n“We kept it alive through two recessions.\n“Now they want to sell it.”",
        "Now they want to sell it.",
        "Piet Jansen",
        D,
    ),
    // Pronouns: the nearest earlier speaker the pronoun fits, else the last named.
    (
        "Mr Okafor said the talks were over.\nMs Adeyemi disagreed, saying a deal was close.\n“We are not finished,” he said.",
        "We are not finished,",
        "Okafor",
        D,
    ),
    (
        "Mr Okafor said the talks were over.\nMs Adeyemi said a deal was close.\n“We are not finished,” she said.",
        "We are not finished,",
        "Adeyemi",
        D,
    ),
    (
        "Nadia Perez, a union organiser, said the strike would go on.\n“Nobody is going back,” she told the crowd.",
        "Nobody is going back,",
        "Nadia Perez",
        D,
    ),
    (
        "Ravi Menon, a fund manager, said markets were calm.\n“I would not read much into it,” he added.",
        "I would not read much into it,",
        "Ravi Menon",
        D,
    ),
    (
        "Dr Maya Singh said the ward was full.\nAnother doctor, Mr Omar Haddad, disagreed. Staffing, he said, was “the real problem”.",
        "the real problem",
        "Omar Haddad",
        F,
    ),
    (
        "Greta Lind said turnout fell.\nLi Na, an economist at a Hong Kong bank, was more upbeat.\nInvestors were returning, she said, and saw “more upside than risk”.",
        "more upside than risk",
        "Li Na",
        F,
    ),
    (
        "“The exercise was long planned,” said defence minister Ana Ruiz.",
        "The exercise was long planned,",
        "Ana Ruiz",
        D,
    ),
    (
        "“Prices will fall,” Sarah O’Brien, chief economist at Delta Bank, said on Monday.",
        "Prices will fall,",
        "Sarah O’Brien",
        D,
    ),
    (
        "The minister’s spokeswoman, Hana Berg, said the claims were “baseless”.",
        "baseless",
        "Hana Berg",
        F,
    ),
    (
        "The central bank held rates at 5.25 per cent, saying inflation was \"moving in the right direction\".",
        "moving in the right direction",
        "Central bank",
        F,
    ),
    (
        "Finance Minister Paul Adeyemi welcomed the decision, calling it “prudent”.",
        "prudent",
        "Paul Adeyemi",
        F,
    ),
    // A paragraph that is only a quote continues the current speaker.
    (
        "Ravi Menon, a fund manager, said markets were calm.\n“Investors have seen worse.”",
        "Investors have seen worse.",
        "Ravi Menon",
        D,
    ),
    // A fragment in reported speech belongs to the reporter, not the sentence's subject.
    (
        "His speech suggested the government was “in no hurry” to act, Ravi Menon said.",
        "in no hurry",
        "Ravi Menon",
        F,
    ),
    (
        "Minister Paolo Conti met Ravi Menon.\nConti said it was a “productive” meeting.",
        "productive",
        "Paolo Conti",
        F,
    ),
    (
        "Ravi Menon said Conti had sounded “very relaxed” about the deficit.",
        "very relaxed",
        "Ravi Menon",
        F,
    ),
    // Organisations can speak.
    (
        "The defence ministry said the drill was “routine”.",
        "routine",
        "Defence ministry",
        F,
    ),
    (
        "“The launch was a complete success,” KCNA reported.",
        "The launch was a complete success,",
        "KCNA",
        D,
    ),
    (
        "“We will respond,” the Foreign Ministry said in a statement.",
        "We will respond,",
        "Foreign Ministry",
        D,
    ),
    (
        "The fares will rise, according to the transport authority, which called them “overdue”.",
        "overdue",
        "Transport authority",
        F,
    ),
    // Unnamed sources are not guessed.
    (
        "“We were not consulted,” an official said.",
        "We were not consulted,",
        "-",
        D,
    ),
    (
        "“Nobody saw it coming,” said a senior diplomat in Brussels.",
        "Nobody saw it coming,",
        "-",
        D,
    ),
    ("Officials said the bridge was “unsafe”.", "unsafe", "-", F),
    // Two people with one family name are not merged.
    (
        "Anna Berg, a biologist, and her brother Tomas Berg, a fisherman, disagree.\nMs Berg said the stock was “collapsing”.",
        "collapsing",
        "Anna Berg",
        F,
    ),
    (
        "Anna Berg, a biologist, and her brother Tomas Berg, a fisherman, disagree.\nMr Berg said the quotas were “absurd”.",
        "absurd",
        "Tomas Berg",
        F,
    ),
    // Scare quotes and titles are nobody's words.
    (
        "The so-called “peace dividend” never arrived.",
        "peace dividend",
        "-",
        F,
    ),
    (
        "Ravi Menon said the documentary, titled “Tides of Debt”, was unfair.",
        "Tides of Debt",
        "-",
        F,
    ),
    ("The “reforms” left pensioners poorer.", "reforms", "-", F),
    // Honorifics and titles before the name.
    (
        "“Nothing has changed,” said Prof. Leon Hart of Avon University.",
        "Nothing has changed,",
        "Leon Hart",
        D,
    ),
    (
        "Dr Maya Singh said the ward was “at breaking point”.",
        "at breaking point",
        "Maya Singh",
        F,
    ),
    (
        "Defence minister Ana Ruiz said the exercise was “long planned”.",
        "long planned",
        "Ana Ruiz",
        F,
    ),
    // Names in family-name-first order.
    (
        "Lee Jae-won, a professor at a Busan university, spoke first.\n“The north will test again,” Lee said.",
        "The north will test again,",
        "Lee Jae-won",
        D,
    ),
    (
        "Wang Lihua, an adviser to the provincial government, said output was up.\n“Factories are hiring,” Wang added.",
        "Factories are hiring,",
        "Wang Lihua",
        D,
    ),
    // Straight, mixed and nested marks; CRLF and a byte-order mark.
    (
        "\u{feff}“It’s ‘temporary’, they say,” said Elena Popescu, a tenant.\r\n",
        "It’s ‘temporary’, they say,",
        "Elena Popescu",
        D,
    ),
    (
        "“Mixed marks work too,\" said Elena Popescu, a tenant.",
        "Mixed marks work too,",
        "Elena Popescu",
        D,
    ),
    (
        "\"Why now?\" asked Elena Popescu, a tenant.",
        "Why now?",
        "Elena Popescu",
        D,
    ),
    // The cue before the quote, and a cue with "also" or "has".
    (
        "Ravi Menon, a fund manager, also said, “Volatility is back.”",
        "Volatility is back.",
        "Ravi Menon",
        D,
    ),
    (
        "Ravi Menon has warned that rates are “too low for too long”.",
        "too low for too long",
        "Ravi Menon",
        F,
    ),
    (
        "Sofia Marin, 54, said the clinic was “our lifeline”.",
        "our lifeline",
        "Sofia Marin",
        F,
    ),
    (
        "Sofia Marin, who runs the clinic, said it was “our lifeline”.",
        "our lifeline",
        "Sofia Marin",
        F,
    ),
];

fn speaker_name(article: &Article, id: Option<SpeakerId>) -> String {
    id.and_then(|s| article.speaker(s))
        .map_or_else(|| "-".to_owned(), |s| s.name.clone())
}

#[test]
fn attribution_rules() {
    let lexicon = Lexicon::builtin();
    let mut failures = Vec::new();
    for (text, quoted, expected_speaker, expected_kind) in CASES {
        let article = parse(text, &lexicon);
        let Some(quote) = article.quotes.iter().find(|q| q.text == *quoted) else {
            let found: Vec<_> = article.quotes.iter().map(|q| q.text.as_str()).collect();
            failures.push(format!("{quoted:?} not found in {text:?}; found {found:?}"));
            continue;
        };
        let speaker = speaker_name(&article, quote.speaker);
        let matches_speaker = if *expected_speaker == "-" {
            speaker == "-"
        } else {
            speaker == *expected_speaker || speaker.split_whitespace().any(|w| w == *expected_speaker)
        };
        if !matches_speaker || quote.kind != *expected_kind {
            failures.push(format!(
                "{quoted:?}: got {speaker} {:?} ({:?}), want {expected_speaker} {expected_kind:?}\n    in {text:?}",
                quote.kind, quote.attribution
            ));
        }
    }
    assert!(CASES.len() >= 40);
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// Roles, names and slugs of speakers as the text introduces them.
#[test]
fn speaker_names_and_roles() {
    let lexicon = Lexicon::builtin();
    let cases: &[(&str, &str, &str, &str, Option<&str>)] = &[
        (
            "“No,” said Ilse Maren, a lecturer at Tromsø University.",
            "ilse-maren",
            "Ilse Maren",
            "Maren",
            Some("a lecturer at Tromsø University"),
        ),
        (
            "Lee Jae-won, a professor in Busan, spoke.\n“No,” Lee said.",
            "lee-jae-won",
            "Lee Jae-won",
            "Lee",
            Some("a professor in Busan"),
        ),
        ("Talks stalled, said Oduya.", "oduya", "Oduya", "Oduya", None),
        (
            "Under pressure, defence minister Ana Ruiz said the drill was “routine”.",
            "ana-ruiz",
            "Ana Ruiz",
            "Ruiz",
            Some("defence minister"),
        ),
        (
            "Tomás Reyes, deputy mayor of the city, said so.",
            "tomas-reyes",
            "Tomás Reyes",
            "Reyes",
            Some("deputy mayor of the city"),
        ),
        (
            "Carla Mendes, 45, a teacher in Lisbon, said so.",
            "carla-mendes",
            "Carla Mendes",
            "Mendes",
            Some("a teacher in Lisbon"),
        ),
    ];
    for (text, slug, name, short, role) in cases {
        let article = parse(text, &lexicon);
        let slugs = speaker_slugs(&article.speakers);
        let speaker = slugs
            .iter()
            .position(|s| s == slug)
            .map(|i| &article.speakers[i])
            .unwrap_or_else(|| panic!("no speaker {slug} in {text:?}: {:?}", article.speakers));
        assert_eq!(
            (
                speaker.name.as_str(),
                speaker.short_name.as_str(),
                speaker.role.as_deref()
            ),
            (*name, *short, *role),
            "{text}"
        );
    }
}
