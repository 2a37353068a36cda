//! Finished responses kept in memory and answered before routing and the per-request layers
//! (see [`CachedApp`]): a page is rendered, compressed and given its headers once per version
//! of the data and per `Accept-Encoding`, and the whole cache is dropped when the data changes.

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, RwLock};
use std::task::{Context, Poll};

use axum::Router;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use rustc_hash::FxHashMap;
use tower::{Service, ServiceExt};

/// Most bytes of responses kept.
const MAX_BYTES: usize = 64 << 20;
/// Largest response kept.
const MAX_BODY: usize = 4 << 20;
/// Longest `Accept-Encoding` value a response is kept for.
const MAX_ENCODING_BYTES: usize = 128;

/// Content types worth keeping: pages, JSON, CSV, styles, scripts and the icon.
const CACHEABLE_TYPES: [&str; 6] = [
    "text/html",
    "application/json",
    "text/csv",
    "text/css",
    "text/javascript",
    "image/svg+xml",
];

/// Finished responses by request, dropped together when the data changes.
#[derive(Debug, Default)]
pub struct ResponseCache {
    inner: RwLock<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    /// By request target (path and query), each stored `Accept-Encoding` value with its
    /// response: a hit is found from the request's own strings, without building a key.
    map: FxHashMap<Box<str>, Vec<(Box<str>, Cached)>>,
    bytes: usize,
    /// Bumped by every clear: a response rendered before a clear is not stored after it.
    generation: u64,
}

/// A finished response: every header (security headers, cache-control, vary, encoding) and
/// the body as sent.
#[derive(Debug, Clone)]
struct Cached {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// What a response is kept under: the request target and its `Accept-Encoding` as sent.
#[derive(Debug, Clone, Copy)]
struct Key<'r> {
    encoding: &'r str,
    target: &'r str,
}

impl Key<'_> {
    fn kept(self) -> OwnedKey {
        OwnedKey {
            encoding: self.encoding.into(),
            target: self.target.into(),
        }
    }
}

/// A [`Key`] kept past its request, to store the response once rendered.
#[derive(Debug)]
struct OwnedKey {
    encoding: Box<str>,
    target: Box<str>,
}

impl ResponseCache {
    /// An empty cache.
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    fn get(&self, key: Key<'_>) -> Option<Cached> {
        let entries = self.inner.read().ok()?;
        let kept = entries.map.get(key.target)?;
        kept.iter()
            .find(|(encoding, _)| **encoding == *key.encoding)
            .map(|(_, cached)| cached.clone())
    }

    /// The current generation, read before rendering a page.
    fn generation(&self) -> u64 {
        self.inner.read().map_or(0, |e| e.generation)
    }

    /// Drops every stored response.
    pub fn clear(&self) {
        if let Ok(mut entries) = self.inner.write() {
            entries.map.clear();
            entries.bytes = 0;
            entries.generation += 1;
        }
    }

    /// How many responses are stored.
    pub fn len(&self) -> usize {
        self.inner.read().map_or(0, |e| e.map.values().map(Vec::len).sum())
    }

    /// Whether nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn put(&self, key: OwnedKey, value: Cached, generation: u64) {
        let Ok(mut entries) = self.inner.write() else { return };
        if entries.generation != generation {
            return;
        }
        let size = key.encoding.len() + key.target.len() + value.body.len();
        if entries.bytes + size > MAX_BYTES {
            return;
        }
        let kept = entries.map.entry(key.target).or_default();
        if kept.iter().any(|(encoding, _)| *encoding == key.encoding) {
            return;
        }
        kept.push((key.encoding, value));
        entries.bytes += size;
    }
}

