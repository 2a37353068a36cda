//! One typed query-string extractor for every page: repeated keys collect, percent-encoding
//! decodes before anything is checked, and parameters a page does not know (`utm_*`,
//! `fbclid`, `gclid`, …) are ignored, so shared links keep working.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use percent_encoding::percent_decode_str;
use serde::de::DeserializeOwned;

use super::error::AppError;

/// Most `name=value` pairs read from one query string.
pub const MAX_PAIRS: usize = 500;

/// A page's query parameters, read into `T` with `serde_html_form`. A value that is not
/// UTF-8 once decoded, or too many pairs, is a 400 naming the parameter.
#[derive(Debug, Clone, Default)]
pub struct Query<T>(pub T);

impl<T, S> FromRequestParts<S> for Query<T>
where
    T: DeserializeOwned + Default,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let raw = parts.uri.query().unwrap_or("");
        parse_query(raw).map(Query)
    }
}

/// Reads a raw query string into `T`.
pub fn parse_query<T: DeserializeOwned + Default>(raw: &str) -> Result<T, AppError> {
    check_encoding(raw)?;
    if raw.is_empty() {
        return Ok(T::default());
    }
    serde_html_form::from_str(raw).map_err(|err| {
        AppError::bad(
            "query",
            format!("The query string cannot be read ({err})"),
            "name=value pairs",
        )
    })
}

/// Every name and value must be UTF-8 once percent-decoded; `serde_html_form` would
/// replace bad bytes silently, and a search for "\u{FFFD}" helps no one.
fn check_encoding(raw: &str) -> Result<(), AppError> {
    let mut pairs = 0;
    for part in raw.split('&').filter(|p| !p.is_empty()) {
        pairs += 1;
        if pairs > MAX_PAIRS {
            return Err(AppError::bad(
                "query",
                "The query string has too many parameters",
                format!("at most {MAX_PAIRS}"),
            ));
        }
        let (name, value) = part.split_once('=').unwrap_or((part, ""));
        let Some(name) = decode(name) else {
            return Err(AppError::bad(
                "query",
                "A parameter name is not valid UTF-8 once decoded",
                "percent-encoded UTF-8",
            ));
        };
        if decode(value).is_none() {
            return Err(AppError::bad(
                &name,
                "The value is not valid UTF-8 once decoded",
                "percent-encoded UTF-8",
            ));
        }
    }
    Ok(())
}

fn decode(text: &str) -> Option<String> {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced).decode_utf8().ok().map(|s| s.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Filters {
        speaker: Vec<String>,
        q: Vec<String>,
    }

    #[test]
    fn repeated_keys_collect_and_unknown_ones_are_ignored() {
        let f: Filters = parse_query("speaker=a&utm_source=news&speaker=b%20c&fbclid=x&q=red+line&gclid=1").unwrap();
        assert_eq!(f.speaker, ["a", "b c"]);
        assert_eq!(f.q, ["red line"]);
    }

    #[test]
    fn bad_encoding_names_the_parameter() {
        for (raw, parameter) in [("q=%FF", "q"), ("%FF=1", "query")] {
            match parse_query::<Filters>(raw) {
                Err(AppError::BadParameter { parameter: p, .. }) => assert_eq!(p, parameter, "{raw}"),
                other => panic!("{raw}: {other:?}"),
            }
        }
    }
}
