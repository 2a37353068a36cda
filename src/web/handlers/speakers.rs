//! `/speakers/{slug}`: everything one speaker said, paragraph by paragraph, each quote once;
//! narrowed by theme and cut into pages. Short names redirect to it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::Deserialize;

use super::home::{Summary, said_counts, summary};
use super::render;
use crate::corpus::{Corpus, SaidSource, said_attribution, said_cue};
use crate::model::RoleSource;
use crate::web::error::AppError;
use crate::web::filters::{one_value, page_number, theme_index};
use crate::web::listing::Page;
use crate::web::page::PageMeta;
use crate::web::query::Query;
use crate::web::resolve::{canonical_speaker, permanent_redirect};
use crate::web::state::AppState;
use crate::web::urls::{self, SPEAKER_PAGE_SIZE};
use crate::web::view::{Segment, article_citation, article_title, attribution_note, paragraph_for_speaker};

/// Words of a quote shown beside its link.
const LINK_WORDS: usize = 6;

/// The speaker page's parameters; others (tracking ones) are ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SpeakerQuery {
    /// `theme=…`.
    pub theme: Vec<String>,
    /// `page=…`.
    pub page: Vec<String>,
}

/// A speaker's page.
#[derive(Template)]
#[template(path = "speaker.html")]
pub struct SpeakerPage {
    /// Head and navigation.
    pub page: PageMeta,
    /// Who.
    pub speaker: SpeakerHead,
    /// The themes they speak to, to narrow the page by.
    pub themes: Vec<ThemeChoice>,
    /// The theme chosen, by label.
    pub theme_label: Option<String>,
    /// "12 paragraphs" or "3 paragraphs on China’s position".
    pub showing: String,
    /// What they said, article by article, paragraph by paragraph.
    pub groups: Vec<ArticleGroup>,
    /// This page's number, and how many.
    pub page_number: usize,
    /// How many pages.
    pub pages: usize,
    /// Link to the previous page.
    pub prev_href: Option<String>,
    /// Link to the next page.
    pub next_href: Option<String>,
}

/// A theme to narrow a speaker page by.
pub struct ThemeChoice {
    /// The page narrowed to it (or, for "All", not narrowed).
    pub href: String,
    /// Its label.
    pub label: String,
    /// How many of their statements are on it.
    pub count: usize,
    /// The one shown.
    pub current: bool,
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
    /// "4 quotes · 6 reported statements".
    pub counts: String,
    /// Their one line.
    pub summary: Option<Summary>,
}

/// One paragraph in which a speaker is reported or quoted, their quotes marked in it once.
pub struct StatementView {
    /// Anchor id ("s-putin-north-korea-visit-12").
    pub anchor: String,
    /// The paragraph, the speaker's quoted words marked (each with its anchor).
    pub segments: Vec<Segment>,
    /// A link and a copy-citation button per quote.
    pub quotes: Vec<QuoteLink>,
    /// How the attributions in it were made, in plain words, each once.
    pub notes: Vec<String>,
    /// Themes it falls under.
    pub themes: Vec<ThemeTag>,
    /// Link to the paragraph in the article.
    pub article_href: String,
    /// The paragraph's number in the article (from 1, as the article page shows it).
    pub paragraph: usize,
    /// The article's index.
    pub article: usize,
}

/// A quote's permalink on a speaker page.
pub struct QuoteLink {
    /// Anchor id.
    pub anchor: String,
    /// Its opening words, to tell the links apart.
    pub opening: String,
    /// Its whole words, for the citation.
    pub words: String,
    /// "direct" or "fragment".
    pub kind: &'static str,
}

/// A theme as a tag.
pub struct ThemeTag {
    /// Slug.
    pub slug: String,
    /// Label.
    pub label: String,
}

/// The paragraphs where speaker `id` is reported or quoted, in their page's order (newest
/// article first), optionally only those where what they say falls under theme `theme`.
pub fn statement_views(corpus: &Corpus, id: usize, theme: Option<usize>) -> Vec<StatementView> {
    statement_places(corpus, id, theme)
        .into_iter()
        .map(|(article, paragraph)| statement_view(corpus, id, article, paragraph))
        .collect()
}

/// The (article, paragraph) places [`statement_views`] shows, without building their views.
fn statement_places(corpus: &Corpus, id: usize, theme: Option<usize>) -> Vec<(usize, usize)> {
    let speaker = &corpus.speakers[id];
    speaker
        .places
        .iter()
        .map(|&(a, p)| (a as usize, p as usize))
        .filter(|&(a, p)| {
            theme.is_none_or(|t| {
                speaker.said_rows().any(|r| {
                    let row = &corpus.said[r];
                    row.article() == a && row.paragraph() == p && corpus.row_themes(r).any(|x| x == t)
                })
            })
        })
        .collect()
}

