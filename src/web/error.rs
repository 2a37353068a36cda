//! The failures a user can see, mapped to HTTP statuses in one place and rendered as a page or as JSON.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};

use super::page::PageMeta;
use super::state::AppState;
use crate::model::capitalise;

/// A link offered on an error page ("Jenny Town" → "/speakers/jenny-town").
#[derive(Debug, Clone)]
pub struct Link {
    /// Where it goes.
    pub href: String,
    /// What it says.
    pub label: String,
}

/// Everything that can go wrong for a request.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AppError {
    /// No such speaker, article, theme or page.
    #[error("{what} was not found")]
    NotFound {
        /// What was asked for, in words ("No speaker “smith”").
        what: String,
        /// Pages that exist instead.
        suggestions: Vec<Link>,
    },
    /// A query parameter has a value the page cannot use.
    #[error("{problem}. The “{parameter}” parameter takes {accepted}")]
    BadParameter {
        /// The parameter's name.
        parameter: String,
        /// What is wrong with it.
        problem: String,
        /// What it accepts.
        accepted: String,
    },
    /// Only GET and HEAD are answered.
    #[error("method {method} is not allowed: pages answer GET and HEAD only")]
    MethodNotAllowed {
        /// The method used.
        method: String,
    },
    /// A failure of the server itself; logged, never shown in detail.
    #[error("internal error")]
    Internal(String),
}

impl AppError {
    /// The HTTP status for this error.
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound { .. } => StatusCode::NOT_FOUND,
            AppError::BadParameter { .. } => StatusCode::BAD_REQUEST,
            AppError::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// A short heading for the error page.
    pub fn heading(&self) -> &'static str {
        match self {
            AppError::NotFound { .. } => "Not found",
            AppError::BadParameter { .. } => "That filter can’t be used",
            AppError::MethodNotAllowed { .. } => "Method not allowed",
            AppError::Internal(_) => "Something went wrong",
        }
    }

    /// A bad-parameter error: `problem` is a sentence without its full stop ("There is no
    /// speaker “nobody”"), `accepted` what the parameter takes ("a speaker slug: …").
    pub fn bad(parameter: &str, problem: impl Into<String>, accepted: impl Into<String>) -> Self {
        AppError::BadParameter {
            parameter: parameter.to_owned(),
            problem: problem.into(),
            accepted: accepted.into(),
        }
    }

    /// A not-found error with suggestions.
    pub fn not_found(what: impl Into<String>, suggestions: Vec<Link>) -> Self {
        AppError::NotFound {
            what: what.into(),
            suggestions,
        }
    }

    fn with_headers(&self, mut response: Response) -> Response {
        if let AppError::MethodNotAllowed { .. } = self {
            response
                .headers_mut()
                .insert(header::ALLOW, header::HeaderValue::from_static("GET, HEAD"));
        }
        response
    }
}

/// An HTML error: the status now, the page drawn by [`render_error_pages`], which has the state.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(detail) = &self {
            tracing::error!(%detail, "internal error");
        }
        let mut response = self.with_headers(self.status().into_response());
        response.extensions_mut().insert(self);
        response
    }
}

/// The same errors, answered as JSON for the API.
#[derive(Debug)]
pub struct ApiError(pub AppError);

impl From<AppError> for ApiError {
    fn from(err: AppError) -> Self {
        ApiError(err)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let err = self.0;
        if let AppError::Internal(detail) = &err {
            tracing::error!(%detail, "internal error");
        }
        let status = err.status();
        let mut body = serde_json::json!({
            "error": {"status": status.as_u16(), "message": err.to_string()}
        });
        if let AppError::BadParameter { parameter, .. } = &err {
            body["error"]["parameter"] = serde_json::Value::from(parameter.as_str());
        }
        err.with_headers((status, super::json::json_response(&body)).into_response())
    }
}

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    /// Head and navigation.
    pub page: PageMeta,
    /// The status code.
    pub status: u16,
    /// The heading.
    pub heading: &'static str,
    /// What went wrong, in a sentence.
    pub message: String,
    /// Where to go instead.
    pub suggestions: Vec<Link>,
}

/// Middleware: draws the page for any response that carries an [`AppError`].
pub async fn render_error_pages(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    let Some(err) = response.extensions().get::<AppError>().cloned() else {
        return response;
    };
    let status = err.status();
    let (message, suggestions) = match &err {
        AppError::NotFound { what, suggestions } => (format!("{what}."), suggestions.clone()),
        AppError::Internal(_) => ("The server could not answer this request.".to_owned(), Vec::new()),
        other => (format!("{}.", capitalise(&other.to_string())), Vec::new()),
    };
    let page = ErrorPage {
        page: PageMeta::new(
            &state,
            "",
            format!("{} – whosaid", err.heading()),
            message.clone(),
            &path,
        ),
        status: status.as_u16(),
        heading: err.heading(),
        message,
        suggestions,
    };
    let body = page.render().unwrap_or_else(|e| format!("{status}: {e}"));
    let mut rendered = (status, Html(body)).into_response();
    for name in [header::ALLOW] {
        if let Some(value) = response.headers().get(&name) {
            rendered.headers_mut().insert(name, value.clone());
        }
    }
    rendered
}
