//! Helpers shared by the integration tests that read rendered pages.

use scraper::{Html, Selector};

/// The text of every element matching `css`, with its whitespace collapsed to single spaces.
pub(crate) fn texts(html: &Html, css: &str) -> Vec<String> {
    #[allow(clippy::unwrap_used)] // the selectors are the tests' own literals
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}
