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
use crate::web::listing::{PAGE_SIZE, listing};
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

/// One page of a list of `total` items.
struct ListPage {
    /// The items on it.
    items: std::ops::Range<usize>,
    /// Its number, from 1.
    number: usize,
    /// How many pages there are (at least 1).
    pages: usize,
}

impl ListPage {
    /// The page `query` asks for; a page past the last is a 400 that says how many there are.
    fn of(total: usize, query: &ListQuery) -> Result<Self, AppError> {
        let pages = total.div_ceil(LIST_PAGE_SIZE).max(1);
        let number = page_number(&query.page)?;
        if number > pages {
            return Err(AppError::bad(
                "page",
                format!("page {number} is past the last page"),
                format!("a page from 1 to {pages}"),
            ));
        }
        let start = (number - 1) * LIST_PAGE_SIZE;
        Ok(ListPage {
            items: start..(start + LIST_PAGE_SIZE).min(total),
            number,
            pages,
        })
    }

    /// The paging fields of the answer, with the address of the next page (`path?page=N`).
    fn fields(&self, total: usize, path: &str) -> Value {
        let next = (self.number < self.pages).then(|| format!("{path}?page={}", self.number + 1));
        json!({
            "total": total,
            "page": self.number,
            "pages": self.pages,
            "per_page": LIST_PAGE_SIZE,
            "next": next,
        })
    }
}

/// The paging fields with the list itself under `key`.
fn paged(mut fields: Value, key: &str, list: Value) -> Value {
    if let Value::Object(map) = &mut fields {
        map.insert(key.to_owned(), list);
    }
    fields
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
    let row = speaker.summary?;
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
        quotes: speaker.quote_count,
        reported: speaker.said.len() - speaker.quote_count,
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
    let span = match r.source {
        SaidSource::Quote { quote, .. } => article.quotes[quote as usize].text.as_str(),
        SaidSource::Report(report) => article.reports[report as usize].text.as_str(),
    };
    let attribution = said_attribution(article, r.source);
    SaidJson {
        id: corpus.anchor(row),
        speaker: speaker.map(|s| s.slug.as_str()),
        speaker_name: speaker.map(|s| s.name.as_str()),
        kind: r.kind.as_str(),
        text: corpus.said_text(row).text,
        span,
        cue: said_cue(article, r.source),
        attribution,
        note: attribution.note(speaker.map(|s| s.name.as_str())),
        themes: r.themes().map(|t| corpus.themes.list[t].slug.as_str()).collect(),
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
    let page = ListPage::of(total, &query)?;
    let list: Vec<SpeakerJson<'_>> = corpus.speakers[page.items.clone()]
        .iter()
        .map(|s| speaker_json(&corpus, s, &state.base_url))
        .collect();
    let fields = page.fields(total, "/api/speakers");
    Ok(json_response(&paged(fields, "speakers", json!(list))).into_response())
}

/// `GET /api/speakers/{slug}`: the speaker, their statements and quotes.
pub async fn speaker(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, ApiError> {
    let corpus = &state.corpus();
    let id = canonical_speaker(corpus, &slug)?;
    let speaker = &corpus.speakers[id];
    if speaker.slug != slug {
        return Ok(permanent_redirect(&format!("/api/speakers/{}", speaker.slug)));
    }
    let said: Vec<SaidJson<'_>> = speaker
        .said
        .iter()
        .map(|&row| said_json(corpus, row, &state.base_url))
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
    let quotes: Vec<SaidJson<'_>> = listing.rows[listing.page_rows.clone()]
        .iter()
        .map(|&row| said_json(corpus, row, &state.base_url))
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

/// `GET /api/articles?page=N`: each article's headline facts, in date order, a page at a time.
pub async fn articles(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, AppError>,
) -> Result<Response, ApiError> {
    let Query(query) = query?;
    let corpus = &state.corpus();
    let total = corpus.articles.len();
    let page = ListPage::of(total, &query)?;
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
    let fields = page.fields(total, "/api/articles");
    Ok(json_response(&paged(fields, "articles", json!(list))).into_response())
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
