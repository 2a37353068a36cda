//! Every URL of the site in one place, and the layers every response passes through.

use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tower::ServiceBuilder;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;

use super::error::{AppError, render_error_pages};
use super::handlers::{api, articles, home, quotes, speakers, themes};
use super::state::AppState;

/// Longest URI answered, in bytes; longer ones get 414.
pub const MAX_URI_BYTES: usize = 4096;
/// How long a request may take before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// The policy on every response: scripts and styles from this server only, no framing.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
     connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// The site as served: [`app`] with the response cache in front, so a cached page is answered
/// before routing and the per-request layers.
pub fn site(state: AppState) -> super::cache::CachedApp {
    let cache = state.cache.clone();
    super::cache::CachedApp::new(app(state), cache)
}

/// The site: routes, static files, error pages, and the layers around them.
pub fn app(state: AppState) -> Router {
    let static_files = ServeDir::new(&state.assets.dir)
        .call_fallback_on_method_not_allowed(true)
        .fallback(get(not_found).head(not_found).fallback(method_not_allowed));
    let pages = Router::new()
        .route("/", get(home::home))
        .route("/speakers", get(speakers_index))
        .route("/speakers/{slug}", get(speakers::speaker))
        .route("/quotes", get(quotes::quotes))
        .route("/quotes.csv", get(quotes::quotes_csv))
        .route("/themes", get(themes::themes))
        .route("/themes/{slug}", get(themes::theme))
        .route("/article", get(articles::article_default))
        .route("/articles", get(articles::articles))
        .route("/articles/{slug}", get(articles::article))
        .nest_service("/static", static_files)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(cache_static));
    let api = Router::new()
        .route("/speakers", get(api::speakers))
        .route("/speakers/{slug}", get(api::speaker))
        .route("/quotes", get(api::quotes))
        .route("/articles", get(api::articles))
        .route("/articles/{slug}", get(api::article))
        .route("/themes", get(api::themes))
        .route("/themes/{slug}", get(api::theme))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api_method_not_allowed);
    with_layers(Router::new().nest("/api", api).merge(pages), state)
}

/// Wraps routes in the layers every response passes through: error pages, the request log,
/// catch-panic (a panicking handler answers 500 and the server goes on), the URI limit,
/// security headers, the timeout and compression.
fn with_layers(routes: Router<AppState>, state: AppState) -> Router {
    routes
        .layer(middleware::from_fn_with_state(state.clone(), render_error_pages))
        .layer(
            ServiceBuilder::new()
                .layer(middleware::from_fn(super::request_log::log_request))
                .layer(middleware::from_fn(limit_uri))
                .layer(middleware::from_fn(security_headers))
                // Inside the security headers, so the 500 a panic becomes carries them too.
                .layer(CatchPanicLayer::custom(|_| {
                    AppError::Internal("a handler panicked".to_owned()).into_response()
                }))
                .layer(TimeoutLayer::with_status_code(
                    axum::http::StatusCode::REQUEST_TIMEOUT,
                    REQUEST_TIMEOUT,
                ))
                .layer(CompressionLayer::new()),
        )
        .with_state(state)
}

/// The headers every response carries: a strict content security policy, no
/// MIME sniffing, no referrer, no framing.
const SECURITY_HEADERS: [(HeaderName, &str); 6] = [
    (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
    (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
    (header::REFERRER_POLICY, "no-referrer"),
    (header::X_FRAME_OPTIONS, "DENY"),
    (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
    (HeaderName::from_static("permissions-policy"), "interest-cohort=()"),
];

/// One pass sets all six headers. tower-http's `SetResponseHeaderLayer` would do the same
/// with one layer (and one service wrapper) per header, so six nested services on every
/// response for no gain in behaviour; this stays hand-written for that reason.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    for (name, value) in SECURITY_HEADERS {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

async fn not_found(request: Request) -> AppError {
    AppError::not_found(format!("There is no page at {}", request.uri().path()), Vec::new())
}

async fn method_not_allowed(method: Method) -> AppError {
    AppError::MethodNotAllowed {
        method: method.to_string(),
    }
}

async fn api_method_not_allowed(method: Method) -> super::error::ApiError {
    super::error::ApiError(AppError::MethodNotAllowed {
        method: method.to_string(),
    })
}

async fn speakers_index() -> Response {
    crate::web::resolve::permanent_redirect("/#commentators")
}

/// Fingerprinted assets are cached for a year; other responses are revalidated.
async fn cache_static(request: Request, next: Next) -> Response {
    let fingerprinted =
        request.uri().path().starts_with("/static/") && request.uri().query().is_some_and(|q| q.starts_with("v="));
    let mut response = next.run(request).await;
    let value = if fingerprinted && response.status().is_success() {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    response
}

/// Answers 414 to over-long URIs before any handler reads them.
async fn limit_uri(request: Request, next: Next) -> Response {
    let uri = request.uri();
    let length =
        uri.path_and_query().map_or(0, |pq| pq.as_str().len()) + uri.authority().map_or(0, |a| a.as_str().len());
    if length > MAX_URI_BYTES {
        return (
            axum::http::StatusCode::URI_TOO_LONG,
            format!("URI too long: {length} bytes, at most {MAX_URI_BYTES}\n"),
        )
            .into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

    use axum::body::Body;
    use axum::http::StatusCode;
    use tower::ServiceExt;

    use super::*;
    use crate::corpus::Corpus;

    async fn boom() -> &'static str {
        panic!("a handler's bug")
    }

    #[tokio::test]
    async fn a_panicking_handler_answers_500_and_the_next_request_is_served() {
        let state = AppState::new(Corpus::shipped().unwrap(), "http://127.0.0.1:3000");
        let routes = Router::new()
            .route("/boom", get(boom))
            .route("/ok", get(|| async { "ok" }));
        let app = with_layers(routes, state);
        let response = app
            .clone()
            .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(response.headers().contains_key(header::CONTENT_SECURITY_POLICY));
        let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
        let body = String::from_utf8_lossy(&body);
        assert!(
            !body.contains("a handler's bug"),
            "the panic message must not reach the reader"
        );
        let response = app
            .oneshot(Request::get("/ok").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
}
