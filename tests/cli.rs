//! The command line: `parse` (readable and JSON, and to a reader that stops early), bad input
//! files, `check`, and `--help`.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::process::Command;

fn whosaid(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_whosaid")).args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn parse_json_has_the_fields_the_scorer_reads() {
    let (code, out, _) = whosaid(&["parse", "data/articles/putin-north-korea-visit.txt", "--json"]);
    assert_eq!(code, 0);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let article = &json["articles"][0];
    assert_eq!(article["date"], "2024-07-24");
    assert_eq!(article["speakers"].as_array().unwrap().len(), 6);
    assert_eq!(article["speakers"][4]["slug"], "jenny-town");
    assert_eq!(article["quotes"].as_array().unwrap().len(), 24);
    assert_eq!(article["quotes"][0]["speaker"], "cho");
    assert_eq!(article["quotes"][0]["kind"], "fragment");
    assert_eq!(article["paragraphs"][0]["role"], "dateline");
}

#[test]
fn parse_readable_lists_speakers_quotes_and_what_was_set_aside() {
    let (code, out, _) = whosaid(&["parse", "data/articles/putin-north-korea-visit.txt"]);
    assert_eq!(code, 0);
    assert!(out.contains("Jenny Town [jenny-town] — a senior fellow at the Stimson Centre think tank"));
    assert!(out.contains("Cho [cho] — (no role given)"));
    assert!(out.contains("Set aside:"));
    assert!(out.contains("caption"));
    assert!(out.contains("footer"));
}

#[test]
fn a_file_that_is_not_utf8_is_an_error_naming_file_and_offset() {
    let path = std::env::temp_dir().join(format!("whosaid-latin1-{}.txt", std::process::id()));
    std::fs::write(&path, b"First line.\nCaf\xe9 owners said so.\n").unwrap();
    let (code, _, err) = whosaid(&["parse", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 1);
    assert!(
        err.contains(&format!(
            "{}:2: not UTF-8 text: invalid byte at offset 15",
            path.display()
        )),
        "{err}"
    );
    let (code, _, err) = whosaid(&["parse", "no/such/file.txt"]);
    assert_eq!(code, 1);
    assert!(err.contains("no/such/file.txt: cannot read"), "{err}");
}

#[test]
fn check_reports_problems_without_serving() {
    let (code, out, _) = whosaid(&["check", "data"]);
    assert_eq!(code, 0);
    assert!(out.contains("1 articles, 6 speakers, 24 quotes"), "{out}");
    let dir = std::env::temp_dir().join(format!("whosaid-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("good.txt"), "“Yes,” said Ana Ruiz, a lecturer.\n").unwrap();
    std::fs::write(dir.join("bad.txt"), b"\xff\xfe").unwrap();
    std::fs::write(
        dir.join("themes.toml"),
        "[[theme]]\nslug = \"Bad Slug\"\nlabel = \"x\"\nkeywords = [\"x\"]\n",
    )
    .unwrap();
    let (code, _, err) = whosaid(&["check", dir.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(err.contains("themes.toml:2: slug"), "{err}");
    std::fs::remove_file(dir.join("themes.toml")).unwrap();
    let (code, out, err) = whosaid(&["check", dir.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(
        err.contains("bad.txt:1: not UTF-8 text: invalid byte at offset 0"),
        "{err}"
    );
    assert!(out.contains("1 articles") && out.contains("1 files failed"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn help_documents_the_flags() {
    let (code, out, _) = whosaid(&["--help"]);
    assert_eq!(code, 0);
    for flag in ["--addr", "--data", "--log", "serve", "parse", "check"] {
        assert!(out.contains(flag), "{flag} missing from --help:\n{out}");
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_output_quietly() {
    // Output far larger than a pipe holds, so that writing meets the closed pipe.
    let path = std::env::temp_dir().join(format!("whosaid-long-{}.txt", std::process::id()));
    let paragraph = "“The talks went well,” said Ana Ruiz, a lecturer at Vigo University.\n\n";
    std::fs::write(&path, paragraph.repeat(4000)).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["parse", path.to_str().unwrap(), "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut start = [0u8; 64];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut start).unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(String::from_utf8_lossy(&start).contains("articles"));
    assert!(output.status.success(), "{:?}", output.status);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}
