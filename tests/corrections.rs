//! Editors' corrections in an article's sidecar: they move a quote, set a role, survive a
//! re-parse of a changed text, and a stale one is reported with its line while the rest is
//! served. Every article here is written for this test.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::path::Path;
use std::process::Command;

use whosaid::corpus::{Corpus, SaidSource};
use whosaid::model::Attribution;

const ARTICLE: &str = "Harbour fees to double\n\
“The fees will double by spring,” said Ana Ruiz, a port economist.\n\
Tomas Berg, the harbour master, was asked about the plan.\n\
“Nobody will pay that,” she said.\n";

const SIDECAR: &str = "title = \"Harbour fees to double\"\n\
\n\
[[correction]]\n\
quote = \"Nobody will pay\"\n\
speaker = \"Tomas Berg\"\n\
\n\
[[speaker]]\n\
name = \"Ruiz\"\n\
role = \"an economist at the port authority\"\n\
\n\
[[correction]]\n\
quote = \"words nobody said\"\n\
speaker = \"Ana Ruiz\"\n";

fn data_dir(article: &str) -> tempdir::Dir {
    let dir = tempdir::Dir::new();
    std::fs::create_dir_all(dir.path().join("articles")).unwrap();
    std::fs::write(dir.path().join("articles/harbour.txt"), article).unwrap();
    std::fs::write(dir.path().join("articles/harbour.toml"), SIDECAR).unwrap();
    dir
}

/// Who said the quote that begins `opening`, and how that was decided.
fn speaker_of(corpus: &Corpus, opening: &str) -> (Option<String>, Attribution) {
    let row = (0..corpus.said.len())
        .find(|&row| {
            matches!(corpus.said[row].source(), SaidSource::Quote { .. })
                && corpus.said_text(row).text.starts_with(opening)
        })
        .unwrap();
    let r = &corpus.said[row];
    let SaidSource::Quote { quote, .. } = r.source() else {
        unreachable!()
    };
    (
        r.speaker().map(|s| corpus.speakers[s].name.to_string()),
        corpus.articles[r.article()].quotes[quote as usize].attribution.clone(),
    )
}

#[test]
fn a_correction_moves_a_quote_sets_a_role_and_survives_a_reparse() {
    let dir = data_dir(ARTICLE);
    let loaded = Corpus::load_dir(dir.path()).unwrap();
    assert!(loaded.errors.is_empty());
    let corpus = &loaded.corpus;
    assert_eq!(
        speaker_of(corpus, "Nobody will pay"),
        (Some("Tomas Berg".to_owned()), Attribution::Corrected)
    );
    let ruiz = corpus.speakers.iter().find(|s| &*s.name == "Ana Ruiz").unwrap();
    assert_eq!(ruiz.role.as_deref(), Some("an economist at the port authority"));
    // The stale one is reported with its file and line; everything else is served.
    assert_eq!(loaded.stale.len(), 1);
    assert_eq!(loaded.stale[0].line, 12);
    assert!(loaded.stale[0].path.ends_with("harbour.toml"));
    assert_eq!(
        speaker_of(corpus, "The fees will double"),
        (Some("Ana Ruiz".to_owned()), Attribution::Named)
    );

    // The writer adds a paragraph; the article is parsed again and the correction still holds.
    let edited = format!("{ARTICLE}The council meets on Friday.\n");
    std::fs::write(dir.path().join("articles/harbour.txt"), edited).unwrap();
    let again = Corpus::load_dir(dir.path()).unwrap();
    assert_eq!(
        speaker_of(&again.corpus, "Nobody will pay").0.as_deref(),
        Some("Tomas Berg")
    );
}

#[test]
fn check_reports_stale_corrections_as_json() {
    let dir = data_dir(ARTICLE);
    let output = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["check", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "a stale correction is a warning, not a failure"
    );
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["ok"], true);
    let problems = answer["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0]["severity"], "warning");
    assert_eq!(problems[0]["line"], 12);
    assert!(problems[0]["file"].as_str().unwrap().ends_with("harbour.toml"));
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("no quote begins “words nobody said”")
    );

    // A broken sidecar is an error with its line.
    std::fs::write(dir.path().join("articles/harbour.toml"), "title = \"x\"\nspeakr = 1\n").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["check", "--json"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(!output.status.success());
    let answer: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(answer["ok"], false);
    assert_eq!(answer["problems"][0]["severity"], "error");
    assert_eq!(answer["problems"][0]["line"], 2);
}

/// A temporary folder, removed when dropped.
mod tempdir {
    use super::Path;

    pub(crate) struct Dir(std::path::PathBuf);

    impl Dir {
        pub(crate) fn new() -> Self {
            use std::sync::atomic::{AtomicUsize, Ordering};
            static NEXT: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "whosaid-corrections-{}-{}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ));
            std::fs::create_dir_all(&path).unwrap();
            Dir(path)
        }

        pub(crate) fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
