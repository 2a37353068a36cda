//! The filters shared by `/quotes`, `/quotes.csv` and `/api/quotes`: read from the typed query, checked, written back.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Deserialize;

use super::error::AppError;
use crate::corpus::{Corpus, QuoteQuery, SaidKind, SearchQuery};

/// Longest search text accepted, in characters.
pub const MAX_SEARCH_CHARS: usize = 200;
/// Most values accepted for one parameter.
const MAX_VALUES: usize = 100;
/// Characters left as they are in a query value.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

/// The listing parameters as sent: every value of every known key, decoded. Other keys
/// (tracking parameters) are not read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ListingQuery {
    /// `speaker=…`, repeated.
    pub speaker: Vec<String>,
    /// `kind=…`, repeated.
    pub kind: Vec<String>,
    /// `theme=…`, repeated.
    pub theme: Vec<String>,
    /// `article=…`, repeated.
    pub article: Vec<String>,
    /// `q=…`, once.
    pub q: Vec<String>,
    /// `page=…`, once.
    pub page: Vec<String>,
    /// `sort=relevance` (or `article`, the default), once.
    pub sort: Vec<String>,
}

/// The order of a listing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Article by article, in reading order.
    #[default]
    Article,
    /// Best match first (BM25, with boosts for phrases and the speaker's name).
    Relevance,
}

/// Filters as the user gave them, checked against the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFilters {
    /// Speaker slugs (any of them).
    pub speakers: Vec<String>,
    /// Article slugs (any of them).
    pub articles: Vec<String>,
    /// Kinds (any of them).
    pub kinds: Vec<SaidKind>,
    /// Theme slugs (any of them).
    pub themes: Vec<String>,
    /// Search text.
    pub q: String,
    /// Page number, from 1.
    pub page: usize,
    /// The order.
    pub sort: Sort,
}

impl QuoteFilters {
    /// Reads and checks a raw query string (see [`QuoteFilters::check`]).
    pub fn parse(raw: Option<&str>, corpus: &Corpus) -> Result<Self, AppError> {
        Self::check(super::query::parse_query(raw.unwrap_or(""))?, corpus)
    }

    /// Checks the parameters against the corpus. Unknown values and over-long ones are
    /// errors naming the parameter; empty values are ignored.
    pub fn check(query: ListingQuery, corpus: &Corpus) -> Result<Self, AppError> {
        let mut filters = QuoteFilters {
            page: 1,
            ..QuoteFilters::default()
        };
        for value in non_empty(&query.speaker) {
            let slug = speaker_slug(value, corpus).ok_or_else(|| {
                AppError::bad(
                    "speaker",
                    format!("There is no speaker “{value}”"),
                    format!("a speaker slug: {}", list(corpus.speakers.iter().map(|s| &*s.slug))),
                )
            })?;
            push_unique(&mut filters.speakers, slug, "speaker")?;
        }
        for value in non_empty(&query.article) {
            article_index(value, corpus)?;
            push_unique(&mut filters.articles, value.to_owned(), "article")?;
        }
        for value in non_empty(&query.kind) {
            let kind = SaidKind::from_name(value).ok_or_else(|| {
                AppError::bad(
                    "kind",
                    format!("“{value}” is not a kind"),
                    "direct, fragment or reported",
                )
            })?;
            if !filters.kinds.contains(&kind) {
                filters.kinds.push(kind);
            }
        }
        for value in non_empty(&query.theme) {
            theme_index(value, corpus)?;
            push_unique(&mut filters.themes, value.to_owned(), "theme")?;
        }
        for value in non_empty(&query.q) {
            if value.chars().count() > MAX_SEARCH_CHARS {
                return Err(AppError::bad(
                    "q",
                    "The search text is too long",
                    format!("at most {MAX_SEARCH_CHARS} characters"),
                ));
            }
            if !filters.q.is_empty() && filters.q != value {
                return Err(AppError::bad("q", "It is given more than once", "one search text"));
            }
            filters.q = value.to_owned();
        }
        filters.page = page_number(&query.page)?;
        filters.sort = match one_value(&query.sort, "sort", "one order")? {
            None | Some("article") => Sort::Article,
            Some("relevance") => Sort::Relevance,
            Some(other) => {
                return Err(AppError::bad(
                    "sort",
                    format!("“{other}” is not an order"),
                    "article or relevance",
                ));
            }
        };
        Ok(filters)
    }

