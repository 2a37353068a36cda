//! The JSON API behind every page: `/api/speakers`, `/api/speakers/{slug}`, `/api/quotes`, `/api/articles`, `/api/themes`.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

use crate::corpus::{Corpus, CorpusSpeaker, SaidSource, said_attribution, said_cue};
use crate::model::Attribution;
use crate::web::error::{ApiError, AppError};
use crate::web::filters::{ListingQuery, QuoteFilters, page_number};
use crate::web::json::json_response;
use crate::web::listing::{PAGE_SIZE, Page, listing};
use crate::web::query::Query;
use crate::web::resolve::{canonical_speaker, permanent_redirect};
use crate::web::state::AppState;
use crate::web::urls;
use crate::web::view::article_title;

/// Speakers or articles on one page of `/api/speakers` and `/api/articles`: a corpus of
/// thousands of stories answers in pages, not one body of tens of megabytes.
pub const LIST_PAGE_SIZE: usize = 100;

/// `?page=N` of `/api/speakers` and `/api/articles`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ListQuery {
    /// `page=N`, once; none is page 1.
    page: Vec<String>,
}

/// A paged answer: `total`, `page`, `pages`, `per_page`, `next` (the next page's address,
/// or null on the last) and the page's items under `key`.
fn paged(page: &Page, total: usize, per_page: usize, next: Option<String>, key: &str, items: Value) -> Value {
    let mut answer = json!({
        "total": total,
        "page": page.number,
        "pages": page.pages,
        "per_page": per_page,
        "next": next,
    });
    answer[key] = items;
    answer
}

/// The page `query` asks for of `/api/speakers` or `/api/articles` (`path`), and the
/// address of the page after it.
fn list_page(total: usize, query: &ListQuery, path: &str) -> Result<(Page, Option<String>), AppError> {
    let page = Page::of(page_number(&query.page)?, total, LIST_PAGE_SIZE)?;
    let next = page.has_next().then(|| format!("{path}?page={}", page.number + 1));
    Ok((page, next))
}

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
    reported: usize,
    summary: Option<SummaryJson<'a>>,
    url: String,
}

/// A speaker's one line: their own words, verbatim, and where they are.
#[derive(Serialize)]
struct SummaryJson<'a> {
    text: String,
    article: &'a str,
    /// 1-based, as on the page.
    paragraph: usize,
}

fn summary_json<'a>(corpus: &'a Corpus, speaker: &CorpusSpeaker) -> Option<SummaryJson<'a>> {
    let row = speaker.summary.get()?;
    let r = &corpus.said[row];
    Some(SummaryJson {
        text: corpus.said_text(row).text,
        article: &corpus.articles[r.article()].slug,
        paragraph: r.paragraph() + 1,
    })
}

fn speaker_json<'a>(corpus: &'a Corpus, speaker: &'a CorpusSpeaker, base: &str) -> SpeakerJson<'a> {
    SpeakerJson {
        slug: &speaker.slug,
        name: &speaker.name,
        short_name: &speaker.short_name,
        role: speaker.role.as_deref(),
        kind: speaker.kind,
        commentator: speaker.commentator,
        quotes: speaker.quotes(),
        reported: speaker.reported(),
        summary: summary_json(corpus, speaker),
        url: format!("{base}{}", urls::speaker(&speaker.slug)),
    }
}

/// Something said, in API answers: `speaker` is the slug, `paragraph` 1-based.
#[derive(Serialize)]
struct SaidJson<'a> {
    id: String,
    speaker: Option<&'a str>,
    speaker_name: Option<&'a str>,
    kind: &'static str,
    /// The words as a reader reads them (a split quote joined, the writer's comma dropped).
    text: String,
    /// The exact span in the paragraph, as written.
    span: &'a str,
    cue: Option<&'a str>,
    attribution: &'a Attribution,
    /// The attribution in plain words.
    note: String,
    themes: Vec<&'a str>,
    article: &'a str,
    paragraph: usize,
    url: String,
}

fn said_json<'a>(corpus: &'a Corpus, row: usize, base: &str) -> SaidJson<'a> {
    let r = &corpus.said[row];
    let article = &corpus.articles[r.article()];
    let speaker = r.speaker().map(|s| &corpus.speakers[s]);
    let span = match r.source() {
        SaidSource::Quote { quote, .. } => article.quote_words(&article.quotes[quote as usize]),
        SaidSource::Report(report) => article.report_words(&article.reports[report as usize]),
    };
    let attribution = said_attribution(article, r.source());
    SaidJson {
        id: corpus.anchor(row),
        speaker: speaker.map(|s| &*s.slug),
        speaker_name: speaker.map(|s| &*s.name),
        kind: r.kind.as_str(),
        text: corpus.said_text(row).text,
        span,
        cue: said_cue(article, r.source()),
        attribution,
        note: attribution.note(speaker.map(|s| &*s.name)),
        themes: corpus
            .row_themes(row)
            .map(|t| corpus.themes.list[t].slug.as_str())
            .collect(),
        article: &article.slug,
        paragraph: r.paragraph() + 1,
        url: format!("{base}{}", urls::said(corpus, row)),
    }
}

/// `GET /api/speakers?page=N`: every speaker, in order of first appearance, a page at a time.
pub async fn speakers(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, AppError>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    let corpus = state.corpus();
    let total = corpus.speakers.len();
    let (page, next) = list_page(total, &query, "/api/speakers")?;
    let list: Vec<SpeakerJson<'_>> = corpus.speakers[page.items.clone()]
        .iter()
        .map(|s| speaker_json(&corpus, s, &state.base_url))
        .collect();
    let answer = paged(&page, total, LIST_PAGE_SIZE, next, "speakers", json!(list));
    Ok(json_response(&answer).into_response())
}

