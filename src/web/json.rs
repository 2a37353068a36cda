//! JSON answers: serialised with `<`, `>` and `&` escaped, and sent as `application/json`.

use axum::response::{IntoResponse, Response};
use serde::Serialize;

/// A JSON answer in which `<`, `>` and `&` are written as `\u003c`, `\u003e`
/// and `\u0026`, so that no text from an article or a request can ever read as markup.
pub fn json_response(value: &impl Serialize) -> JsonBody {
    match serde_json::to_string(value) {
        Ok(text) => JsonBody(
            text.replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026"),
        ),
        Err(err) => JsonBody(format!(
            "{{\"error\": {{\"status\": 500, \"message\": \"{}\"}}}}",
            err.to_string().replace('"', "'")
        )),
    }
}

/// Serialised JSON, answered with `Content-Type: application/json`.
#[derive(Debug)]
pub struct JsonBody(pub String);

impl IntoResponse for JsonBody {
    fn into_response(self) -> Response {
        ([(axum::http::header::CONTENT_TYPE, "application/json")], self.0).into_response()
    }
}