    /// The index query these filters mean.
    pub fn query(&self, corpus: &Corpus) -> QuoteQuery {
        QuoteQuery {
            speakers: self.speakers.iter().filter_map(|s| corpus.speaker(s)).collect(),
            articles: self.articles.iter().filter_map(|a| corpus.article(a)).collect(),
            kinds: self.kinds.clone(),
            themes: self.themes.iter().filter_map(|t| corpus.themes.position(t)).collect(),
            text: self.search(corpus),
            by_relevance: self.sort == Sort::Relevance,
        }
    }

    /// The search text, parsed.
    pub fn search(&self, corpus: &Corpus) -> SearchQuery {
        SearchQuery::parse(&self.q, corpus.terms())
    }

    /// The query string for these filters (without `?`), on page `page`.
    pub fn query_string(&self, page: usize) -> String {
        let mut parts: Vec<String> = Vec::new();
        for s in &self.speakers {
            parts.push(format!("speaker={}", encode(s)));
        }
        for a in &self.articles {
            parts.push(format!("article={}", encode(a)));
        }
        for k in &self.kinds {
            parts.push(format!("kind={}", k.as_str()));
        }
        for t in &self.themes {
            parts.push(format!("theme={}", encode(t)));
        }
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode(&self.q)));
        }
        if self.sort == Sort::Relevance {
            parts.push("sort=relevance".to_owned());
        }
        if page > 1 {
            parts.push(format!("page={page}"));
        }
        parts.join("&")
    }

    /// `path` with these filters, on page `page`.
    pub fn href(&self, path: &str, page: usize) -> String {
        let query = self.query_string(page);
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }

    /// These filters without one value: what a chip's remove link points to.
    pub fn without(&self, field: &str, value: &str) -> QuoteFilters {
        let mut rest = self.clone();
        rest.page = 1;
        match field {
            "speaker" => rest.speakers.retain(|s| s != value),
            "article" => rest.articles.retain(|a| a != value),
            "kind" => rest.kinds.retain(|k| k.as_str() != value),
            "theme" => rest.themes.retain(|t| t != value),
            _ => rest.q.clear(),
        }
        rest
    }
}

/// The values that say something: trimmed, empty ones dropped.
fn non_empty(values: &[String]) -> impl Iterator<Item = &str> {
    values.iter().map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// The one value a parameter may have, empty ones ignored; a second is an error that says
/// what the parameter takes (`accepted`, e.g. "one page number").
pub fn one_value<'v>(values: &'v [String], parameter: &str, accepted: &str) -> Result<Option<&'v str>, AppError> {
    let mut given = non_empty(values);
    let first = given.next();
    if given.next().is_some() {
        return Err(AppError::bad(parameter, "It is given more than once", accepted));
    }
    Ok(first)
}

/// A page number from its parameter values: at most one, a whole number from 1; none is 1.
pub fn page_number(values: &[String]) -> Result<usize, AppError> {
    match one_value(values, "page", "one page number")? {
        None => Ok(1),
        Some(one) => one
            .parse::<usize>()
            .ok()
            .filter(|&p| p >= 1)
            .ok_or_else(|| AppError::bad("page", format!("“{one}” is not a page number"), "a whole number from 1")),
    }
}

