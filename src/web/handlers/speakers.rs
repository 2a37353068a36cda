//! `/speakers/{slug}`: everything one speaker said, in article order; short names redirect to it.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;

use super::render;
use crate::corpus::Corpus;
use crate::model::RoleSource;
use crate::web::error::AppError;
use crate::web::page::PageMeta;
use crate::web::resolve::{canonical_speaker, permanent_redirect};
use crate::web::state::AppState;
use crate::web::view::{Segment, article_citation, article_title, attribution_note, count, paragraph_for_speaker};

/// A speaker's page.
#[derive(Template)]
#[template(path = "speaker.html")]
pub struct SpeakerPage {
    /// Head and navigation.
    pub page: PageMeta,
    /// Who.
    pub speaker: SpeakerHead,
    /// What they said, article by article, paragraph by paragraph.
    pub groups: Vec<ArticleGroup>,
}

/// A speaker's statements in one article.
pub struct ArticleGroup {
    /// The article's slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// How to cite it: "“Title”, Source, 24 July 2024".
    pub cite: String,
    /// The statements.
    pub items: Vec<StatementView>,
}

/// The top of a speaker page.
pub struct SpeakerHead {
    /// Slug.
    pub slug: String,
    /// Full name.
    pub name: String,
    /// Short name.
    pub short_name: String,
    /// Role.
    pub role: Option<String>,
    /// Where the role came from, in words.
    pub role_source: Option<&'static str>,
    /// Colour slot.
    pub colour: usize,
    /// Commentator or not.
    pub commentator: bool,
    /// "4 quotes · 6 statements".
    pub counts: String,
}

/// One paragraph in which a speaker is reported or quoted.
pub struct StatementView {
    /// Anchor id ("s-putin-north-korea-visit-12").
    pub anchor: String,
    /// The paragraph, quoted words highlighted.
    pub segments: Vec<Segment>,
    /// The speaker's quotes in it.
    pub quotes: Vec<QuoteView>,
    /// The cue of the statement ("stressed").
    pub cue: Option<String>,
    /// How the attribution was made.
    pub note: String,
    /// Themes it falls under.
    pub themes: Vec<ThemeTag>,
    /// Link to the paragraph in the article.
    pub article_href: String,
    /// The paragraph's number in the article.
    pub paragraph: usize,
    /// The article's index.
    pub article: usize,
}

/// A quote on a speaker page.
pub struct QuoteView {
    /// Anchor id.
    pub anchor: String,
    /// The words.
    pub text: String,
    /// "direct" or "fragment".
    pub kind: &'static str,
    /// Whether to set it as a block quote.
    pub direct: bool,
    /// Its cue.
    pub cue: Option<String>,
}

/// A theme as a tag.
pub struct ThemeTag {
    /// Slug.
    pub slug: String,
    /// Label.
    pub label: String,
}

