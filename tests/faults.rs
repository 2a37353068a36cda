//! Faults: slow and idle connections, many requests, SIGTERM under load, data files changing underfoot.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use whosaid::corpus::Corpus;
use whosaid::web::{AppState, ServerConfig, app, serve};

async fn start(corpus: Corpus, config: ServerConfig) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(corpus, &format!("http://{addr}"));
    tokio::spawn(serve(listener, app(state), config, std::future::pending()));
    addr
}

/// Reads one HTTP/1.1 response (headers and a Content-Length body) from a kept-alive stream.
async fn read_response(reader: &mut BufReader<TcpStream>) -> Option<(u16, Vec<u8>)> {
    let mut status_line = String::new();
    if reader.read_line(&mut status_line).await.ok()? == 0 {
        return None;
    }
    let status = status_line.get(9..12)?.parse().ok()?;
    let mut length = 0;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).await.ok()?;
        if line == "\r\n" {
            break;
        }
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().ok()?;
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await.ok()?;
    Some((status, body))
}

async fn get_once(addr: SocketAddr, path: &str) -> Option<(u16, Vec<u8>)> {
    let mut stream = TcpStream::connect(addr).await.ok()?;
    stream
        .write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
        .await
        .ok()?;
    read_response(&mut BufReader::new(stream)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_and_idle_connections_do_not_block_new_requests() {
    let config = ServerConfig {
        header_read_timeout: Duration::from_secs(1),
        ..ServerConfig::default()
    };
    let addr = start(Corpus::shipped().unwrap(), config).await;
    // Three hundred clients that start a request and never finish it, trickling bytes.
    let mut slow = Vec::new();
    for i in 0..300 {
        let mut stream = TcpStream::connect(addr).await.unwrap();
        stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        if i % 2 == 0 {
            stream.write_all(b"X-Slow: a").await.unwrap();
        }
        slow.push(stream);
    }
    // A hundred idle connections that send nothing at all.
    let mut idle = Vec::new();
    for _ in 0..100 {
        idle.push(TcpStream::connect(addr).await.unwrap());
    }
    for _ in 0..5 {
        let started = Instant::now();
        let (status, body) = get_once(addr, "/speakers/jenny-town").await.unwrap();
        assert_eq!(status, 200);
        assert!(String::from_utf8_lossy(&body).contains("Jenny Town"));
        assert!(
            started.elapsed() < Duration::from_millis(500),
            "took {:?}",
            started.elapsed()
        );
        for stream in slow.iter_mut().step_by(10) {
            let _ = stream.write_all(b"b").await;
        }
    }
    // The header timeout closes every connection that never finished its headers.
    let deadline = Instant::now() + Duration::from_secs(10);
    for stream in slow.iter_mut().chain(idle.iter_mut()) {
        let mut buffer = [0u8; 512];
        let left = deadline.saturating_duration_since(Instant::now());
        let closed = tokio::time::timeout(left, async {
            loop {
                match stream.read(&mut buffer).await {
                    Ok(0) | Err(_) => return,
                    Ok(_) => {}
                }
            }
        })
        .await;
        assert!(
            closed.is_ok(),
            "a slow connection was still open after the header timeout"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_requests_on_64_connections_without_an_error() {
    let addr = start(Corpus::shipped().unwrap(), ServerConfig::default()).await;
    let paths = [
        "/",
        "/speakers/jenny-town",
        "/quotes?speaker=sydney-seiler&speaker=jenny-town",
        "/api/quotes?speaker=jenny-town",
        "/static/style.css",
    ];
    let mut clients = Vec::new();
    for c in 0..64 {
        clients.push(tokio::spawn(async move {
            let stream = TcpStream::connect(addr).await.unwrap();
            let mut reader = BufReader::new(stream);
            let mut ok = 0;
            for n in 0..157 {
                let path = paths[(c + n) % paths.len()];
                reader
                    .get_mut()
                    .write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
                    .await
                    .unwrap();
                let (status, body) = read_response(&mut reader)
                    .await
                    .expect("an answer on a kept-alive connection");
                assert_eq!(status, 200, "{path}");
                assert!(!body.is_empty());
                ok += 1;
            }
            ok
        }));
    }
    let mut total = 0;
    for client in clients {
        total += client.await.unwrap();
    }
    assert_eq!(total, 64 * 157);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_files_changing_or_vanishing_do_not_change_what_is_served() {
    let dir = std::env::temp_dir().join(format!("whosaid-faults-{}", std::process::id()));
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let article = articles.join("visit.txt");
    std::fs::copy("data/articles/putin-north-korea-visit.txt", &article).unwrap();
    let loaded = Corpus::load_dir(&dir).unwrap();
    assert!(loaded.errors.is_empty());
    let addr = start(loaded.corpus, ServerConfig::default()).await;
    let before = get_once(addr, "/speakers/jenny-town").await.unwrap();
    assert_eq!(before.0, 200);

    std::fs::write(&article, "Someone said nothing.\n").unwrap();
    assert_eq!(get_once(addr, "/speakers/jenny-town").await.unwrap(), before);
    std::fs::write(&article, [0xff, 0xfe, 0x00]).unwrap();
    assert_eq!(get_once(addr, "/articles/visit").await.unwrap().0, 200);
    std::fs::remove_file(&article).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(get_once(addr, "/speakers/jenny-town").await.unwrap(), before);
    assert_eq!(get_once(addr, "/api/quotes?speaker=jenny-town").await.unwrap().0, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_under_load_finishes_requests_in_flight_and_exits_zero() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["--addr", "127.0.0.1:0", "--data", "data", "--log", "info"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(tokio::process::ChildStdout::from_std(stdout).unwrap()).lines();
    let addr: SocketAddr = loop {
        let line = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        if let Some(at) = line.find("serving on http://") {
            break line[at + "serving on http://".len()..].trim().parse().unwrap();
        }
    };
    // Drain the log so the server never blocks writing it.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

    let mut clients = Vec::new();
    for _ in 0..16 {
        clients.push(tokio::spawn(async move {
            let (mut complete, mut refused) = (0, 0);
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(3) {
                let Ok(stream) = TcpStream::connect(addr).await else {
                    refused += 1;
                    tokio::time::sleep(Duration::from_millis(5)).await;
                    continue;
                };
                let mut reader = BufReader::new(stream);
                if reader
                    .get_mut()
                    .write_all(b"GET /speakers/jenny-town HTTP/1.1\r\nHost: x\r\n\r\n")
                    .await
                    .is_err()
                {
                    refused += 1;
                    continue;
                }
                // A request the server accepted is answered in full, or the
                // connection is closed before any answer began.
                match read_response(&mut reader).await {
                    Some((200, body)) => {
                        assert!(String::from_utf8_lossy(&body).contains("</html>"), "a truncated page");
                        complete += 1;
                    }
                    Some((status, _)) => panic!("status {status} during shutdown"),
                    None => refused += 1,
                }
            }
            (complete, refused)
        }));
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut complete = 0;
    for client in clients {
        complete += client.await.unwrap().0;
    }
    assert!(complete > 100, "only {complete} requests completed before shutdown");
    let exit = tokio::task::spawn_blocking(move || child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(exit.success(), "exit status {exit}");
}
