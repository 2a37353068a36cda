//! One module per page family; each template struct sits beside its handler.

pub mod api;
pub mod articles;
pub mod home;
pub mod quotes;
pub mod speakers;
pub mod themes;

use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use super::error::AppError;

/// Renders a template into an HTML response.
pub fn render(template: &impl Template) -> Result<Response, AppError> {
    template
        .render()
        .map(|html| Html(html).into_response())
        .map_err(|err| AppError::Internal(format!("template: {err}")))
}
