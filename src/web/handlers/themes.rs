//! `/themes` (commentators × themes) and `/themes/{slug}` (one theme, everyone's statements in full).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::render;
use super::speakers::{StatementView, statement_views};
use crate::web::error::{AppError, Link};
use crate::web::page::PageMeta;
use crate::web::state::AppState;

/// Longest excerpt shown in a cell, in characters.
const EXCERPT_CHARS: usize = 160;

/// The side-by-side page.
#[derive(Template)]
#[template(path = "themes.html")]
pub struct ThemesPage {
    /// Head and navigation.
    pub page: PageMeta,
    /// Column heads: the commentators.
    pub speakers: Vec<SpeakerHead>,
    /// One row per theme.
    pub rows: Vec<ThemeRow>,
}

/// A commentator's column.
pub struct SpeakerHead {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Colour slot.
    pub colour: usize,
}

/// A theme's row.
pub struct ThemeRow {
    /// Theme slug.
    pub slug: String,
    /// Label.
    pub label: String,
    /// One cell per commentator.
    pub cells: Vec<Cell>,
}

/// What one commentator says on one theme.
pub struct Cell {
    /// The commentator's name, shown in the cell on narrow screens.
    pub name: String,
    /// The commentator's colour slot.
    pub colour: usize,
    /// Their statements on it.
    pub items: Vec<CellItem>,
}

/// A statement in a cell.
pub struct CellItem {
    /// An excerpt: the quoted words if any, else the start of the paraphrase.
    pub text: String,
    /// Link to the statement on the speaker's page.
    pub href: String,
}

/// One theme's page.
#[derive(Template)]
#[template(path = "theme.html")]
pub struct ThemePage {
    /// Head and navigation.
    pub page: PageMeta,
    /// Label.
    pub label: String,
    /// Description.
    pub description: Option<String>,
    /// Speakers who speak to it, with their statements.
    pub groups: Vec<ThemeGroup>,
}

/// A speaker's statements on one theme.
pub struct ThemeGroup {
    /// Speaker slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Role.
    pub role: Option<String>,
    /// Colour slot.
    pub colour: usize,
    /// Statements.
    pub items: Vec<StatementView>,
}

fn excerpt(text: &str) -> String {
    let text = text.trim_end_matches([',', ' ']);
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_owned();
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// `GET /themes`.
pub async fn themes(State(state): State<AppState>) -> Result<Response, AppError> {
    let corpus = &state.corpus;
    let commentators: Vec<usize> = corpus.commentators().collect();
    let mut rows: Vec<ThemeRow> = corpus
        .themes
        .list
        .iter()
        .map(|t| ThemeRow {
            slug: t.slug.clone(),
            label: t.label.clone(),
            cells: commentators
                .iter()
                .map(|&id| Cell {
                    name: corpus.speakers[id].name.clone(),
                    colour: corpus.speakers[id].colour,
                    items: Vec::new(),
                })
                .collect(),
        })
        .collect();
    for (column, &id) in commentators.iter().enumerate() {
        let speaker = &corpus.speakers[id];
        for &row in &speaker.statements {
            let r = &corpus.statements[row];
            let statement = corpus.statement(row);
            let article = &corpus.articles[r.article];
            let text = match statement.quotes.first().map(|&q| &article.quotes[q]) {
                Some(q) => format!("“{}”", excerpt(&q.text)),
                None => excerpt(&article.paragraphs[statement.paragraph].text),
            };
            for &t in &r.themes {
                rows[t].cells[column].items.push(CellItem {
                    text: text.clone(),
                    href: format!(
                        "/speakers/{}#s-{}-{}",
                        speaker.slug,
                        article.slug,
                        statement.paragraph + 1
                    ),
                });
            }
        }
    }
    let page = ThemesPage {
        page: PageMeta::new(
            &state,
            "themes",
            "Views side by side – whosaid",
            "What each commentator says on each theme, side by side.",
            "/themes",
        )
        .with_json("/api/themes")
        .with_assets(&state, "themes.css", ""),
        speakers: commentators
            .iter()
            .map(|&id| SpeakerHead {
                slug: corpus.speakers[id].slug.clone(),
                name: corpus.speakers[id].name.clone(),
                colour: corpus.speakers[id].colour,
            })
            .collect(),
        rows,
    };
    render(&page)
}

/// `GET /themes/{slug}`.
pub async fn theme(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, AppError> {
    let corpus = &state.corpus;
    let Some(t) = corpus.themes.position(&slug) else {
        return Err(AppError::not_found(
            format!("There is no theme “{slug}”"),
            corpus
                .themes
                .list
                .iter()
                .map(|t| Link {
                    href: format!("/themes/{}", t.slug),
                    label: t.label.clone(),
                })
                .collect(),
        ));
    };
    let theme = &corpus.themes.list[t];
    let groups = (0..corpus.speakers.len())
        .filter_map(|id| {
            let items = statement_views(corpus, id, Some(t));
            let speaker = &corpus.speakers[id];
            (!items.is_empty()).then(|| ThemeGroup {
                slug: speaker.slug.clone(),
                name: speaker.name.clone(),
                role: speaker.role.clone(),
                colour: speaker.colour,
                items,
            })
        })
        .collect();
    let path = format!("/themes/{}", theme.slug);
    let page = ThemePage {
        page: PageMeta::new(
            &state,
            "themes",
            format!("{} – whosaid", theme.label),
            format!("What each speaker says on {}.", theme.label),
            &path,
        )
        .with_json(format!("/api{path}")),
        label: theme.label.clone(),
        description: theme.description.clone(),
        groups,
    };
    render(&page)
}
