//! Reading an article out of a saved web page: HTML in, headline, metadata and body paragraphs out.
//!
//! The main-content candidate is found by `rs-trafilatura` (a Rust port of trafilatura: text and
//! link density, boilerplate classes and ids, comment removal, fallbacks when the candidate is
//! short); [`clean`] then removes what news pages put inside or after the body that a reader
//! does not count as the article: the headline repeated, bylines and datelines, "You may also
//! like" lists and everything after them, advertising labels and photo credits. Pure: no I/O.

pub mod clean;

use serde::Serialize;

/// What a page holds as an article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Extracted {
    /// The headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The publication.
    pub outlet: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
    /// The body's paragraphs, in order (no headline, no captions).
    pub paragraphs: Vec<String>,
}

/// Why a page gave no article.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The extractor failed on the page.
    #[error("the page could not be read as HTML: {0}")]
    Unreadable(String),
    /// Nothing on the page looks like an article's body.
    #[error("nothing on the page looks like an article (found {words} words of body text)")]
    NoArticle {
        /// Words found.
        words: usize,
    },
}

/// Fewest words of body text that make an article.
pub const MIN_ARTICLE_WORDS: usize = 40;

/// Reads the article from a page's HTML; `url` is where it came from, when known.
pub fn extract(html: &[u8], url: Option<&str>) -> Result<Extracted, ExtractError> {
    let options = rs_trafilatura::Options {
        url: url.map(str::to_owned),
        ..rs_trafilatura::Options::default()
    };
    let result = rs_trafilatura::extract_bytes_with_options(html, &options)
        .map_err(|err| ExtractError::Unreadable(err.to_string()))?;
    let meta = result.metadata;
    let title = meta.title.map(|t| clean::unescape(t.trim())).filter(|t| !t.is_empty());
    let lines: Vec<String> = result
        .content_text
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let byline = meta
        .author
        .map(|a| a.trim().to_owned())
        .filter(|a| !a.is_empty())
        .or_else(|| clean::byline_in(&lines, title.as_deref()));
    let paragraphs = clean::body(lines, title.as_deref(), byline.as_deref());
    let words: usize = paragraphs.iter().map(|p| p.split_whitespace().count()).sum();
    if words < MIN_ARTICLE_WORDS {
        return Err(ExtractError::NoArticle { words });
    }
    Ok(Extracted {
        title,
        date: meta.date.map(|d| d.format("%Y-%m-%d").to_string()),
        outlet: meta.sitename.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()),
        byline,
        url: meta.url.or_else(|| url.map(str::to_owned)),
        paragraphs,
    })
}
