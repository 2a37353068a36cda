//! Live data: the real server on a temporary data folder sees an article added, keeps serving
//! the last good version of a file that breaks, drops an article that is deleted, and reloads
//! on SIGHUP without dying — all without a restart.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long a change may take to show.
const WITHIN: Duration = Duration::from_secs(2);

struct Server {
    child: Child,
    addr: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(data: &Path) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--addr", "127.0.0.1:0", "--log", "info", "--data"])
        .arg(data)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if let Some(at) = line.find("serving on http://") {
                let _ = tx.send(line[at + "serving on http://".len()..].trim().to_owned());
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(20)).unwrap();
    Server { child, addr }
}

fn get_json(addr: &str, path: &str) -> serde_json::Value {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let body = answer.split("\r\n\r\n").nth(1).unwrap_or("");
    serde_json::from_str(body).unwrap_or(serde_json::Value::Null)
}

fn titles(addr: &str) -> Vec<String> {
    get_json(addr, "/api/articles")["articles"]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|a| a["title"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn eventually(what: &str, mut ok: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < WITHIN, "{what} did not happen within {WITHIN:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn data_folder() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("whosaid-live-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["putin-north-korea-visit.txt", "putin-north-korea-visit.toml"] {
        std::fs::copy(root.join("data/articles").join(name), dir.join("articles").join(name)).unwrap();
    }
    std::fs::copy(root.join("data/themes.toml"), dir.join("themes.toml")).unwrap();
    dir
}

#[test]
fn added_broken_and_deleted_articles_show_without_a_restart() {
    let data = data_folder();
    let server = start(&data);
    assert_eq!(titles(&server.addr).len(), 1);

    // Added with `whosaid add` while the server runs.
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages/plain-article.txt");
    let status = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .arg("add")
        .arg(&page)
        .arg("--data")
        .arg(&data)
        .status()
        .unwrap();
    assert!(status.success());
    eventually("the added article showing", || titles(&server.addr).len() == 2);
    let added = get_json(&server.addr, "/api/articles");
    let tidal = added["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Tidal energy trial extended for two years")
        .unwrap()
        .clone();
    assert_eq!(tidal["date"], "2024-03-20");
    assert_eq!(tidal["byline"], "Ana Ruiz and Tomas Berg");
    let slug = tidal["slug"].as_str().unwrap().to_owned();
    let speakers = get_json(&server.addr, "/api/speakers");
    assert!(
        speakers["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["name"] == "Nadia Okafor")
    );

    // Broken: the server keeps serving the last good version.
    let file = data.join("articles").join(format!("{slug}.txt"));
    std::fs::write(&file, b"Tidal\x00energy").unwrap();
    std::thread::sleep(WITHIN);
    assert_eq!(titles(&server.addr).len(), 2, "the last good version stays");

    // SIGHUP reloads and the server lives on.
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-HUP", &pid]).status().unwrap().success());
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(titles(&server.addr).len(), 2);

    // Deleted: gone.
    std::fs::remove_file(&file).unwrap();
    std::fs::remove_file(file.with_extension("toml")).unwrap();
    eventually("the deleted article going", || titles(&server.addr).len() == 1);
    drop(server);
    let _ = std::fs::remove_dir_all(&data);
}
