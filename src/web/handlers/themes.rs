//! `/themes` (themes × commentators, each cell the speaker's own sentences) and
//! `/themes/{slug}` (one theme, everyone's statements in full).

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::render;
use super::speakers::{StatementView, statement_views};
use crate::corpus::{Corpus, SaidKind, statements_of};
use crate::web::error::{AppError, Link};
use crate::web::filters::article_index;
use crate::web::page::PageMeta;
use crate::web::query::Query;
use crate::web::resolve::{canonical_speaker, permanent_redirect};
use crate::web::state::AppState;
use crate::web::urls;
use crate::web::view::{Segment, article_title, said_segments};

/// Statements shown in one cell; the rest are a link away, so no column makes its row tall.
const CELL_ITEMS: usize = 2;
/// Most articles offered as choices; with more, `?article=` still scopes the comparison.
const MAX_ARTICLE_CHOICES: usize = 40;
/// Most commentators offered to compare (besides those compared).
const MAX_CHOICES: usize = 60;
/// Most commentators compared at once.
const MAX_COLUMNS: usize = 12;

/// The comparison's parameters; others (tracking ones) are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ThemesQuery {
    /// `speaker=…`, repeated: the commentators to compare.
    pub speaker: Vec<String>,
    /// `article=…`, repeated: the articles to take statements from.
    pub article: Vec<String>,
}

