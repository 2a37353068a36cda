//! Hostile requests over a real socket: each gets a clean answer, never a 5xx,
//! a dropped connection, an unescaped echo or a file from outside `static/`.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use whosaid::corpus::Corpus;
use whosaid::web::{AppState, ServerConfig, app, serve};

const XSS: &str = "<script>alert(1)</script>";
const XSS_ENCODED: &str = "%3Cscript%3Ealert(1)%3C%2Fscript%3E";

async fn start() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(Corpus::shipped().unwrap(), &format!("http://{addr}"));
    tokio::spawn(serve(
        listener,
        app(state),
        ServerConfig::default(),
        std::future::pending(),
    ));
    addr
}

/// Sends raw bytes (a request that asks to close) and reads the whole answer.
async fn send(addr: SocketAddr, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    // The server may answer and close before a very large request is fully
    // written; what matters is the answer.
    let _ = stream.write_all(request).await;
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(15), stream.read_to_end(&mut answer)).await;
    assert!(
        read.is_ok(),
        "no answer in time to {:?}",
        String::from_utf8_lossy(&request[..request.len().min(120)])
    );
    answer
}

fn status(answer: &[u8]) -> u16 {
    let text = String::from_utf8_lossy(&answer[..answer.len().min(20)]).into_owned();
    text.strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not an HTTP answer: {text:?}"))
}

fn get(target: &str, headers: &str) -> Vec<u8> {
    format!("GET {target} HTTP/1.1\r\nHost: localhost\r\n{headers}Connection: close\r\n\r\n").into_bytes()
}

/// The checks every answer must pass.
fn assert_clean(name: &str, answer: &[u8], allowed: &[u16]) {
    assert!(!answer.is_empty(), "{name}: connection dropped without an answer");
    let code = status(answer);
    assert!(code < 500, "{name}: {code}");
    assert!(
        allowed.contains(&code),
        "{name}: status {code}, expected one of {allowed:?}"
    );
    let body = String::from_utf8_lossy(answer);
    // Echoed markup is harmless only where no browser runs it: a plain-text error (the CSV
    // answers in text) with sniffing off. In HTML it must come back escaped.
    let head = body.split("\r\n\r\n").next().unwrap_or("").to_ascii_lowercase();
    let plain = head.contains("content-type: text/plain") && head.contains("x-content-type-options: nosniff");
    assert!(
        !body.contains(XSS) || plain,
        "{name}: the script tag came back unescaped"
    );
    assert!(
        !body.contains("[package]") && !body.contains("root:x:0:0"),
        "{name}: served a file from outside static/"
    );
}