/// The cache key of a request that may be answered from the cache: GET, no range or
/// revalidation, and its `Accept-Encoding` as sent (so each negotiated encoding is kept apart,
/// exactly as the compression layer negotiated it).
fn key_of<B>(request: &Request<B>) -> Option<Key<'_>> {
    if request.method() != Method::GET {
        return None;
    }
    let headers = request.headers();
    let conditional = [
        header::RANGE,
        header::IF_MODIFIED_SINCE,
        header::IF_NONE_MATCH,
        header::IF_RANGE,
    ]
    .iter()
    .any(|h| headers.contains_key(h));
    if conditional {
        return None;
    }
    let encoding = match headers.get(header::ACCEPT_ENCODING) {
        None => "",
        Some(value) => value.to_str().ok().filter(|v| v.len() <= MAX_ENCODING_BYTES)?,
    };
    let target = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
    Some(Key { encoding, target })
}

/// The site with its cache in front: a hit is answered before routing and every per-request
/// layer (its stored headers already carry what those layers add); a miss goes through the
/// whole stack — URI limit, timeout, catch-panic, error pages — and is stored when it can be.
#[derive(Clone)]
pub struct CachedApp {
    app: Router,
    cache: Arc<ResponseCache>,
}

impl CachedApp {
    /// `app` with `cache` in front of it.
    pub fn new(app: Router, cache: Arc<ResponseCache>) -> Self {
        CachedApp { app, cache }
    }
}

impl<B> Service<Request<B>> for CachedApp
where
    B: HttpBody<Data = Bytes> + Send + 'static,
    B::Error: Into<axum::BoxError>,
{
    type Response = Response;
    type Error = Infallible;
    type Future = Answer;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request<B>) -> Self::Future {
        let key = key_of(&request);
        if let Some(hit) = key.and_then(|k| self.cache.get(k)) {
            if super::request_log::enabled() {
                tracing::debug!(
                    target: "whosaid::request",
                    method = "GET",
                    path = %request.uri().path().chars().take(200).collect::<String>(),
                    status = hit.status.as_u16(),
                    cached = true,
                );
            }
            let mut response = Body::from(hit.body).into_response();
            *response.status_mut() = hit.status;
            *response.headers_mut() = hit.headers;
            return Answer::Ready(std::future::ready(Ok(response)));
        }
        let key = key.map(Key::kept);
        let app = self.app.clone();
        let cache = Arc::clone(&self.cache);
        let generation = cache.generation();
        let request = request.map(Body::new);
        Answer::Rendering(Box::pin(async move {
            let Ok(response) = app.oneshot(request).await;
            match key {
                Some(key) => Ok(store(&cache, key, generation, response).await),
                None => Ok(response),
            }
        }))
    }
}

/// The future of a [`CachedApp`] answer: a hit is ready at once (no future is allocated for
/// it); a miss renders through the whole stack.
pub enum Answer {
    /// A stored response.
    Ready(std::future::Ready<Result<Response, Infallible>>),
    /// A response being rendered, and stored once finished.
    Rendering(Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>),
}

impl Future for Answer {
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            Answer::Ready(ready) => Pin::new(ready).poll(cx),
            Answer::Rendering(rendering) => rendering.as_mut().poll(cx),
        }
    }
}

/// Stores a finished response when it is a small, successful page, JSON or asset.
async fn store(cache: &ResponseCache, key: OwnedKey, generation: u64, response: Response) -> Response {
    let declared = response
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let small = response
        .body()
        .size_hint()
        .exact()
        .or(declared)
        .is_some_and(|n| n <= MAX_BODY as u64);
    let headers = response.headers();
    let cacheable = small
        && response.status() == StatusCode::OK
        && !headers.contains_key(header::SET_COOKIE)
        && headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| CACHEABLE_TYPES.iter().any(|c| t.starts_with(c)));
    if !cacheable {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(body) => body,
        // The size was checked above; a body that still fails to collect is not the client's fault.
        Err(err) => {
            tracing::error!(detail = %err, "cache: the response body could not be read");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    cache.put(
        key,
        Cached {
            status: parts.status,
            headers: parts.headers.clone(),
            body: body.clone(),
        },
        generation,
    );
    Response::from_parts(parts, Body::from(body))
}