/// `GET /api/speakers/{slug}`: the speaker, their statements and quotes.
pub async fn speaker(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let corpus = &state.corpus();
    let id = canonical_speaker(corpus, &slug)?;
    let speaker = &corpus.speakers[id];
    if *speaker.slug != *slug {
        return Ok(permanent_redirect(&format!("/api/speakers/{}", speaker.slug)));
    }
    let said: Vec<SaidJson<'_>> = speaker
        .said_rows()
        .map(|row| said_json(corpus, row, &state.base_url))
        .collect();
    Ok(json_response(&json!({
        "speaker": speaker_json(corpus, speaker, &state.base_url),
        "summary": summary_json(corpus, speaker),
        "said": said,
    }))
    .into_response())
}

/// `GET /api/quotes?…`: the same filters as `/quotes`, paginated.
pub async fn quotes(
    State(state): State<AppState>,
    query: Result<Query<ListingQuery>, AppError>,
) -> Result<Response, ApiError> {
    let corpus = &state.corpus();
    let Query(query) = query?;
    let filters = QuoteFilters::check(query, corpus)?;
    let listing = listing(corpus, &filters, PAGE_SIZE)?;
    let quotes: Vec<SaidJson<'_>> = listing.rows[listing.page.items.clone()]
        .iter()
        .map(|&row| said_json(corpus, row, &state.base_url))
        .collect();
    let next = listing
        .page
        .has_next()
        .then(|| filters.href("/api/quotes", filters.page + 1));
    let answer = paged(
        &listing.page,
        listing.rows.len(),
        PAGE_SIZE,
        next,
        "quotes",
        json!(quotes),
    );
    Ok(json_response(&answer).into_response())
}

/// `GET /api/articles?page=N`: each article's headline facts, in date order, a page at a time.
pub async fn articles(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, AppError>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    let corpus = &state.corpus();
    let total = corpus.articles.len();
    let (page, next) = list_page(total, &query, "/api/articles")?;
    let list: Vec<Value> = corpus.articles[page.items.clone()]
        .iter()
        .zip(page.items.clone())
        .map(|(a, i)| {
            json!({
                "slug": a.slug,
                "title": article_title(a),
                "source": a.source,
                "outlet": a.outlet,
                "byline": a.byline,
                "url": a.url,
                "date": a.date,
                "quotes": a.quotes.len(),
                "reported": a.reports.len(),
                "speakers": a
                    .speakers
                    .iter()
                    .filter_map(|s| corpus.article_speaker(i, s.id))
                    .map(|id| &corpus.speakers[id].slug)
                    .collect::<Vec<_>>(),
                "href": format!("{}{}", state.base_url, urls::article(&a.slug)),
            })
        })
        .collect();
    let answer = paged(&page, total, LIST_PAGE_SIZE, next, "articles", json!(list));
    Ok(json_response(&answer).into_response())
}

/// `GET /api/articles/{slug}`: the whole parsed article.
pub async fn article(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let corpus = &state.corpus();
    let index = corpus
        .article(&slug)
        .ok_or_else(|| AppError::not_found(format!("There is no article “{slug}”"), Vec::new()))?;
    let mut value =
        serde_json::to_value(&corpus.articles[index]).map_err(|e| AppError::Internal(format!("article json: {e}")))?;
    one_based_paragraphs(&mut value);
    Ok(json_response(&value).into_response())
}

/// Paragraph numbers in the API are 1-based, as on the page (`#p-3` is ¶3): the parser
/// counts from 0, so every `paragraph` and paragraph `index` moves up by one.
fn one_based_paragraphs(article: &mut Value) {
    let bump = |value: &mut Value| {
        if let Some(n) = value.as_u64() {
            *value = Value::from(n + 1);
        }
    };
    for list in ["quotes", "statements", "reports"] {
        if let Some(items) = article.get_mut(list).and_then(Value::as_array_mut) {
            for item in items {
                if let Some(p) = item.get_mut("paragraph") {
                    bump(p);
                }
            }
        }
    }
    if let Some(paragraphs) = article.get_mut("paragraphs").and_then(Value::as_array_mut) {
        for paragraph in paragraphs {
            if let Some(i) = paragraph.get_mut("index") {
                bump(i);
            }
        }
    }
}

/// `GET /api/themes`.
pub async fn themes(State(state): State<AppState>) -> Response {
    json_response(&json!({ "themes": state.corpus().themes.list })).into_response()
}

/// `GET /api/themes/{slug}`: the theme and everything said under it.
pub async fn theme(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let corpus = &state.corpus();
    let t = corpus
        .themes
        .position(&slug)
        .ok_or_else(|| AppError::not_found(format!("There is no theme “{slug}”"), Vec::new()))?;
    let said: Vec<SaidJson<'_>> = corpus
        .search(&crate::corpus::QuoteQuery {
            themes: vec![t],
            ..Default::default()
        })
        .into_iter()
        .map(|row| said_json(corpus, row, &state.base_url))
        .collect();
    Ok(json_response(&json!({ "theme": corpus.themes.list[t], "said": said })).into_response())
}

/// Unknown `/api/…` paths: a JSON 404.
pub async fn not_found() -> ApiError {
    ApiError(AppError::not_found("No such API endpoint", Vec::new()))
}