fn statement_view(corpus: &Corpus, id: usize, article: usize, paragraph: usize) -> StatementView {
    let speaker = &corpus.speakers[id];
    let a = &corpus.articles[article];
    let rows: Vec<usize> = speaker
        .said_rows()
        .filter(|&r| corpus.said[r].article() == article && corpus.said[r].paragraph() == paragraph)
        .collect();
    let mut notes: Vec<String> = Vec::new();
    let mut themes: Vec<usize> = Vec::new();
    for &r in &rows {
        let row = &corpus.said[r];
        let mut note = attribution_note(said_attribution(a, row.source()), Some(speaker));
        if let Some(cue) = said_cue(a, row.source()) {
            note = format!("{note} (“{cue}”)");
        }
        if !notes.contains(&note) {
            notes.push(note);
        }
        for t in corpus.row_themes(r) {
            if !themes.contains(&t) {
                themes.push(t);
            }
        }
    }
    if notes.is_empty()
        && let Some(statement) = a.statements.iter().find(|s| {
            s.paragraph as usize == paragraph
                && s.speaker.and_then(|sid| corpus.article_speaker(article, sid)) == Some(id)
        })
    {
        notes.push(attribution_note(&statement.attribution, Some(speaker)));
    }
    themes.sort_unstable();
    StatementView {
        anchor: format!("s-{}-{}", a.slug, paragraph + 1),
        segments: paragraph_for_speaker(corpus, article, paragraph, id),
        quotes: rows
            .iter()
            .filter(|&&r| matches!(corpus.said[r].source(), SaidSource::Quote { .. }))
            .map(|&r| {
                let words = corpus.said_text(r).text;
                let mut opening: String = words.split_whitespace().take(LINK_WORDS).collect::<Vec<_>>().join(" ");
                if opening.len() < words.len() {
                    opening.push('…');
                }
                QuoteLink {
                    anchor: corpus.anchor(r),
                    opening,
                    words,
                    kind: corpus.said[r].kind.as_str(),
                }
            })
            .collect(),
        notes,
        themes: themes
            .iter()
            .map(|&t| ThemeTag {
                slug: corpus.themes.list[t].slug.clone(),
                label: corpus.themes.list[t].label.clone(),
            })
            .collect(),
        article_href: urls::paragraph(&a.slug, paragraph),
        paragraph: paragraph + 1,
        article,
    }
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

/// `GET /speakers/{slug}?theme=…&page=…`.
pub async fn speaker(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<SpeakerQuery>,
) -> Result<Response, AppError> {
    let corpus = &state.corpus();
    let id = canonical_speaker(corpus, &slug)?;
    let speaker = &corpus.speakers[id];
    let theme = one_value(&query.theme, "theme", "one theme slug")?
        .map(|value| theme_index(value, corpus))
        .transpose()?;
    let theme_slug = theme.map(|t| corpus.themes.list[t].slug.as_str());
    let number = page_number(&query.page)?;
    if *speaker.slug != *slug {
        return Ok(permanent_redirect(&urls::speaker_page(
            &speaker.slug,
            theme_slug,
            number,
        )));
    }
    // Only the page's places are rendered: a prolific speaker has thousands.
    let places = statement_places(corpus, id, theme);
    let total = places.len();
    let page = Page::of(number, total, SPEAKER_PAGE_SIZE)?;
    let page_items: Vec<StatementView> = places[page.items.clone()]
        .iter()
        .map(|&(article, paragraph)| statement_view(corpus, id, article, paragraph))
        .collect();
    let mut theme_counts = vec![0usize; corpus.themes.list.len()];
    for r in crate::corpus::statements_of(&corpus.said, &speaker.said) {
        for t in corpus.row_themes(r) {
            theme_counts[t] += 1;
        }
    }
    let mut themes = vec![ThemeChoice {
        href: urls::speaker(&speaker.slug),
        label: "Everything".to_owned(),
        count: crate::corpus::statements_of(&corpus.said, &speaker.said).count(),
        current: theme.is_none(),
    }];
    themes.extend(
        corpus
            .themes
            .list
            .iter()
            .enumerate()
            .filter(|&(t, _)| theme_counts[t] > 0)
            .map(|(t, th)| ThemeChoice {
                href: urls::speaker_page(&speaker.slug, Some(&th.slug), 1),
                label: th.label.clone(),
                count: theme_counts[t],
                current: theme == Some(t),
            }),
    );
    let theme_label = theme.map(|t| corpus.themes.list[t].label.clone());
    let paragraphs = crate::web::view::count(total, "paragraph", "paragraphs");
    let showing = match &theme_label {
        Some(label) => format!("{paragraphs} on {label}"),
        None => paragraphs,
    };
    let description = match &speaker.role {
        Some(role) => format!("Everything {} said, {role}.", speaker.name),
        None => format!("Everything {} said.", speaker.name),
    };
    let path = urls::speaker_page(&speaker.slug, theme_slug, number);
    let title = match &theme_label {
        Some(label) => format!("{} on {label} – whosaid", speaker.name),
        None => format!("{} – whosaid", speaker.name),
    };
    let page = SpeakerPage {
        page: PageMeta::new(&state, "speakers", title, description, &path)
            .with_json(format!("/api{}", urls::speaker(&speaker.slug)))
            .with_assets(&state, "", "copy.js"),
        speaker: SpeakerHead {
            slug: speaker.slug.to_string(),
            name: speaker.name.to_string(),
            short_name: speaker.short_name.to_string(),
            role: speaker.role.as_deref().map(str::to_owned),
            role_source: speaker.role_source.map(|s| match s {
                RoleSource::Appositive => "as introduced",
                RoleSource::Title => "from the title before the name",
                RoleSource::Editor => "set by the editor",
            }),
            colour: speaker.colour,
            commentator: speaker.commentator,
            counts: said_counts(corpus, id),
            summary: summary(corpus, id),
        },
        themes,
        theme_label,
        showing,
        groups: group_by_article(corpus, page_items),
        page_number: number,
        pages: page.pages,
        prev_href: (number > 1).then(|| urls::speaker_page(&speaker.slug, theme_slug, number - 1)),
        next_href: page
            .has_next()
            .then(|| urls::speaker_page(&speaker.slug, theme_slug, number + 1)),
    };
    render(&page)
}