/// The theme a `theme` value names, or a 400 listing the theme slugs.
pub fn theme_index(value: &str, corpus: &Corpus) -> Result<usize, AppError> {
    corpus.themes.position(value).ok_or_else(|| {
        AppError::bad(
            "theme",
            format!("There is no theme “{value}”"),
            format!(
                "a theme slug: {}",
                list(corpus.themes.list.iter().map(|t| t.slug.as_str()))
            ),
        )
    })
}

/// The article an `article` value names, or a 400 listing the article slugs.
pub fn article_index(value: &str, corpus: &Corpus) -> Result<usize, AppError> {
    corpus.article(value).ok_or_else(|| {
        AppError::bad(
            "article",
            format!("There is no article “{value}”"),
            format!(
                "an article slug: {}",
                list(corpus.articles.iter().map(|a| a.slug.as_str()))
            ),
        )
    })
}

fn push_unique(values: &mut Vec<String>, value: String, parameter: &str) -> Result<(), AppError> {
    if !values.contains(&value) {
        if values.len() >= MAX_VALUES {
            return Err(AppError::bad(
                parameter,
                "It has too many values",
                format!("at most {MAX_VALUES}"),
            ));
        }
        values.push(value);
    }
    Ok(())
}

/// A speaker's slug from a slug or a unique short name.
fn speaker_slug(value: &str, corpus: &Corpus) -> Option<String> {
    if let Some(id) = corpus.speaker(value) {
        return Some(corpus.speakers[id].slug.to_string());
    }
    corpus
        .only_speaker_with_short_name(&crate::model::slugify(value))
        .map(|one| corpus.speakers[one].slug.to_string())
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        Corpus::shipped().unwrap()
    }

    #[test]
    fn reads_repeated_speakers_kinds_and_search() {
        let corpus = corpus();
        let f = QuoteFilters::parse(
            Some("speaker=jenny-town&speaker=sydney-seiler&kind=direct&q=China+concerned&page=1"),
            &corpus,
        )
        .unwrap();
        assert_eq!(f.speakers, ["jenny-town", "sydney-seiler"]);
        assert_eq!(f.kinds, [SaidKind::Direct]);
        assert_eq!(f.q, "China concerned");
        assert_eq!(
            f.query_string(1),
            "speaker=jenny-town&speaker=sydney-seiler&kind=direct&q=China%20concerned"
        );
        assert_eq!(QuoteFilters::parse(Some(&f.query_string(2)), &corpus).unwrap().page, 2);
    }

    #[test]
    fn tracking_parameters_are_ignored() {
        let corpus = corpus();
        let f = QuoteFilters::parse(
            Some("utm_source=news&speaker=town&fbclid=abc&gclid=1&utm_campaign=x%20y&kind=reported"),
            &corpus,
        )
        .unwrap();
        assert_eq!(f.speakers, ["jenny-town"]);
        assert_eq!(f.kinds, [SaidKind::Reported]);
        assert_eq!(f.query_string(1), "speaker=jenny-town&kind=reported");
    }

    #[test]
    fn short_names_and_empty_values() {
        let corpus = corpus();
        let f = QuoteFilters::parse(Some("speaker=town&kind=&q="), &corpus).unwrap();
        assert_eq!(f.speakers, ["jenny-town"]);
        assert!(f.kinds.is_empty());
    }

    #[test]
    fn bad_values_name_their_parameter() {
        let corpus = corpus();
        for (raw, parameter) in [
            ("speaker=nobody", "speaker"),
            ("kind=quote", "kind"),
            ("article=elsewhere", "article"),
            ("theme=weather", "theme"),
            ("page=0", "page"),
            ("page=-3", "page"),
            ("page=99999999999999999999999", "page"),
            ("q=%FF", "q"),
            ("%FF=1", "query"),
        ] {
            match QuoteFilters::parse(Some(raw), &corpus) {
                Err(AppError::BadParameter { parameter: p, .. }) => assert_eq!(p, parameter, "{raw}"),
                other => panic!("{raw}: {other:?}"),
            }
        }
    }
}
