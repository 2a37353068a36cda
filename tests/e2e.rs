//! End to end: the real server on a real socket, with the real accept loop, timeouts and shutdown.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use whosaid::corpus::Corpus;
use whosaid::web::{AppState, ServerConfig, app, serve};

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
