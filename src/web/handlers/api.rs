//! The JSON API behind every page: `/api/speakers`, `/api/speakers/{slug}`, `/api/quotes`, `/api/articles`, `/api/themes`.

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

use crate::corpus::{Corpus, CorpusSpeaker};
use crate::model::Attribution;
use crate::web::error::{ApiError, AppError};
use crate::web::filters::QuoteFilters;
use crate::web::json::json_response;
use crate::web::listing::{PAGE_SIZE, listing};
use crate::web::resolve::{canonical_speaker, permanent_redirect};
use crate::web::state::AppState;
use crate::web::view::{article_title, permalink};

/// A speaker in API answers.
#[derive(Serialize)]
struct SpeakerJson<'a> {
    slug: &'a str,
    name: &'a str,
    short_name: &'a str,
    role: Option<&'a str>,
    kind: crate::model::SpeakerKind,
    commentator: bool,
    quotes: usize,
    statements: usize,
    url: String,
}

fn speaker_json<'a>(speaker: &'a CorpusSpeaker, base: &str) -> SpeakerJson<'a> {
    SpeakerJson {
        slug: &speaker.slug,
        name: &speaker.name,
        short_name: &speaker.short_name,
        role: speaker.role.as_deref(),
        kind: speaker.kind,
        commentator: speaker.commentator,
        quotes: speaker.quotes.len(),
        statements: speaker.statements.len(),
        url: format!("{base}/speakers/{}", speaker.slug),
    }
}

/// A quote in API answers: `speaker` is the slug.
#[derive(Serialize)]
struct QuoteJson<'a> {
    id: String,
    speaker: Option<&'a str>,
    speaker_name: Option<&'a str>,
    kind: &'static str,
    text: &'a str,
    cue: Option<&'a str>,
    attribution: &'a Attribution,
    themes: Vec<&'a str>,
    article: &'a str,
    paragraph: usize,
    url: String,
}

fn quote_json<'a>(corpus: &'a Corpus, row: usize, base: &str) -> QuoteJson<'a> {
    let r = &corpus.quotes[row];
    let quote = corpus.quote(row);
    let speaker = r.speaker.map(|s| &corpus.speakers[s]);
    QuoteJson {
        id: corpus.anchor(row),
        speaker: speaker.map(|s| s.slug.as_str()),
        speaker_name: speaker.map(|s| s.name.as_str()),
        kind: quote.kind.as_str(),
        text: &quote.text,
        cue: quote.cue.as_deref(),
        attribution: &quote.attribution,
        themes: r.themes.iter().map(|&t| corpus.themes.list[t].slug.as_str()).collect(),
        article: &corpus.articles[r.article].slug,
        paragraph: quote.paragraph,
        url: format!("{base}{}", permalink(corpus, row)),
    }
}

/// `GET /api/speakers`.
pub async fn speakers(State(state): State<AppState>) -> Response {
    let list: Vec<SpeakerJson<'_>> = state
        .corpus
        .speakers
        .iter()
        .map(|s| speaker_json(s, &state.base_url))
        .collect();
    json_response(&json!({ "speakers": list })).into_response()
}

/// `GET /api/speakers/{slug}`: the speaker, their statements and quotes.
pub async fn speaker(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let corpus = &state.corpus;
    let id = canonical_speaker(corpus, &slug)?;
    let speaker = &corpus.speakers[id];
    if speaker.slug != slug {
        return Ok(permanent_redirect(&format!("/api/speakers/{}", speaker.slug)));
    }
    let statements: Vec<Value> = speaker
        .statements
        .iter()
        .map(|&row| {
            let r = &corpus.statements[row];
            let s = corpus.statement(row);
            let article = &corpus.articles[r.article];
            json!({
                "article": article.slug,
                "paragraph": s.paragraph,
                "text": article.paragraphs[s.paragraph].text,
                "cue": s.cue,
                "attribution": s.attribution,
                "themes": r.themes.iter().map(|&t| &corpus.themes.list[t].slug).collect::<Vec<_>>(),
                "quotes": s.quotes.iter().map(|&q| &article.quotes[q].text).collect::<Vec<_>>(),
            })
        })
        .collect();
    let quotes: Vec<QuoteJson<'_>> = speaker
        .quotes
        .iter()
        .map(|&row| quote_json(corpus, row, &state.base_url))
        .collect();
    Ok(json_response(&json!({
        "speaker": speaker_json(speaker, &state.base_url),
        "statements": statements,
        "quotes": quotes,
    }))
    .into_response())
}

