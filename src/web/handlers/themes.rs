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
    /// Column heads.
    pub themes: Vec<ThemeHead>,
    /// One row per commentator.
    pub rows: Vec<ThemeRow>,
}

/// A theme column.
pub struct ThemeHead {
    /// Slug.
    pub slug: String,
    /// Label.
    pub label: String,
}

/// A commentator's row.
pub struct ThemeRow {
    /// Speaker slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Colour slot.
    pub colour: usize,
    /// One cell per theme, each a list of excerpts.
    pub cells: Vec<Vec<CellItem>>,
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
    let rows = corpus
        .commentators()
        .map(|id| {
            let speaker = &corpus.speakers[id];
            let mut cells: Vec<Vec<CellItem>> = (0..corpus.themes.list.len()).map(|_| Vec::new()).collect();
            for &row in &speaker.statements {
                let r = &corpus.statements[row];
                let statement = corpus.statement(row);
                let article = &corpus.articles[r.article];
                let first_quote = statement.quotes.first().map(|&q| &article.quotes[q]);
                let text = match first_quote {
                    Some(q) => format!("“{}”", excerpt(&q.text)),
                    None => excerpt(&article.paragraphs[statement.paragraph].text),
                };
                for &t in &r.themes {
                    cells[t].push(CellItem {
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
            ThemeRow {
                slug: speaker.slug.clone(),
                name: speaker.name.clone(),
                colour: speaker.colour,
                cells,
            }
        })
        .collect();
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
        themes: corpus
            .themes
            .list
            .iter()
            .map(|t| ThemeHead {
                slug: t.slug.clone(),
                label: t.label.clone(),
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
