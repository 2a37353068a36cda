//! `/quotes` and `/quotes.csv`: every quotation, filtered by speaker, kind, theme and search text.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use super::render;
use crate::corpus::Corpus;
use crate::web::error::AppError;
use crate::web::filters::QuoteFilters;
use crate::web::listing::{PAGE_SIZE, listing};
use crate::web::page::PageMeta;
use crate::web::state::AppState;
use crate::web::view::{Segment, article_title, count, long_date, permalink, search_marks};

/// Most speaker checkboxes shown (besides ticked ones).
const MAX_SPEAKER_OPTIONS: usize = 100;

/// The quotes page.
#[derive(Template)]
#[template(path = "quotes.html")]
pub struct QuotesPage {
    /// Head and navigation.
    pub page: PageMeta,
    /// A checkbox per speaker.
    pub speakers: Vec<SpeakerOption>,
    /// The kind selected ("" for any).
    pub kind: &'static str,
    /// An option per theme.
    pub themes: Vec<ThemeOption>,
    /// The search text.
    pub q: String,
    /// "7 quotes from Jenny Town".
    pub summary: String,
    /// Active filters, each with a link that removes it.
    pub chips: Vec<Chip>,
    /// This page of results.
    pub items: Vec<QuoteItem>,
    /// Number of the first item on this page.
    pub first_number: usize,
    /// This page's number.
    pub page_number: usize,
    /// How many pages.
    pub pages: usize,
    /// Link to the previous page.
    pub prev_href: Option<String>,
    /// Link to the next page.
    pub next_href: Option<String>,
    /// The same listing as CSV.
    pub csv_href: String,
    /// The same listing as JSON.
    pub json_href: String,
}

/// A speaker checkbox.
pub struct SpeakerOption {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Colour slot.
    pub colour: usize,
    /// Quotes they have.
    pub count: usize,
    /// Ticked.
    pub checked: bool,
}

/// A theme option.
pub struct ThemeOption {
    /// Slug.
    pub slug: String,
    /// Label.
    pub label: String,
    /// Selected.
    pub checked: bool,
}

/// An active filter.
pub struct Chip {
    /// What it filters on.
    pub label: String,
    /// The listing without it.
    pub href: String,
}

/// A quote in the listing.
pub struct QuoteItem {
    /// Speaker's name, or "No speaker".
    pub speaker_name: String,
    /// Link to the speaker.
    pub speaker_href: String,
    /// Colour slot of the speaker.
    pub colour: Option<usize>,
    /// "direct" or "fragment".
    pub kind: &'static str,
    /// The words, search matches marked.
    pub segments: Vec<Segment>,
    /// The cue.
    pub cue: Option<String>,
    /// Permalink.
    pub permalink: String,
    /// Link to the paragraph in the article.
    pub article_href: String,
    /// The article's title.
    pub article_title: String,
}

fn summary(corpus: &Corpus, filters: &QuoteFilters, total: usize) -> String {
    let mut text = count(total, "quote", "quotes");
    if !filters.speakers.is_empty() {
        let names: Vec<&str> = filters
            .speakers
            .iter()
            .filter_map(|s| corpus.speaker(s))
            .map(|id| corpus.speakers[id].name.as_str())
            .collect();
        text.push_str(&format!(" from {}", join_or(&names)));
    }
    if !filters.q.is_empty() {
        text.push_str(&format!(" matching “{}”", filters.q));
    }
    text
}

