//! Rendered pages kept in memory: a page is built once per version of the data, and the whole
//! cache is dropped when the data changes.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Most bytes of page bodies kept.
const MAX_BYTES: usize = 64 << 20;
/// Largest single body kept.
const MAX_BODY: usize = 4 << 20;

/// A bounded map from request URI to rendered answer. When full it stops
/// adding: what is in it stays right forever, so nothing needs evicting.
#[derive(Debug, Default)]
pub struct ResponseCache {
    inner: RwLock<Entries>,
}

#[derive(Debug, Default)]
struct Entries {
    map: HashMap<String, Cached>,
    bytes: usize,
    /// Bumped by every clear: a page rendered before a clear is not stored after it.
    generation: u64,
}

#[derive(Debug, Clone)]
struct Cached {
    headers: HeaderMap,
    body: Bytes,
}

impl ResponseCache {
    /// An empty cache.
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    fn get(&self, key: &str) -> Option<Cached> {
        self.inner.read().ok()?.map.get(key).cloned()
    }

    /// The current generation, read before rendering a page.
    fn generation(&self) -> u64 {
        self.inner.read().map_or(0, |e| e.generation)
    }

    /// Drops every stored page.
    pub fn clear(&self) {
        if let Ok(mut entries) = self.inner.write() {
            entries.map.clear();
            entries.bytes = 0;
            entries.generation += 1;
        }
    }

    fn put(&self, key: String, value: Cached, generation: u64) {
        let Ok(mut entries) = self.inner.write() else { return };
        if entries.generation != generation {
            return;
        }
        let size = key.len() + value.body.len();
        if entries.bytes + size <= MAX_BYTES && !entries.map.contains_key(&key) {
            entries.bytes += size;
            entries.map.insert(key, value);
        }
    }
}

/// Middleware: answers GET requests for pages and JSON from the cache, and fills it.
pub async fn cache_pages(State(cache): State<Arc<ResponseCache>>, request: Request, next: Next) -> Response {
    // Ranges and revalidations go to the handlers (ServeDir answers them for static files).
    let conditional = [
        header::RANGE,
        header::IF_MODIFIED_SINCE,
        header::IF_NONE_MATCH,
        header::IF_RANGE,
    ]
    .iter()
    .any(|h| request.headers().contains_key(h));
    if request.method() != Method::GET || conditional {
        return next.run(request).await;
    }
    let key = request.uri().path_and_query().map_or("/", |pq| pq.as_str());
    if let Some(hit) = cache.get(key) {
        let mut response = Body::from(hit.body).into_response();
        *response.headers_mut() = hit.headers;
        return response;
    }
    let key = key.to_owned();
    let generation = cache.generation();
    let response = next.run(request).await;
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
    let cacheable = small
        && response.status() == StatusCode::OK
        && response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| {
                [
                    "text/html",
                    "application/json",
                    "text/csv",
                    "text/css",
                    "text/javascript",
                    "image/svg+xml",
                ]
                .iter()
                .any(|cacheable| t.starts_with(cacheable))
            });
    if !cacheable {
        return response;
    }
    let (parts, body) = response.into_parts();
    let body = match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(body) => body,
        // The size was checked above; a body that still fails to collect is not the client's fault.
        Err(err) => return super::AppError::Internal(format!("cache: {err}")).into_response(),
    };
    cache.put(
        key,
        Cached {
            headers: parts.headers.clone(),
            body: body.clone(),
        },
        generation,
    );
    Response::from_parts(parts, Body::from(body))
}