/// The paragraphs where speaker `id` is reported or quoted, in corpus order,
/// optionally only those under theme `theme`.
pub fn statement_views(corpus: &Corpus, id: usize, theme: Option<usize>) -> Vec<StatementView> {
    let speaker = &corpus.speakers[id];
    let mut places = BTreeSet::new();
    for &row in &speaker.statements {
        let r = &corpus.statements[row];
        if theme.is_none_or(|t| r.themes.contains(&t)) {
            places.insert((r.article, corpus.statement(row).paragraph));
        }
    }
    for &row in &speaker.quotes {
        let r = &corpus.quotes[row];
        if theme.is_none_or(|t| r.themes.contains(&t)) {
            places.insert((r.article, corpus.quote(row).paragraph));
        }
    }
    places
        .into_iter()
        .map(|(article, paragraph)| {
            let a = &corpus.articles[article];
            let statement_row =
                speaker.statements.iter().copied().find(|&row| {
                    corpus.statements[row].article == article && corpus.statement(row).paragraph == paragraph
                });
            let quote_rows: Vec<usize> = speaker
                .quotes
                .iter()
                .copied()
                .filter(|&row| corpus.quotes[row].article == article && corpus.quote(row).paragraph == paragraph)
                .collect();
            let (cue, note, theme_ids) = match statement_row {
                Some(row) => {
                    let s = corpus.statement(row);
                    (
                        s.cue.clone(),
                        attribution_note(&s.attribution, Some(speaker)),
                        corpus.statements[row].themes.clone(),
                    )
                }
                None => {
                    let first = quote_rows.first().map(|&row| corpus.quote(row));
                    (
                        first.and_then(|q| q.cue.clone()),
                        first.map_or_else(String::new, |q| attribution_note(&q.attribution, Some(speaker))),
                        quote_rows
                            .first()
                            .map(|&row| corpus.quotes[row].themes.clone())
                            .unwrap_or_default(),
                    )
                }
            };
            StatementView {
                anchor: format!("s-{}-{}", a.slug, paragraph + 1),
                segments: paragraph_for_speaker(corpus, article, paragraph, id),
                quotes: quote_rows
                    .iter()
                    .map(|&row| {
                        let q = corpus.quote(row);
                        QuoteView {
                            anchor: corpus.anchor(row),
                            text: q.text.clone(),
                            kind: q.kind.as_str(),
                            direct: q.kind == crate::model::QuoteKind::Direct,
                            cue: q.cue.as_deref().map(str::to_owned),
                        }
                    })
                    .collect(),
                cue: cue.as_deref().map(str::to_owned),
                note,
                themes: theme_ids
                    .iter()
                    .map(|&t| ThemeTag {
                        slug: corpus.themes.list[t].slug.clone(),
                        label: corpus.themes.list[t].label.clone(),
                    })
                    .collect(),
                article_href: format!("/articles/{}#p-{}", a.slug, paragraph + 1),
                paragraph: paragraph + 1,
                article,
            }
        })
        .collect()
}

/// Statements gathered under their articles, in order.
pub fn group_by_article(corpus: &Corpus, items: Vec<StatementView>) -> Vec<ArticleGroup> {
    let mut groups: Vec<ArticleGroup> = Vec::new();
    for item in items {
        if groups
            .last()
            .is_none_or(|g| corpus.article(&g.slug) != Some(item.article))
        {
            let a = &corpus.articles[item.article];
            groups.push(ArticleGroup {
                slug: a.slug.clone(),
                title: article_title(a),
                cite: article_citation(a),
                items: Vec::new(),
            });
        }
        if let Some(group) = groups.last_mut() {
            group.items.push(item);
        }
    }
    groups
}

/// `GET /speakers/{slug}`.
pub async fn speaker(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, AppError> {
    let corpus = &state.corpus;
    let id = canonical_speaker(corpus, &slug)?;
    let speaker = &corpus.speakers[id];
    if speaker.slug != slug {
        return Ok(permanent_redirect(&format!("/speakers/{}", speaker.slug)));
    }
    let description = match &speaker.role {
        Some(role) => format!("Every quote and statement of {}, {role}.", speaker.name),
        None => format!("Every quote and statement of {}.", speaker.name),
    };
    let path = format!("/speakers/{}", speaker.slug);
    let page = SpeakerPage {
        page: PageMeta::new(
            &state,
            "speakers",
            format!("{} – whosaid", speaker.name),
            description,
            &path,
        )
        .with_json(format!("/api{path}"))
        .with_assets(&state, "", "copy.js"),
        speaker: SpeakerHead {
            slug: speaker.slug.clone(),
            name: speaker.name.clone(),
            short_name: speaker.short_name.clone(),
            role: speaker.role.clone(),
            role_source: speaker.role_source.map(|s| match s {
                RoleSource::Appositive => "as introduced",
                RoleSource::Title => "from the title before the name",
            }),
            colour: speaker.colour,
            commentator: speaker.commentator,
            counts: format!(
                "{} · {}",
                count(speaker.quotes.len(), "quote", "quotes"),
                count(speaker.statements.len(), "statement", "statements")
            ),
        },
        groups: group_by_article(corpus, statement_views(corpus, id, None)),
    };
    render(&page)
}
