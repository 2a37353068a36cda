//! `/article`, `/articles` and `/articles/{slug}`: the text with every quote marked by speaker.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::render;
use crate::model::ParagraphRole;
use crate::web::error::{AppError, Link};
use crate::web::filters::{one_value, page_number};
use crate::web::listing::Page;
use crate::web::page::PageMeta;
use crate::web::query::Query;
use crate::web::resolve::permanent_redirect;
use crate::web::state::AppState;
use crate::web::view::{Segment, article_title, count, long_date, paragraph_with_quotes};

/// An article page.
#[derive(Template)]
#[template(path = "article.html")]
pub struct ArticlePage {
    /// Head and navigation.
    pub page: PageMeta,
    /// Path of this page, without query.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Date in words.
    pub date: Option<String>,
    /// Source.
    pub source: Option<String>,
    /// Whether page furniture is hidden.
    pub hide_furniture: bool,
    /// Speakers and their colours.
    pub legend: Vec<LegendEntry>,
    /// The paragraphs.
    pub paragraphs: Vec<ParagraphView>,
}

/// A speaker in the legend.
pub struct LegendEntry {
    /// Slug.
    pub slug: String,
    /// Name.
    pub name: String,
    /// Colour slot.
    pub colour: usize,
}

/// A paragraph of the article.
pub struct ParagraphView {
    /// 1-based number, for the anchor.
    pub number: usize,
    /// Body copy or furniture.
    pub body: bool,
    /// Role name for CSS.
    pub role: &'static str,
    /// Role in words.
    pub role_label: &'static str,
    /// Plain text (for furniture).
    pub text: String,
    /// Text with quotes marked (for body).
    pub segments: Vec<Segment>,
    /// Short name of who the paragraph reports.
    pub speaker: Option<String>,
    /// Their colour.
    pub colour: Option<usize>,
}

/// The list of articles.
#[derive(Template)]
#[template(path = "articles.html")]
pub struct ArticlesPage {
    /// Head and navigation.
    pub page: PageMeta,
    /// The articles on this page.
    pub articles: Vec<ArticleLine>,
    /// The previous page.
    pub prev_href: Option<String>,
    /// The next page.
    pub next_href: Option<String>,
}

/// An article in the list.
pub struct ArticleLine {
    /// Slug.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Date.
    pub date: Option<String>,
    /// "24 quotes · 6 speakers".
    pub counts: String,
}

fn role_label(role: ParagraphRole) -> &'static str {
    match role {
        ParagraphRole::Body => "",
        ParagraphRole::Headline => "Headline",
        ParagraphRole::Byline => "Byline",
        ParagraphRole::Dateline => "Dateline",
        ParagraphRole::Caption => "Photo caption",
        ParagraphRole::Related => "Link to another story",
        ParagraphRole::Pullquote => "Pull quote",
        ParagraphRole::Footer => "Page footer",
    }
}

/// The article page's parameters; others (tracking ones) are ignored.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ArticleQuery {
    /// `furniture=show|hide`: whether captions, related links and the footer show.
    pub furniture: Vec<String>,
}

/// The article list's parameters.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ArticlesQuery {
    /// `page=N`.
    pub page: Vec<String>,
}

/// `GET /article`: the article, or the list when there are several.
pub async fn article_default(
    State(state): State<AppState>,
    Query(query): Query<ArticleQuery>,
) -> Result<Response, AppError> {
    match state.corpus().articles.as_slice() {
        [_] => render_article(&state, 0, "/article", query),
        _ => Ok(permanent_redirect("/articles")),
    }
}

/// Articles listed on one page of `/articles`.
const ARTICLES_PER_PAGE: usize = 100;

/// `GET /articles?page=N`.
pub async fn articles(State(state): State<AppState>, Query(query): Query<ArticlesQuery>) -> Result<Response, AppError> {
    let corpus = &state.corpus();
    let page = Page::of(page_number(&query.page)?, corpus.articles.len(), ARTICLES_PER_PAGE)?;
    let number = page.number;
    let path = if number == 1 {
        "/articles".to_owned()
    } else {
        format!("/articles?page={number}")
    };
    let page = ArticlesPage {
        page: PageMeta::new(
            &state,
            "article",
            "Articles – whosaid",
            "Every article whosaid has read.",
            &path,
        )
        .with_json("/api/articles"),
        prev_href: (number > 1).then(|| format!("/articles?page={}", number - 1)),
        next_href: page.has_next().then(|| format!("/articles?page={}", number + 1)),
        articles: corpus.articles[page.items]
            .iter()
            .map(|a| ArticleLine {
                slug: a.slug.clone(),
                title: article_title(a),
                date: a.date.as_deref().map(long_date),
                counts: format!(
                    "{} · {}",
                    count(a.quotes.len(), "quote", "quotes"),
                    count(a.speakers.len(), "speaker", "speakers")
                ),
            })
            .collect(),
    };
    render(&page)
}

/// `GET /articles/{slug}`.
pub async fn article(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<ArticleQuery>,
) -> Result<Response, AppError> {
    let corpus = &state.corpus();
    let Some(index) = corpus.article(&slug) else {
        return Err(AppError::not_found(
            format!("There is no article “{slug}”"),
            corpus
                .articles
                .iter()
                .map(|a| Link {
                    href: format!("/articles/{}", a.slug),
                    label: article_title(a),
                })
                .collect(),
        ));
    };
    let path = format!("/articles/{slug}");
    render_article(&state, index, &path, query)
}

fn render_article(state: &AppState, index: usize, path: &str, query: ArticleQuery) -> Result<Response, AppError> {
    let hide_furniture = match one_value(&query.furniture, "furniture", "show or hide")? {
        None | Some("show") => false,
        Some("hide") => true,
        Some(other) => {
            return Err(AppError::bad(
                "furniture",
                format!("“{other}” is not a choice"),
                "show or hide",
            ));
        }
    };
    let corpus = &state.corpus();
    let article = &corpus.articles[index];
    let speaker_of = |speaker: &Option<crate::model::SpeakerId>| {
        speaker
            .and_then(|s| corpus.article_speaker(index, s))
            .map(|id| &corpus.speakers[id])
    };
    let paragraphs = article
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role == ParagraphRole::Body || !hide_furniture)
        .map(|(at, p)| {
            let body = p.role == ParagraphRole::Body;
            let speaker = if body { speaker_of(&p.speaker) } else { None };
            ParagraphView {
                number: at + 1,
                body,
                role: p.role.as_str(),
                role_label: role_label(p.role),
                text: p.text.to_string(),
                segments: if body {
                    paragraph_with_quotes(corpus, index, at, true)
                } else {
                    Vec::new()
                },
                speaker: speaker.map(|s| s.short_name.to_string()),
                colour: speaker.map(|s| s.colour),
            }
        })
        .collect();
    let legend = article
        .speakers
        .iter()
        .filter_map(|s| corpus.article_speaker(index, s.id))
        .map(|id| LegendEntry {
            slug: corpus.speakers[id].slug.to_string(),
            name: corpus.speakers[id].name.to_string(),
            colour: corpus.speakers[id].colour,
        })
        .collect();
    let title = article_title(article);
    let page = ArticlePage {
        page: PageMeta::new(
            state,
            "article",
            format!("{title} – whosaid"),
            format!("“{title}”, with every quote marked by who said it."),
            path,
        )
        .with_json(format!("/api/articles/{}", article.slug))
        .with_assets(state, "article.css", ""),
        path: path.to_owned(),
        title,
        date: article.date.as_deref().map(long_date),
        source: article.source.clone(),
        hide_furniture,
        legend,
        paragraphs,
    };
    render(&page)
}
