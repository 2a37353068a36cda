//! The per-request log line: off by default (then it costs one level check), on with
//! `--log whosaid::request=debug`.

use std::time::Instant;

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;

/// Whether the per-request log line is on; checked once per request, before anything is
/// formatted.
pub fn enabled() -> bool {
    tracing::enabled!(target: "whosaid::request", tracing::Level::DEBUG)
}

/// Middleware: one log line per request, at debug level — method, path, status, time. Not
/// tower-http's `TraceLayer`: that opens a span per request and logs request and response as
/// separate events, where a reader wants one line.
pub async fn log_request(request: Request, next: Next) -> Response {
    if !enabled() {
        return next.run(request).await;
    }
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    tracing::debug!(
        target: "whosaid::request",
        %method,
        path = %path.chars().take(200).collect::<String>(),
        status = response.status().as_u16(),
        micros = started.elapsed().as_micros() as u64,
    );
    response
}
