//! `/quotes` and `/quotes.csv`: everything said — quotations, fragments and reported statements —
//! filtered by speaker, article, kind, theme and search text.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::render;
use crate::corpus::{Corpus, SaidKind, said_attribution, said_cue};
use crate::web::error::AppError;
use crate::web::filters::Sort;
use crate::web::filters::{ListingQuery, QuoteFilters};
use crate::web::listing::{PAGE_SIZE, listing};
use crate::web::page::PageMeta;
use crate::web::query::Query;
use crate::web::state::AppState;
use crate::web::urls;
use crate::web::view::{Highlight, Segment, article_title, count, said_segments, snippet};

/// Most articles offered in the article select; with more, `?article=` still filters and the
/// chosen article shows as a chip.
const MAX_ARTICLE_OPTIONS: usize = 40;
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
    /// An option per article, when there are several.
    pub articles: Vec<ThemeOption>,
    /// An option per theme.
    pub themes: Vec<ThemeOption>,
    /// The search text.
    pub q: String,
    /// Ranked by relevance rather than article order.
    pub by_relevance: bool,
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

/// A theme or article option.
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
    /// "direct", "fragment" or "reported".
    pub kind: &'static str,
    /// How the kind reads: "quote", "fragment", "reported".
    pub kind_label: &'static str,
    /// Whether the words are a quotation (set in quotation marks) rather than a report.
    pub quoted: bool,
    /// The words, quoted words and search matches marked.
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
    let mut text = match filters.kinds.as_slice() {
        [SaidKind::Direct] => count(total, "direct quote", "direct quotes"),
        [SaidKind::Fragment] => count(total, "quoted fragment", "quoted fragments"),
        [SaidKind::Reported] => count(total, "reported statement", "reported statements"),
        _ => count(total, "statement", "statements"),
    };
    if !filters.speakers.is_empty() {
        let names: Vec<&str> = filters
            .speakers
            .iter()
            .filter_map(|s| corpus.speaker(s))
            .map(|id| &*corpus.speakers[id].name)
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
            .map_or(slug.as_str(), |id| &*corpus.speakers[id].name);
        chips.push(Chip {
            label: format!("Speaker: {name}"),
            href: filters.without("speaker", slug).href("/quotes", 1),
        });
    }
    for slug in &filters.articles {
        let title = corpus
            .article(slug)
            .map_or_else(|| slug.clone(), |a| article_title(&corpus.articles[a]));
        chips.push(Chip {
            label: format!("Article: {title}"),
            href: filters.without("article", slug).href("/quotes", 1),
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

/// How a kind reads in a listing.
fn kind_label(kind: SaidKind) -> &'static str {
    match kind {
        SaidKind::Direct => "quote",
        SaidKind::Fragment => "fragment",
        SaidKind::Reported => "reported",
    }
}

/// `GET /quotes`.
pub async fn quotes(State(state): State<AppState>, Query(query): Query<ListingQuery>) -> Result<Response, AppError> {
    let corpus = &state.corpus();
    let filters = QuoteFilters::check(query, corpus)?;
    let listing = listing(corpus, &filters, PAGE_SIZE)?;
    let search = filters.search(corpus);
    let highlight = Highlight {
        query: &search,
        terms: corpus.terms(),
    };
    let items = listing.rows[listing.page.items.clone()]
        .iter()
        .map(|&row| {
            let r = &corpus.said[row];
            let article = &corpus.articles[r.article()];
            let speaker = r.speaker().map(|s| &corpus.speakers[s]);
            QuoteItem {
                speaker_name: speaker.map_or_else(|| "No speaker".to_owned(), |s| s.name.to_string()),
                speaker_href: speaker.map_or_else(|| urls::said(corpus, row), |s| urls::speaker(&s.slug)),
                colour: speaker.map(|s| s.colour),
                kind: r.kind.as_str(),
                kind_label: kind_label(r.kind),
                quoted: r.kind != SaidKind::Reported,
                segments: said_segments(&snippet(corpus.said_text(row), Some(&highlight)), Some(&highlight)),
                cue: said_cue(article, r.source()).map(str::to_owned),
                permalink: urls::said(corpus, row),
                article_href: urls::paragraph(&article.slug, r.paragraph()),
                article_title: article_title(article),
            }
        })
        .collect();
    // In a stable order, so that ticking a box never moves the others; a
    // large corpus shows the first MAX_SPEAKER_OPTIONS and any ticked.
    let mut shown = 0;
    let ticked: Vec<usize> = filters.speakers.iter().filter_map(|s| corpus.speaker(s)).collect();
    let speakers: Vec<SpeakerOption> = (0..corpus.speakers.len())
        .filter(|id| {
            let checked = ticked.contains(id);
            let show = checked || (!corpus.speakers[*id].said.is_empty() && shown < MAX_SPEAKER_OPTIONS);
            shown += usize::from(show && !checked);
            show
        })
        .map(|id| {
            let s = &corpus.speakers[id];
            SpeakerOption {
                slug: s.slug.to_string(),
                name: s.name.to_string(),
                colour: s.colour,
                count: s.said.len(),
                checked: ticked.contains(&id),
            }
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
        articles: if (2..=MAX_ARTICLE_OPTIONS).contains(&corpus.articles.len()) {
            corpus
                .articles
                .iter()
                .map(|a| ThemeOption {
                    slug: a.slug.clone(),
                    label: article_title(a),
                    checked: filters.articles.contains(&a.slug),
                })
                .collect()
        } else {
            Vec::new()
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
        by_relevance: filters.sort == Sort::Relevance,
        summary,
        chips: chips(corpus, &filters),
        items,
        first_number: listing.page.items.start + 1,
        page_number: filters.page,
        pages: listing.page.pages,
        prev_href: (filters.page > 1).then(|| filters.href("/quotes", filters.page - 1)),
        next_href: listing
            .page
            .has_next()
            .then(|| filters.href("/quotes", filters.page + 1)),
        csv_href: filters.href("/quotes.csv", 1),
        json_href: filters.href("/api/quotes", filters.page),
    };
    render(&page)
}

/// The CSV's columns.
pub const CSV_COLUMNS: [&str; 11] = [
    "speaker",
    "role",
    "kind",
    "text",
    "cue",
    "attribution",
    "themes",
    "article",
    "date",
    "paragraph",
    "link",
];

/// `GET /quotes.csv`: every matching row (not only one page). UTF-8 with a byte-order
/// mark, so that Excel and LibreOffice read the characters right; links are paths, so they
/// do not depend on the host the file was served from. An error comes back as plain text.
pub async fn quotes_csv(State(state): State<AppState>, Query(query): Query<ListingQuery>) -> Response {
    match csv_body(&state.corpus(), query) {
        Ok(bytes) => {
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            headers.insert(
                header::CONTENT_DISPOSITION,
                HeaderValue::from_static("attachment; filename=\"whosaid.csv\""),
            );
            response
        }
        Err(err) => {
            if let AppError::Internal(detail) = &err {
                tracing::error!(%detail, "internal error");
            }
            let status = err.status();
            let message = match &err {
                AppError::Internal(_) => "The server could not write this file.".to_owned(),
                other => format!("{}.\n", crate::model::capitalise(&other.to_string())),
            };
            let mut response = (status, message).into_response();
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            if status == StatusCode::INTERNAL_SERVER_ERROR {
                response.headers_mut().remove(header::CONTENT_DISPOSITION);
            }
            response
        }
    }
}

fn csv_body(corpus: &Corpus, query: ListingQuery) -> Result<Vec<u8>, AppError> {
    let filters = QuoteFilters::check(query, corpus)?;
    let rows = corpus.search(&filters.query(corpus));
    let mut out = "\u{feff}".as_bytes().to_vec();
    let mut writer = csv::Writer::from_writer(&mut out);
    let fail = |e: csv::Error| AppError::Internal(format!("csv: {e}"));
    writer.write_record(CSV_COLUMNS).map_err(fail)?;
    for row in rows {
        let r = &corpus.said[row];
        let article = &corpus.articles[r.article()];
        let speaker = r.speaker().map(|s| &corpus.speakers[s]);
        let themes: Vec<&str> = corpus
            .row_themes(row)
            .map(|t| corpus.themes.list[t].slug.as_str())
            .collect();
        writer
            .write_record([
                speaker.map_or("", |s| &*s.name),
                speaker.and_then(|s| s.role.as_deref()).unwrap_or(""),
                r.kind.as_str(),
                &csv_safe(&corpus.said_text(row).text),
                said_cue(article, r.source()).unwrap_or(""),
                &said_attribution(article, r.source()).note(speaker.map(|s| &*s.name)),
                &themes.join("; "),
                &article_title(article),
                article.date.as_deref().unwrap_or(""),
                &(r.paragraph + 1).to_string(),
                &urls::said(corpus, row),
            ])
            .map_err(fail)?;
    }
    writer.flush().map_err(|e| AppError::Internal(format!("csv: {e}")))?;
    drop(writer);
    Ok(out)
}

/// Text that a spreadsheet would read as a formula gets a leading apostrophe.
fn csv_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}