fn hostile_requests() -> Vec<(String, Vec<u8>, Vec<u16>)> {
    let mut cases: Vec<(String, Vec<u8>, Vec<u16>)> = Vec::new();
    let mut add = |name: String, request: Vec<u8>, allowed: &[u16]| cases.push((name, request, allowed.to_vec()));
    // Path traversal in static and slug paths: plain, encoded, double-encoded, backslashes, overlong UTF-8.
    for prefix in [
        "/static/",
        "/speakers/",
        "/articles/",
        "/themes/",
        "/api/speakers/",
        "/api/articles/",
        "/",
    ] {
        for attack in [
            "../Cargo.toml",
            "../../../../etc/passwd",
            "..%2fCargo.toml",
            "%2e%2e/Cargo.toml",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "%252e%252e%252fCargo.toml",
            "..\\Cargo.toml",
            "..%5c..%5cCargo.toml",
            "%c0%ae%c0%ae/Cargo.toml",
            "%c0%af%c0%afetc/passwd",
            "....//....//etc/passwd",
            "%00../Cargo.toml",
        ] {
            add(
                format!("traversal {prefix}{attack}"),
                get(&format!("{prefix}{attack}"), ""),
                &[400, 404, 308],
            );
        }
    }
    // Over-long URIs and headers, and hundreds of headers.
    for kb in [8, 16, 64, 100] {
        let long = "a".repeat(kb * 1024);
        add(
            format!("{kb} KB path"),
            get(&format!("/speakers/{long}"), ""),
            &[404, 414, 431],
        );
        add(
            format!("{kb} KB query"),
            get(&format!("/quotes?q={long}"), ""),
            &[400, 414, 431],
        );
        add(
            format!("{kb} KB header"),
            get("/", &format!("X-Long: {long}\r\n")),
            &[200, 431],
        );
    }
    for count in [150, 500] {
        let many: String = (0..count).map(|i| format!("X-H{i}: v\r\n")).collect();
        add(format!("{count} headers"), get("/", &many), &[431]);
    }
    // Bad encodings in queries.
    for (name, target) in [
        ("invalid percent", "/quotes?q=%zz%"),
        ("truncated percent", "/quotes?q=%E2%80"),
        ("invalid UTF-8", "/quotes?q=%FF%FE"),
        ("invalid UTF-8 name", "/quotes?%FF=1"),
        ("overlong UTF-8", "/quotes?q=%C0%AE"),
        ("NUL", "/quotes?q=%00"),
        ("lone surrogate", "/quotes?q=%ED%A0%80"),
        ("invalid UTF-8 in path", "/speakers/%FF%FE"),
        ("invalid UTF-8 in API path", "/api/speakers/%C3%28"),
    ] {
        add(name.to_owned(), get(target, ""), &[200, 400, 404]);
    }
    // Unknown, empty and repeated parameters; odd page numbers.
    for target in [
        "/quotes?unknown=1",
        "/quotes?=",
        "/quotes?&&&",
        "/quotes?speaker=",
        "/quotes?speaker=jenny-town&speaker=jenny-town",
        "/quotes?q=a&q=b",
        "/quotes?kind=direct&kind=direct&kind=fragment",
        "/quotes?page=-1",
        "/quotes?page=0",
        "/quotes?page=99999999999999999999999999",
        "/quotes?page=1e3",
        "/quotes?page=1&page=2",
        "/api/quotes?page=18446744073709551616",
        "/quotes.csv?page=-5",
        "/articles?page=999999",
        "/article?furniture=",
    ] {
        add(format!("params {target}"), get(target, ""), &[200, 400]);
    }
    // A script tag in every parameter, in slugs, and in headers.
    for target in [
        format!("/quotes?q={XSS_ENCODED}"),
        format!("/quotes?speaker={XSS_ENCODED}"),
        format!("/quotes?kind={XSS_ENCODED}"),
        format!("/quotes?theme={XSS_ENCODED}"),
        format!("/quotes?page={XSS_ENCODED}"),
        format!("/quotes?{XSS_ENCODED}=1"),
        format!("/api/quotes?q={XSS_ENCODED}"),
        format!("/api/quotes?speaker={XSS_ENCODED}"),
        format!("/quotes.csv?kind={XSS_ENCODED}"),
        format!("/speakers/{XSS_ENCODED}"),
        format!("/themes/{XSS_ENCODED}"),
        format!("/articles/{XSS_ENCODED}"),
        format!("/api/speakers/{XSS_ENCODED}"),
        format!("/{XSS_ENCODED}"),
        format!("/article?furniture={XSS_ENCODED}"),
    ] {
        add(format!("script in {target}"), get(&target, ""), &[200, 400, 404]);
    }
    for header in [
        "Referer",
        "User-Agent",
        "Accept",
        "Accept-Language",
        "Cookie",
        "X-Forwarded-For",
    ] {
        add(
            format!("script in {header}"),
            get("/quotes", &format!("{header}: {XSS}\r\n")),
            &[200],
        );
    }
    // Every method but GET and HEAD, including unknown ones.
    for method in [
        "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "BREW", "FOO",
    ] {
        let target = if method == "CONNECT" { "localhost:80" } else { "/" };
        let request =
            format!("{method} {target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        // CONNECT names no path: there is no page there (404) or it is refused (400, 405).
        add(format!("method {method}"), request.into_bytes(), &[400, 404, 405]);
    }
    // Range requests on a static file.
    for (range, allowed) in [
        ("bytes=0-99", &[206][..]),
        ("bytes=-50", &[206]),
        ("bytes=100000-200000", &[416]),
        ("bytes=abc", &[200, 416]),
        ("bytes=0-1,5-6,10-11", &[200, 206, 416]),
    ] {
        add(
            format!("range {range}"),
            get("/static/style.css", &format!("Range: {range}\r\n")),
            allowed,
        );
    }
    // Malformed requests.
    for (name, raw) in [
        ("no version", "GET /\r\n\r\n"),
        ("HTTP/0.9", "GET / HTTP/0.9\r\n\r\n"),
        ("bad version", "GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
        ("space in target", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"),
        ("bad header", "GET / HTTP/1.1\r\nHost x\r\n\r\n"),
        (
            "absolute URI",
            "GET http://evil.example/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        ),
        (
            "bad content length",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n",
        ),
        (
            "two content lengths",
            "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        ),
        ("control bytes", "GET /\x01\x02 HTTP/1.1\r\nHost: x\r\n\r\n"),
    ] {
        add(name.to_owned(), raw.as_bytes().to_vec(), &[200, 400, 404, 505]);
    }
    cases
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_requests_get_clean_answers() {
    let addr = start().await;
    let cases = hostile_requests();
    assert!(cases.len() >= 100, "{} cases", cases.len());
    for (name, request, allowed) in &cases {
        let answer = send(addr, request).await;
        assert_clean(name, &answer, allowed);
    }
    // The server serves normally afterwards.
    let answer = send(addr, &get("/speakers/jenny-town", "")).await;
    assert_eq!(status(&answer), 200);
    assert!(String::from_utf8_lossy(&answer).contains("Jenny Town"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn escaped_echo_of_a_script_in_the_search_box() {
    let addr = start().await;
    let answer = send(addr, &get(&format!("/quotes?q={XSS_ENCODED}"), "")).await;
    let body = String::from_utf8_lossy(&answer);
    assert_eq!(status(&answer), 200);
    assert!(body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
}
