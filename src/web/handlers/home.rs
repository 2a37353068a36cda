//! `/`: the article and its commentators as cards.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use super::render;
use crate::corpus::Corpus;
use crate::model::QuoteKind;
use crate::web::error::AppError;
use crate::web::page::PageMeta;
use crate::web::state::AppState;
use crate::web::view::{article_title, count, long_date};

/// Longest quote shown on a card, in characters.
const SAMPLE_CHARS: usize = 220;
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
    /// "3 quotes · 4 statements".
    pub counts: String,
    /// One representative quote.
    pub sample: Option<Sample>,
}

/// A quote shown on a card.
pub struct Sample {
    /// The words.
    pub text: String,
}

/// A card for speaker `id`.
pub fn speaker_card(corpus: &Corpus, id: usize) -> SpeakerCard {
    let speaker = &corpus.speakers[id];
    // The longest whole quotation that fits, else the longest quote.
    let sample = speaker
        .quotes
        .iter()
        .map(|&row| corpus.quote(row))
        .filter(|q| q.text.chars().count() <= SAMPLE_CHARS)
        .max_by_key(|q| (q.kind == QuoteKind::Direct, q.text.len()))
        .map(|q| Sample {
            text: q.text.trim_end_matches([',', ' ']).to_owned(),
        });
    SpeakerCard {
        slug: speaker.slug.clone(),
        name: speaker.name.clone(),
        role: speaker.role.clone(),
        colour: speaker.colour,
        counts: format!(
            "{} · {}",
            count(speaker.quotes.len(), "quote", "quotes"),
            count(speaker.statements.len(), "statement", "statements")
        ),
        sample,
    }
}

/// `GET /`.
pub async fn home(State(state): State<AppState>) -> Result<Response, AppError> {
    let corpus = &state.corpus;
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
            source: a.source.clone(),
            lead: a.lead().map(|p| p.text.clone()).unwrap_or_default(),
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
