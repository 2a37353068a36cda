//! Taking articles in: saved pages in the shapes real sites use (all written for this test),
//! plain text with a headline, byline and date, `whosaid add` from a file and from an address
//! on 127.0.0.1, and failures that name their source and write nothing.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

use whosaid::ingest::extract_source;

/// (page, title, date, outlet, byline, url, first paragraph opens, last paragraph opens).
type Page = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const PAGES: &[Page] = &[
    (
        "wordpress-jsonld.html",
        "Harbour fees to double from spring",
        "2025-06-03",
        "The Coastal Ledger",
        "Mara Quell",
        "https://ledger.example/2025/06/03/harbour-fees-to-double/",
        "The port authority will double mooring fees",
        "The authority said it would consult fishing crews",
    ),
    (
        "amp-like.html",
        "Ferry timetable cut to two sailings a day",
        "2024-11-12",
        "Island News",
        "Jonas Vell",
        "https://islandnews.example/news/ferry-timetable-cut",
        "The island’s ferry will sail only twice a day",
        "The operator said it hoped to restore",
    ),
    (
        "og-only.html",
        "Council approves new cycle lanes",
        "2023-09-21",
        "Valley Courier",
        "Lea Marsh",
        "https://valleycourier.example/local/cycle-lanes-approved",
        "The town council voted on Thursday",
        "Work is expected to start in March",
    ),
    (
        "div-only.html",
        "Drought closes two reservoirs",
        "2022-08-05",
        "Plains Daily",
        "Hale Dorran",
        "https://plainsdaily.example/drought-closes-two-reservoirs",
        "Two reservoirs that supply the eastern farms",
        "The board said it would meet the farmers’ association",
    ),
    (
        "sidebar-quotes.html",
        "Museum returns carved door to village",
        "2025-03-14",
        "The Northern Review",
        "Sana Boyd",
        "https://northernreview.example/culture/museum-returns-door",
        "A carved wooden door taken from a village church",
        "The museum said it would help the parish",
    ),
];

/// Words of the pages' furniture that must not reach the body.
const FURNITURE: &[&str] = &[
    "cookie",
    "Accept all",
    "Share on",
    "Advertisement",
    "About the author",
    "Read more",
    "Leave a Reply",
    "Most read",
    "Most popular",
    "You may also like",
    "Subscribe",
    "Sign up",
    "Privacy",
    "rights reserved",
    "Photo:",
    "We were told nothing",
    "fair to every region",
    "A disgrace",
    "Menu",
    "Front page",
    "Log in",
    "Grain prices",
    "Tractor parts",
    "Terms",
];

fn page(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/pages")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn saved_pages_in_the_shapes_real_sites_use() {
    for &(name, title, date, outlet, byline, url, first, last) in PAGES {
        let found = extract_source(&page(name)).unwrap();
        assert_eq!(found.title.as_deref(), Some(title), "{name}");
        assert_eq!(found.date.as_deref(), Some(date), "{name}");
        assert_eq!(found.outlet.as_deref(), Some(outlet), "{name}");
        assert_eq!(found.byline.as_deref(), Some(byline), "{name}");
        assert_eq!(found.url.as_deref(), Some(url), "{name}");
        assert!(
            found.paragraphs.first().unwrap().starts_with(first),
            "{name}: {:?}",
            found.paragraphs
        );
        assert!(
            found.paragraphs.last().unwrap().starts_with(last),
            "{name}: {:?}",
            found.paragraphs
        );
        let body = found.paragraphs.join("\n");
        for furniture in FURNITURE {
            assert!(!body.contains(furniture), "{name}: “{furniture}” in the body:\n{body}");
        }
        assert!(!body.contains(title), "{name}: the headline is not a paragraph");
    }
}

