//! End to end: the real server on a real socket, with the real accept loop, timeouts and shutdown.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use whosaid::corpus::Corpus;
use whosaid::web::{AppState, ServerConfig, app, serve, site};

/// Sends raw bytes and reads the whole answer (the request asks to close).
async fn exchange(addr: std::net::SocketAddr, request: &[u8]) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    let mut answer = Vec::new();
    tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer))
        .await
        .unwrap()
        .unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}

#[tokio::test]
async fn serves_pages_over_a_socket_and_shuts_down_cleanly() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(Corpus::shipped().unwrap(), &format!("http://{addr}"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, app(state), ServerConfig::default(), async {
        let _ = stopped.await;
    }));

    let home = exchange(addr, b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").await;
    assert!(home.starts_with("HTTP/1.1 200 OK"), "{home}");
    assert!(home.contains("Jenny Town"));
    assert!(home.contains(&format!("<link rel=\"canonical\" href=\"http://{addr}/\">")));

    let speaker = exchange(
        addr,
        b"GET /speakers/town HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(speaker.starts_with("HTTP/1.1 308"), "{speaker}");
    assert!(speaker.to_lowercase().contains("location: /speakers/jenny-town"));

    let json = exchange(
        addr,
        b"GET /api/quotes?speaker=jenny-town HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(
        json.starts_with("HTTP/1.1 200 OK") && json.contains("\"speaker\":\"jenny-town\""),
        "{json}"
    );

    // Two requests on one kept-alive connection.
    let both = exchange(
        addr,
        b"GET /themes HTTP/1.1\r\nHost: localhost\r\n\r\nGET /nope HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    )
    .await;
    assert!(both.starts_with("HTTP/1.1 200 OK"));
    assert!(both.contains("HTTP/1.1 404 Not Found"));

    // Garbage is refused, not crashed on.
    let garbage = exchange(addr, b"\x16\x03\x01 not http at all\r\n\r\n").await;
    assert!(garbage.is_empty() || garbage.starts_with("HTTP/1.1 400"), "{garbage}");

    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(15), server)
        .await
        .unwrap()
        .unwrap();
    assert!(
        TcpStream::connect(addr).await.is_err(),
        "the listener is closed after shutdown"
    );
}

/// The response's head, lower-cased, and its body.
fn split(answer: &str) -> (String, String) {
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((answer, ""));
    (head.to_ascii_lowercase(), body.to_owned())
}

#[tokio::test]
async fn cache_hits_carry_every_header_and_a_reload_clears_them() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(Corpus::shipped().unwrap(), &format!("http://{addr}"));
    tokio::spawn(serve(
        listener,
        site(state.clone()),
        ServerConfig::default(),
        std::future::pending(),
    ));
    let get = |encoding: &'static str| async move {
        let request =
            format!("GET /speakers/jenny-town HTTP/1.1\r\nHost: localhost\r\n{encoding}Connection: close\r\n\r\n");
        exchange(addr, request.as_bytes()).await
    };
    let (miss_head, miss_body) = split(&get("").await);
    assert!(!state.cache.is_empty(), "the page was stored");
    let (hit_head, hit_body) = split(&get("").await);
    assert_eq!(hit_body, miss_body);
    for header in [
        "content-security-policy:",
        "x-content-type-options: nosniff",
        "cache-control: no-cache",
        "content-type: text/html",
    ] {
        assert!(miss_head.contains(header), "miss lacks {header}: {miss_head}");
        assert!(hit_head.contains(header), "hit lacks {header}: {hit_head}");
    }
    // Compressed once, kept per encoding, with Vary on both.
    let (gzip_head, _) = split(&get("Accept-Encoding: gzip\r\n").await);
    let (gzip_hit, _) = split(&get("Accept-Encoding: gzip\r\n").await);
    for head in [&gzip_head, &gzip_hit] {
        assert!(head.contains("content-encoding: gzip"), "{head}");
        assert!(head.contains("vary: accept-encoding"), "{head}");
    }
    assert!(!hit_head.contains("content-encoding"), "{hit_head}");
    // New data: the cache is dropped.
    state.replace_corpus(Corpus::shipped().unwrap());
    assert!(state.cache.is_empty());
}