fn join_or(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn chips(corpus: &Corpus, filters: &QuoteFilters) -> Vec<Chip> {
    let mut chips = Vec::new();
    for slug in &filters.speakers {
        let name = corpus
            .speaker(slug)
            .map_or(slug.as_str(), |id| corpus.speakers[id].name.as_str());
        chips.push(Chip {
            label: format!("Speaker: {name}"),
            href: filters.without("speaker", slug).href("/quotes", 1),
        });
    }
    for kind in &filters.kinds {
        chips.push(Chip {
            label: format!("Kind: {}", kind.as_str()),
            href: filters.without("kind", kind.as_str()).href("/quotes", 1),
        });
    }
    for slug in &filters.themes {
        let label = corpus
            .themes
            .position(slug)
            .map_or(slug.as_str(), |t| corpus.themes.list[t].label.as_str());
        chips.push(Chip {
            label: format!("Theme: {label}"),
            href: filters.without("theme", slug).href("/quotes", 1),
        });
    }
    if !filters.q.is_empty() {
        chips.push(Chip {
            label: format!("Search: {}", filters.q),
            href: filters.without("q", "").href("/quotes", 1),
        });
    }
    chips
}

/// `GET /quotes`.
pub async fn quotes(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, AppError> {
    let corpus = &state.corpus;
    let filters = QuoteFilters::parse(raw.as_deref(), corpus)?;
    let listing = listing(corpus, &filters, PAGE_SIZE)?;
    let words = filters.search_words();
    let items = listing.rows[listing.page_rows.clone()]
        .iter()
        .map(|&row| {
            let r = &corpus.quotes[row];
            let quote = corpus.quote(row);
            let article = &corpus.articles[r.article];
            let speaker = r.speaker.map(|s| &corpus.speakers[s]);
            QuoteItem {
                speaker_name: speaker.map_or_else(|| "No speaker".to_owned(), |s| s.name.clone()),
                speaker_href: speaker.map_or_else(
                    || format!("/articles/{}#{}", article.slug, corpus.anchor(row)),
                    |s| format!("/speakers/{}", s.slug),
                ),
                colour: speaker.map(|s| s.colour),
                kind: quote.kind.as_str(),
                segments: search_marks(&quote.text, &words),
                cue: quote.cue.as_deref().map(str::to_owned),
                permalink: permalink(corpus, row),
                article_href: format!("/articles/{}#p-{}", article.slug, quote.paragraph + 1),
                article_title: article_title(article),
            }
        })
        .collect();
    // In a stable order, so that ticking a box never moves the others; a
    // large corpus shows the first MAX_SPEAKER_OPTIONS and any ticked.
    let mut shown = 0;
    let speakers: Vec<SpeakerOption> = corpus
        .speakers
        .iter()
        .map(|s| SpeakerOption {
            slug: s.slug.clone(),
            name: s.name.clone(),
            colour: s.colour,
            count: s.quotes.len(),
            checked: filters.speakers.contains(&s.slug),
        })
        .filter(|o| {
            let show = o.checked || (o.count > 0 && shown < MAX_SPEAKER_OPTIONS);
            shown += usize::from(show && !o.checked);
            show
        })
        .collect();
    let total = listing.rows.len();
    let path = filters.href("/quotes", filters.page);
    let summary = summary(corpus, &filters, total);
    let page = QuotesPage {
        page: PageMeta::new(
            &state,
            "quotes",
            format!("{summary} – whosaid"),
            format!("{summary}, with speaker, kind and link to the article."),
            &path,
        )
        .with_json(filters.href("/api/quotes", filters.page))
        .with_assets(&state, "quotes.css", "filters.js"),
        speakers,
        kind: match filters.kinds.as_slice() {
            [one] => one.as_str(),
            _ => "",
        },
        themes: corpus
            .themes
            .list
            .iter()
            .map(|t| ThemeOption {
                slug: t.slug.clone(),
                label: t.label.clone(),
                checked: filters.themes.contains(&t.slug),
            })
            .collect(),
        q: filters.q.clone(),
        summary,
        chips: chips(corpus, &filters),
        items,
        first_number: listing.page_rows.start + 1,
        page_number: filters.page,
        pages: listing.pages,
        prev_href: (filters.page > 1).then(|| filters.href("/quotes", filters.page - 1)),
        next_href: (filters.page < listing.pages).then(|| filters.href("/quotes", filters.page + 1)),
        csv_href: filters.href("/quotes.csv", 1),
        json_href: filters.href("/api/quotes", filters.page),
    };
    render(&page)
}

/// `GET /quotes.csv`: every matching quote (not only one page), one row each.
pub async fn quotes_csv(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Result<Response, AppError> {
    let corpus = &state.corpus;
    let filters = QuoteFilters::parse(raw.as_deref(), corpus)?;
    let rows = corpus.search(&filters.query(corpus));
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header = [
        "speaker",
        "speaker_name",
        "kind",
        "text",
        "cue",
        "article",
        "date",
        "url",
    ];
    let mut write = |record: &[&str]| {
        writer
            .write_record(record)
            .map_err(|e| AppError::Internal(format!("csv: {e}")))
    };
    write(&header)?;
    for row in rows {
        let r = &corpus.quotes[row];
        let quote = corpus.quote(row);
        let article = &corpus.articles[r.article];
        let speaker = r.speaker.map(|s| &corpus.speakers[s]);
        let url = format!("{}{}", state.base_url, permalink(corpus, row));
        let date = article.date.as_deref().map(long_date).unwrap_or_default();
        write(&[
            speaker.map_or("", |s| s.slug.as_str()),
            speaker.map_or("", |s| s.name.as_str()),
            quote.kind.as_str(),
            &csv_safe(&quote.text),
            quote.cue.as_deref().unwrap_or(""),
            &article_title(article),
            &date,
            &url,
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| AppError::Internal(format!("csv: {e}")))?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"quotes.csv\""),
    );
    Ok(response)
}

/// Quoted text that a spreadsheet would read as a formula gets a leading apostrophe.
fn csv_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}
