//! The quote filters shared by `/quotes`, `/quotes.csv` and `/api/quotes`: read from the query string, checked, written back.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

use super::error::AppError;
use crate::corpus::{Corpus, QuoteQuery, words};
use crate::model::QuoteKind;

/// Longest search text accepted, in characters.
pub const MAX_SEARCH_CHARS: usize = 200;
/// Most values accepted for one parameter.
const MAX_VALUES: usize = 100;
/// Characters left as they are in a query value.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.');

/// Filters as the user gave them, checked against the corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteFilters {
    /// Speaker slugs (any of them).
    pub speakers: Vec<String>,
    /// Kinds (any of them).
    pub kinds: Vec<QuoteKind>,
    /// Theme slugs (any of them).
    pub themes: Vec<String>,
    /// Search text.
    pub q: String,
    /// Page number, from 1.
    pub page: usize,
}

impl QuoteFilters {
    /// Reads and checks a raw query string. Unknown parameters, unknown
    /// values, bad encoding and over-long values are errors naming the parameter.
    pub fn parse(raw: Option<&str>, corpus: &Corpus) -> Result<Self, AppError> {
        let mut filters = QuoteFilters {
            page: 1,
            ..QuoteFilters::default()
        };
        let mut page_seen = false;
        for (name, value) in pairs(raw.unwrap_or(""))? {
            let value = value.trim();
            match name.as_str() {
                "speaker" | "kind" | "theme" if value.is_empty() => {}
                "speaker" => {
                    let slug = speaker_slug(value, corpus).ok_or_else(|| {
                        AppError::bad(
                            "speaker",
                            format!("there is no speaker “{value}”"),
                            format!(
                                "speaker slugs: {}",
                                list(corpus.speakers.iter().map(|s| s.slug.as_str()))
                            ),
                        )
                    })?;
                    push_unique(&mut filters.speakers, slug, "speaker")?;
                }
                "kind" => {
                    let kind = match value {
                        "direct" => QuoteKind::Direct,
                        "fragment" => QuoteKind::Fragment,
                        _ => {
                            return Err(AppError::bad(
                                "kind",
                                format!("“{value}” is not a kind"),
                                "direct or fragment",
                            ));
                        }
                    };
                    if !filters.kinds.contains(&kind) {
                        filters.kinds.push(kind);
                    }
                }
                "theme" => {
                    if corpus.themes.position(value).is_none() {
                        return Err(AppError::bad(
                            "theme",
                            format!("there is no theme “{value}”"),
                            format!(
                                "theme slugs: {}",
                                list(corpus.themes.list.iter().map(|t| t.slug.as_str()))
                            ),
                        ));
                    }
                    push_unique(&mut filters.themes, value.to_owned(), "theme")?;
                }
                "q" => {
                    if value.chars().count() > MAX_SEARCH_CHARS {
                        return Err(AppError::bad(
                            "q",
                            "the search text is too long",
                            format!("at most {MAX_SEARCH_CHARS} characters"),
                        ));
                    }
                    if !value.is_empty() && !filters.q.is_empty() && filters.q != value {
                        return Err(AppError::bad("q", "it is given more than once", "one search text"));
                    }
                    if !value.is_empty() {
                        filters.q = value.to_owned();
                    }
                }
                "page" => {
                    if page_seen {
                        return Err(AppError::bad("page", "it is given more than once", "one page number"));
                    }
                    page_seen = true;
                    if !value.is_empty() {
                        filters.page = value.parse::<usize>().ok().filter(|&p| p >= 1).ok_or_else(|| {
                            AppError::bad(
                                "page",
                                format!("“{value}” is not a page number"),
                                "a whole number from 1",
                            )
                        })?;
                    }
                }
                _ => {
                    return Err(AppError::bad(
                        &name,
                        "this page has no such parameter",
                        "the parameters speaker, kind, theme, q and page",
                    ));
                }
            }
        }
        Ok(filters)
    }

    /// The index query these filters mean.
    pub fn query(&self, corpus: &Corpus) -> QuoteQuery {
        QuoteQuery {
            speakers: self.speakers.iter().filter_map(|s| corpus.speaker(s)).collect(),
            kinds: self.kinds.clone(),
            themes: self.themes.iter().filter_map(|t| corpus.themes.position(t)).collect(),
            words: self.search_words(),
        }
    }

    /// The search text's words, lower-cased.
    pub fn search_words(&self) -> Vec<String> {
        let mut found: Vec<String> = words(&self.q).collect();
        found.dedup();
        found
    }

    /// The query string for these filters (without `?`), on page `page`.
    pub fn query_string(&self, page: usize) -> String {
        let mut parts: Vec<String> = Vec::new();
        for s in &self.speakers {
            parts.push(format!("speaker={}", encode(s)));
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
            "kind" => rest.kinds.retain(|k| k.as_str() != value),
            "theme" => rest.themes.retain(|t| t != value),
            _ => rest.q.clear(),
        }
        rest
    }
}

fn push_unique(values: &mut Vec<String>, value: String, parameter: &str) -> Result<(), AppError> {
    if !values.contains(&value) {
        if values.len() >= MAX_VALUES {
            return Err(AppError::bad(
                parameter,
                "too many values",
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
        return Some(corpus.speakers[id].slug.clone());
    }
    match corpus.speakers_with_short_name(&crate::model::slugify(value)) {
        [one] => Some(corpus.speakers[*one].slug.clone()),
        _ => None,
    }
}

fn list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    utf8_percent_encode(value, QUERY_VALUE).to_string()
}

/// Splits and decodes `a=1&b=2`; `+` is a space. Bad encoding is an error naming the parameter.
fn pairs(raw: &str) -> Result<Vec<(String, String)>, AppError> {
    let mut out = Vec::new();
    for part in raw.split('&').filter(|p| !p.is_empty()) {
        if out.len() >= MAX_VALUES * 5 {
            return Err(AppError::bad(
                "query",
                "it has too many parameters",
                format!("at most {}", MAX_VALUES * 5),
            ));
        }
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        let name = decode(name).ok_or_else(|| {
            AppError::bad(
                "query",
                "a parameter name is not valid UTF-8 once decoded",
                "percent-encoded UTF-8",
            )
        })?;
        let value = decode(value).ok_or_else(|| {
            AppError::bad(
                &name,
                "the value is not valid UTF-8 once decoded",
                "percent-encoded UTF-8",
            )
        })?;
        out.push((name, value));
    }
    Ok(out)
}

fn decode(text: &str) -> Option<String> {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8().ok().map(|s| s.into_owned())
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
        assert_eq!(f.kinds, [QuoteKind::Direct]);
        assert_eq!(f.q, "China concerned");
        assert_eq!(
            f.query_string(1),
            "speaker=jenny-town&speaker=sydney-seiler&kind=direct&q=China%20concerned"
        );
        assert_eq!(QuoteFilters::parse(Some(&f.query_string(2)), &corpus).unwrap().page, 2);
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
            ("theme=weather", "theme"),
            ("page=0", "page"),
            ("page=-3", "page"),
            ("page=99999999999999999999999", "page"),
            ("speakr=x", "speakr"),
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
