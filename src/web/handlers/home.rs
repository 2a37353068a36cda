//! `/`: the article and its commentators as cards.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::render;
use crate::corpus::{Corpus, SaidKind};
use crate::web::error::AppError;
use crate::web::page::PageMeta;
use crate::web::state::AppState;
use crate::web::view::{Segment, article_title, count, long_date, said_segments};

/// Most articles headed on the home page; the rest are at `/articles`.
const MAX_ARTICLES: usize = 5;
/// Most speaker cards in each list on the home page.
const MAX_CARDS: usize = 60;

/// The home page.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    /// Head and navigation.
    pub page: PageMeta,
    /// The articles.
    pub articles: Vec<ArticleSummary>,
    /// Commentators, in order of appearance.
    pub commentators: Vec<SpeakerCard>,
    /// Others quoted.
    pub others: Vec<SpeakerCard>,
    /// Articles not headed here.
    pub more_articles: usize,
    /// Speakers without a card here.
    pub more_speakers: usize,
}

/// An article's heading on the home page.
pub struct ArticleSummary {
    /// Its slug.
    pub slug: String,
    /// Headline.
    pub title: String,
    /// Date in words.
    pub date: Option<String>,
    /// Date as `YYYY-MM-DD`.
    pub iso_date: String,
    /// Source.
    pub source: Option<String>,
    /// The first body paragraph.
    pub lead: String,
    /// Who comments in it.
    pub commentators: Vec<Named>,
}

/// A speaker as a card.
pub struct SpeakerCard {
    /// Slug.
    pub slug: String,
    /// Full name.
    pub name: String,
    /// Role as the article states it.
    pub role: Option<String>,
    /// Colour slot.
    pub colour: usize,
    /// "3 quotes · 4 reported statements".
    pub counts: String,
    /// Their one line, verbatim (see [`crate::corpus::Corpus`]'s summary rule).
    pub summary: Option<Summary>,
    /// The articles they speak in, newest first, when the site has several.
    pub articles: Vec<ArticleLink>,
}

/// A link to an article.
pub struct ArticleLink {
    /// Its page.
    pub href: String,
    /// Its headline.
    pub title: String,
}

/// A commentator named under an article's heading.
pub struct Named {
    /// Their page.
    pub href: String,
    /// Their name.
    pub name: String,
    /// Colour slot.
    pub colour: usize,
}

/// A speaker's one line, as the card and the speaker page show it.
pub struct Summary {
    /// The words, quoted words marked.
    pub segments: Vec<Segment>,
    /// A quotation (set in quotation marks) rather than a reported statement.
    pub quoted: bool,
    /// Where it is in the article.
    pub href: String,
}

/// The summary of speaker `id`, ready to show.
pub fn summary(corpus: &Corpus, id: usize) -> Option<Summary> {
    let row = corpus.speakers[id].summary.get()?;
    let r = &corpus.said[row];
    Some(Summary {
        segments: said_segments(&corpus.said_text(row), None),
        quoted: r.kind != SaidKind::Reported,
        href: crate::web::urls::said(corpus, row),
    })
}

/// "3 quotes · 4 reported statements".
pub fn said_counts(corpus: &Corpus, id: usize) -> String {
    let speaker = &corpus.speakers[id];
    format!(
        "{} · {}",
        count(speaker.quotes(), "quote", "quotes"),
        count(speaker.reported(), "reported statement", "reported statements")
    )
}

/// A card for speaker `id`.
pub fn speaker_card(corpus: &Corpus, id: usize) -> SpeakerCard {
    let speaker = &corpus.speakers[id];
    SpeakerCard {
        slug: speaker.slug.to_string(),
        name: speaker.name.to_string(),
        role: speaker.role.as_deref().map(str::to_owned),
        colour: speaker.colour,
        counts: said_counts(corpus, id),
        summary: summary(corpus, id),
        articles: if corpus.articles.len() > 1 {
            speaker
                .article_list()
                .rev()
                .map(|a| ArticleLink {
                    href: crate::web::urls::article(&corpus.articles[a].slug),
                    title: article_title(&corpus.articles[a]),
                })
                .collect()
        } else {
            Vec::new()
        },
    }
}

/// `GET /`.
pub async fn home(State(state): State<AppState>) -> Result<Response, AppError> {
    let corpus = &state.corpus();
    let articles: Vec<ArticleSummary> = corpus
        .articles
        .iter()
        .rev()
        .take(MAX_ARTICLES)
        .map(|a| ArticleSummary {
            slug: a.slug.clone(),
            title: article_title(a),
            date: a.date.as_deref().map(long_date),
            iso_date: a.date.clone().unwrap_or_default(),
            source: a.outlet.clone().or_else(|| a.source.clone()),
            lead: a.lead().map(|p| p.text.to_string()).unwrap_or_default(),
            commentators: corpus
                .article(&a.slug)
                .map(|index| {
                    a.speakers
                        .iter()
                        .filter_map(|s| corpus.article_speaker(index, s.id))
                        .filter(|&id| corpus.speakers[id].commentator)
                        .map(|id| Named {
                            href: crate::web::urls::speaker(&corpus.speakers[id].slug),
                            name: corpus.speakers[id].name.to_string(),
                            colour: corpus.speakers[id].colour,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
        .collect();
    let description = match articles.as_slice() {
        [one] => format!(
            "Who is quoted in “{}”, what each said, and their views side by side.",
            one.title
        ),
        _ => format!(
            "Who is quoted in {} articles, what each said, and their views side by side.",
            corpus.articles.len()
        ),
    };
    let commentators: Vec<SpeakerCard> = corpus
        .commentators()
        .take(MAX_CARDS)
        .map(|id| speaker_card(corpus, id))
        .collect();
    let others: Vec<SpeakerCard> = corpus
        .others()
        .take(MAX_CARDS)
        .map(|id| speaker_card(corpus, id))
        .collect();
    let page = HomePage {
        page: PageMeta::new(
            &state,
            "home",
            "whosaid – who is quoted, and what they said",
            description,
            "/",
        )
        .with_json("/api/speakers"),
        more_articles: corpus.articles.len() - articles.len(),
        more_speakers: corpus.speakers.len() - commentators.len() - others.len(),
        articles,
        commentators,
        others,
    };
    render(&page)
}
