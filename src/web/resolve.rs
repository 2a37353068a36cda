//! Finding the speaker a URL means (canonical slugs, short names, other spellings) and
//! sending the reader there.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::corpus::Corpus;
use crate::web::error::{AppError, Link};

/// Links to every speaker, for a not-found page.
pub fn speaker_links(corpus: &Corpus) -> Vec<Link> {
    corpus
        .speakers
        .iter()
        .map(|s| Link {
            href: format!("/speakers/{}", s.slug),
            label: match &s.role {
                Some(role) => format!("{} — {role}", s.name),
                None => s.name.to_string(),
            },
        })
        .collect()
}

/// Where a slug that is not canonical should go: a short name ("town") or
/// another spelling ("Jenny_Town") of exactly one speaker.
pub fn canonical_speaker(corpus: &Corpus, slug: &str) -> Result<usize, AppError> {
    if let Some(id) = corpus.speaker(slug) {
        return Ok(id);
    }
    let folded = crate::model::slugify(slug);
    if let Some(id) = corpus.speaker(&folded) {
        return Ok(id);
    }
    match corpus.only_speaker_with_short_name(&folded) {
        Some(one) => Ok(one),
        None => Err(AppError::not_found(
            format!("There is no speaker “{slug}”"),
            speaker_links(corpus),
        )),
    }
}

/// A permanent redirect that keeps the method (308).
pub fn permanent_redirect(to: &str) -> Response {
    let mut response = StatusCode::PERMANENT_REDIRECT.into_response();
    if let Ok(value) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}