#[test]
fn plain_text_has_a_headline_a_byline_and_a_date() {
    let found = extract_source(&page("plain-article.txt")).unwrap();
    assert_eq!(
        found.title.as_deref(),
        Some("Tidal energy trial extended for two years")
    );
    assert_eq!(found.byline.as_deref(), Some("Ana Ruiz and Tomas Berg"));
    assert_eq!(found.date.as_deref(), Some("2024-03-20"));
    assert_eq!(found.paragraphs.len(), 3);
    // Parsed as an article, none of them is a link to another story.
    let text = std::fs::read_to_string(page("plain-article.txt")).unwrap();
    let article = whosaid::parse::parse(&text, &whosaid::parse::Lexicon::builtin());
    let roles: Vec<&str> = article.paragraphs.iter().map(|p| p.role.as_str()).collect();
    assert_eq!(roles, ["headline", "byline", "dateline", "body", "body", "body"]);
    assert_eq!(
        article.title.as_deref(),
        Some("Tidal energy trial extended for two years")
    );
    assert_eq!(article.date.as_deref(), Some("2024-03-20"));
    assert!(article.speakers.iter().any(|s| &*s.name == "Nadia Okafor"));
}

fn whosaid(args: &[&str], data: &Path) -> (bool, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(args)
        .arg("--data")
        .arg(data)
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-extract-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("articles"))
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn add_stores_text_and_metadata_and_updates_instead_of_copying() {
    let data = temp_dir("add");
    let (ok, out, err) = whosaid(&["add", &page("wordpress-jsonld.html")], &data);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "harbour-fees-to-double-from-spring");
    assert_eq!(
        files(&data),
        [
            "harbour-fees-to-double-from-spring.toml",
            "harbour-fees-to-double-from-spring.txt"
        ]
    );
    let text = std::fs::read_to_string(data.join("articles/harbour-fees-to-double-from-spring.txt")).unwrap();
    assert!(text.starts_with("Harbour fees to double from spring\n\nThe port authority"));
    let sidecar: toml::Table = std::fs::read_to_string(data.join("articles/harbour-fees-to-double-from-spring.toml"))
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(sidecar["date"].as_str(), Some("2025-06-03"));
    assert_eq!(sidecar["outlet"].as_str(), Some("The Coastal Ledger"));
    // The same source again updates the article.
    let (ok, out, _) = whosaid(&["add", &page("wordpress-jsonld.html")], &data);
    assert!(ok);
    assert_eq!(out.trim(), "harbour-fees-to-double-from-spring");
    assert_eq!(files(&data).len(), 2);
    // The stored article loads and serves its speakers.
    let (ok, out, err) = whosaid(&["check"], &data);
    assert!(ok, "{out}{err}");
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn failures_name_the_source_and_write_nothing() {
    let data = temp_dir("fail");
    let binary = std::env::temp_dir().join(format!("whosaid-extract-{}.bin", std::process::id()));
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    for (source, says) in [
        ("/no/such/page.html".to_owned(), "cannot read"),
        (binary.display().to_string(), "not a web page or a text file"),
        ("http://127.0.0.1:9/".to_owned(), "cannot fetch"),
    ] {
        let (ok, _, err) = whosaid(&["add", &source], &data);
        assert!(!ok, "{source}");
        assert!(err.contains(&source) && err.contains(says), "{source}: {err}");
    }
    assert!(files(&data).is_empty());
    let _ = std::fs::remove_file(&binary);
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn add_fetches_an_address() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let body = std::fs::read(page("amp-like.html")).unwrap();
    let server = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = [0u8; 4096];
        let n = stream.read(&mut request).unwrap();
        let request = String::from_utf8_lossy(&request[..n]).into_owned();
        let head = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&body).unwrap();
        request
    });
    let data = temp_dir("fetch");
    let (ok, out, err) = whosaid(&["add", &format!("http://127.0.0.1:{port}/news/ferry")], &data);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "ferry-timetable-cut-to-two-sailings-a-day");
    let request = server.join().unwrap();
    assert!(
        request.contains("user-agent: whosaid/") || request.contains("User-Agent: whosaid/"),
        "{request}"
    );
    let _ = std::fs::remove_dir_all(&data);
}

#[test]
fn check_says_when_a_text_file_is_a_web_page() {
    let data = temp_dir("html-as-text");
    std::fs::create_dir_all(data.join("articles")).unwrap();
    std::fs::copy(page("saved-as-text.txt"), data.join("articles/saved.txt")).unwrap();
    let (ok, out, err) = whosaid(&["check"], &data);
    assert!(!ok, "{out}");
    assert!(
        err.contains("saved.txt") && err.contains("web page") && err.contains("whosaid add"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&data);
}