/// `GET /api/quotes?…`: the same filters as `/quotes`, paginated.
pub async fn quotes(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, ApiError> {
    let corpus = &state.corpus;
    let filters = QuoteFilters::parse(raw.as_deref(), corpus)?;
    let listing = listing(corpus, &filters, PAGE_SIZE)?;
    let quotes: Vec<QuoteJson<'_>> = listing.rows[listing.page_rows.clone()]
        .iter()
        .map(|&row| quote_json(corpus, row, &state.base_url))
        .collect();
    let next = (filters.page < listing.pages).then(|| filters.href("/api/quotes", filters.page + 1));
    Ok(json_response(&json!({
        "total": listing.rows.len(),
        "page": filters.page,
        "pages": listing.pages,
        "per_page": PAGE_SIZE,
        "next": next,
        "quotes": quotes,
    }))
    .into_response())
}

/// `GET /api/articles`: each article's headline facts.
pub async fn articles(State(state): State<AppState>) -> Response {
    let corpus = &state.corpus;
    let list: Vec<Value> = corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            json!({
                "slug": a.slug,
                "title": article_title(a),
                "source": a.source,
                "date": a.date,
                "quotes": a.quotes.len(),
                "speakers": a
                    .speakers
                    .iter()
                    .filter_map(|s| corpus.article_speaker(i, s.id))
                    .map(|id| &corpus.speakers[id].slug)
                    .collect::<Vec<_>>(),
                "url": format!("{}/articles/{}", state.base_url, a.slug),
            })
        })
        .collect();
    json_response(&json!({ "articles": list })).into_response()
}

/// `GET /api/articles/{slug}`: the whole parsed article.
pub async fn article(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let corpus = &state.corpus;
    let index = corpus
        .article(&slug)
        .ok_or_else(|| AppError::not_found(format!("There is no article “{slug}”"), Vec::new()))?;
    Ok(json_response(&&corpus.articles[index]).into_response())
}

/// `GET /api/themes`.
pub async fn themes(State(state): State<AppState>) -> Response {
    json_response(&json!({ "themes": state.corpus.themes.list })).into_response()
}

/// `GET /api/themes/{slug}`: the theme and each speaker's statements under it.
pub async fn theme(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let corpus = &state.corpus;
    let t = corpus
        .themes
        .position(&slug)
        .ok_or_else(|| AppError::not_found(format!("There is no theme “{slug}”"), Vec::new()))?;
    let statements: Vec<Value> = corpus
        .statements
        .iter()
        .enumerate()
        .filter(|(_, r)| r.themes.contains(&t))
        .map(|(row, r)| {
            let s = corpus.statement(row);
            let article = &corpus.articles[r.article];
            json!({
                "speaker": r.speaker.map(|id| &corpus.speakers[id].slug),
                "article": article.slug,
                "paragraph": s.paragraph,
                "text": article.paragraphs[s.paragraph].text,
            })
        })
        .collect();
    Ok(json_response(&json!({ "theme": corpus.themes.list[t], "statements": statements })).into_response())
}

/// Unknown `/api/…` paths: a JSON 404.
pub async fn not_found() -> ApiError {
    ApiError(AppError::not_found("No such API endpoint", Vec::new()))
}
