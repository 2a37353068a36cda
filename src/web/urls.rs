//! Every URL the site writes, built in one place so that pages, JSON, CSV and redirects agree.
//!
//! Paragraph numbers in URLs are 1-based, as the page shows them (`#p-3` is ¶3).

use crate::corpus::{Corpus, SaidKind};
use crate::web::filters::encode;

/// `/speakers/{slug}`.
pub fn speaker(slug: &str) -> String {
    format!("/speakers/{slug}")
}

/// `/speakers/{slug}?theme=…&page=…`: a speaker's page narrowed to a theme, on a page.
pub fn speaker_page(slug: &str, theme: Option<&str>, page: usize) -> String {
    let mut parts = Vec::new();
    if let Some(theme) = theme {
        parts.push(format!("theme={}", encode(theme)));
    }
    if page > 1 {
        parts.push(format!("page={page}"));
    }
    with_query(speaker(slug), &parts)
}

/// `/articles/{slug}`.
pub fn article(slug: &str) -> String {
    format!("/articles/{slug}")
}

/// `/articles/{slug}#p-N`, for the paragraph at 0-based `index`.
pub fn paragraph(slug: &str, index: usize) -> String {
    format!("/articles/{slug}#p-{}", index + 1)
}

/// `/themes/{slug}`.
pub fn theme(slug: &str) -> String {
    format!("/themes/{slug}")
}

/// `/themes?speaker=…&article=…`.
pub fn themes(speakers: &[String], articles: &[String]) -> String {
    let parts: Vec<String> = speakers
        .iter()
        .map(|s| format!("speaker={}", encode(s)))
        .chain(articles.iter().map(|a| format!("article={}", encode(a))))
        .collect();
    with_query("/themes".to_owned(), &parts)
}

/// Paragraphs shown on one page of a speaker's page.
pub const SPEAKER_PAGE_SIZE: usize = 20;

/// The permalink of a row: on the speaker's page (the page of it that holds it), a quote's
/// own mark or a report's paragraph; in the article when no one is named.
pub fn said(corpus: &Corpus, row: usize) -> String {
    let r = &corpus.said[row];
    let anchor = match r.kind {
        SaidKind::Reported if r.speaker().is_some() => {
            format!("s-{}-{}", corpus.articles[r.article()].slug, r.paragraph() + 1)
        }
        _ => corpus.anchor(row),
    };
    match r.speaker() {
        Some(s) => {
            let page = corpus.place_index(s, r.article(), r.paragraph()).unwrap_or(0) / SPEAKER_PAGE_SIZE + 1;
            format!("{}#{anchor}", speaker_page(&corpus.speakers[s].slug, None, page))
        }
        None => format!("{}#{anchor}", article(&corpus.articles[r.article()].slug)),
    }
}

fn with_query(path: String, parts: &[String]) -> String {
    if parts.is_empty() {
        path
    } else {
        format!("{path}?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_queries() {
        assert_eq!(paragraph("a", 0), "/articles/a#p-1");
        assert_eq!(
            speaker_page("jenny-town", Some("china"), 2),
            "/speakers/jenny-town?theme=china&page=2"
        );
        assert_eq!(speaker_page("jenny-town", None, 1), "/speakers/jenny-town");
        assert_eq!(
            themes(&["jenny-town".into(), "sydney-seiler".into()], &[]),
            "/themes?speaker=jenny-town&speaker=sydney-seiler"
        );
    }
}