/// The side-by-side page.
#[derive(Template)]
#[template(path = "themes.html")]
pub struct ThemesPage {
    /// Head and navigation.
    pub page: PageMeta,
    /// Column heads: the commentators.
    pub speakers: Vec<SpeakerHead>,
    /// Every commentator, to pick columns from.
    pub choices: Vec<SpeakerChoice>,
    /// Articles to scope to, when there are several.
    pub articles: Vec<ArticleChoice>,
    /// One row per theme that anyone compared speaks to.
    pub rows: Vec<ThemeRow>,
    /// Whether the columns were picked (not every commentator).
    pub picked: bool,
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

/// A commentator offered as a column.
pub struct SpeakerChoice {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Colour slot.
    pub colour: usize,
    /// Among the columns.
    pub checked: bool,
}

/// An article to scope the comparison to.
pub struct ArticleChoice {
    /// Slug.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Chosen.
    pub checked: bool,
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
    /// Their first statements on it.
    pub items: Vec<CellItem>,
    /// How many more there are.
    pub more: usize,
    /// Their full statements on the theme.
    pub href: String,
}

/// A statement in a cell: the speaker's own sentence, quoted words marked.
pub struct CellItem {
    /// The words.
    pub segments: Vec<Segment>,
    /// A quotation (set in quotation marks) rather than a report.
    pub quoted: bool,
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

/// The columns: the speakers asked for, else every commentator (within the articles).
fn columns(corpus: &Corpus, query: &ThemesQuery, articles: &[usize]) -> Result<Vec<usize>, AppError> {
    let mut picked = Vec::new();
    for value in query.speaker.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let id = canonical_speaker(corpus, value).map_err(|_| {
            AppError::bad(
                "speaker",
                format!("There is no speaker “{value}”"),
                format!(
                    "a speaker slug: {}",
                    corpus
                        .commentators()
                        .map(|s| &*corpus.speakers[s].slug)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })?;
        if !picked.contains(&id) {
            if picked.len() >= MAX_COLUMNS {
                return Err(AppError::bad(
                    "speaker",
                    "It has too many values",
                    format!("at most {MAX_COLUMNS}"),
                ));
            }
            picked.push(id);
        }
    }
    if !picked.is_empty() {
        return Ok(picked);
    }
    Ok(corpus
        .commentators()
        .filter(|&id| articles.is_empty() || articles.iter().any(|&a| corpus.speakers[id].appears_in(a)))
        .take(MAX_COLUMNS)
        .collect())
}

/// `GET /themes?speaker=…&article=…`.
pub async fn themes(State(state): State<AppState>, Query(query): Query<ThemesQuery>) -> Result<Response, AppError> {
    let corpus = &state.corpus();
    let mut articles = Vec::new();
    for value in query.article.iter().map(|a| a.trim()).filter(|a| !a.is_empty()) {
        let a = article_index(value, corpus)?;
        if !articles.contains(&a) {
            articles.push(a);
        }
    }
    let columns = columns(corpus, &query, &articles)?;
    let column_slugs: Vec<String> = columns.iter().map(|&id| corpus.speakers[id].slug.to_string()).collect();
    let article_slugs: Vec<String> = articles.iter().map(|&a| corpus.articles[a].slug.clone()).collect();
    let mut rows: Vec<ThemeRow> = Vec::new();
    for (t, theme) in corpus.themes.list.iter().enumerate() {
        let cells: Vec<Cell> = columns
            .iter()
            .map(|&id| {
                let speaker = &corpus.speakers[id];
                let mut texts: Vec<String> = Vec::new();
                let mut items = Vec::new();
                let mut total = 0;
                for r in statements_of(&corpus.said, &speaker.said) {
                    let row = &corpus.said[r];
                    if !corpus.row_themes(r).any(|x| x == t)
                        || !(articles.is_empty() || articles.contains(&row.article()))
                    {
                        continue;
                    }
                    let text = corpus.statement_text(r);
                    if texts.contains(&text.text) {
                        continue;
                    }
                    texts.push(text.text.clone());
                    total += 1;
                    if items.len() < CELL_ITEMS {
                        items.push(CellItem {
                            segments: said_segments(&text, None),
                            quoted: row.kind == SaidKind::Direct,
                        });
                    }
                }
                Cell {
                    name: speaker.name.to_string(),
                    colour: speaker.colour,
                    more: total - items.len(),
                    items,
                    href: urls::speaker_page(&speaker.slug, Some(&theme.slug), 1),
                }
            })
            .collect();
        if cells.iter().any(|c| !c.items.is_empty()) {
            rows.push(ThemeRow {
                slug: theme.slug.clone(),
                label: theme.label.clone(),
                cells,
            });
        }
    }
    let names: Vec<&str> = columns.iter().map(|&id| &*corpus.speakers[id].name).collect();
    let picked = !query.speaker.iter().all(|s| s.trim().is_empty());
    let title = if picked {
        format!("{} side by side – whosaid", names.join(", "))
    } else {
        "Views side by side – whosaid".to_owned()
    };
    let path = urls::themes(&column_slugs, &article_slugs);
    let page = ThemesPage {
        page: PageMeta::new(
            &state,
            "themes",
            title,
            "What each commentator says on each theme, in their own words, side by side.",
            &path,
        )
        .with_json("/api/themes")
        .with_assets(&state, "themes.css", ""),
        speakers: columns
            .iter()
            .map(|&id| SpeakerHead {
                slug: corpus.speakers[id].slug.to_string(),
                name: corpus.speakers[id].name.to_string(),
                colour: corpus.speakers[id].colour,
            })
            .collect(),
        choices: corpus
            .commentators()
            .filter(|&id| articles.is_empty() || articles.iter().any(|&a| corpus.speakers[id].appears_in(a)))
            .take(MAX_CHOICES)
            .chain(columns.iter().copied())
            .collect::<std::collections::BTreeSet<usize>>()
            .into_iter()
            .map(|id| SpeakerChoice {
                slug: corpus.speakers[id].slug.to_string(),
                name: corpus.speakers[id].name.to_string(),
                colour: corpus.speakers[id].colour,
                checked: picked && columns.contains(&id),
            })
            .collect(),
        articles: if (2..=MAX_ARTICLE_CHOICES).contains(&corpus.articles.len()) {
            corpus
                .articles
                .iter()
                .enumerate()
                .map(|(a, article)| ArticleChoice {
                    slug: article.slug.clone(),
                    title: article_title(article),
                    checked: articles.contains(&a),
                })
                .collect()
        } else {
            Vec::new()
        },
        rows,
        picked,
    };
    render(&page)
}

/// `GET /themes/{slug}`; another spelling of a slug ("China") redirects to it.
pub async fn theme(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, AppError> {
    let corpus = &state.corpus();
    let Some(t) = corpus.themes.position(&slug) else {
        let folded = crate::model::slugify(&slug);
        if corpus.themes.position(&folded).is_some() {
            return Ok(permanent_redirect(&urls::theme(&folded)));
        }
        return Err(AppError::not_found(
            format!("There is no theme “{slug}”"),
            corpus
                .themes
                .list
                .iter()
                .map(|t| Link {
                    href: urls::theme(&t.slug),
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
                slug: speaker.slug.to_string(),
                name: speaker.name.to_string(),
                role: speaker.role.as_deref().map(str::to_owned),
                colour: speaker.colour,
                items,
            })
        })
        .collect();
    let path = urls::theme(&theme.slug);
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
