//! Themes (`data/themes.toml`): curated labels with keywords, matched against what speakers say.

use std::collections::HashSet;
use std::path::Path;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;
use toml::Spanned;

use super::load::{LoadError, parse_toml};

/// The themes file shipped with whosaid.
pub const BUILTIN_THEMES: &str = include_str!("../../data/themes.toml");

/// A subject speakers take a view on.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Theme {
    /// URL slug ("sanctions").
    pub slug: String,
    /// Label shown to readers ("Sanctions and the UN").
    pub label: String,
    /// One line saying what it covers.
    pub description: Option<String>,
    /// Words and phrases that put a statement under this theme.
    pub keywords: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawThemes {
    theme: Vec<RawTheme>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    slug: Spanned<String>,
    label: Spanned<String>,
    description: Option<String>,
    keywords: Spanned<Vec<Spanned<String>>>,
}

/// The themes and a matcher that finds them in text.
#[derive(Debug, Clone)]
pub struct Themes {
    /// The themes, in file order.
    pub list: Vec<Theme>,
    matcher: Option<AhoCorasick>,
    /// For each keyword pattern, the theme it belongs to.
    pattern_theme: Vec<usize>,
    /// The keyword of each pattern, as written in the file.
    keywords: Vec<String>,
}

/// A character that continues a word: letters, digits, and the hyphen of a hyphenated
/// word ("Jong-un" is one word, so "UN" does not match in it).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// A keyword written in capitals: at least two letters, none lower-case.
fn is_acronym(keyword: &str) -> bool {
    keyword.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !keyword.chars().any(char::is_lowercase)
}

impl Themes {
    /// Reads and validates a themes file.
    pub fn from_toml(path: &Path, text: &str) -> Result<Self, LoadError> {
        let raw: RawThemes = parse_toml(path, text)?;
        let error = |span: std::ops::Range<usize>, message: String| LoadError::Toml {
            path: path.to_owned(),
            line: text[..span.start.min(text.len())].matches('\n').count() + 1,
            message,
        };
        let mut slugs = HashSet::new();
        let mut list = Vec::with_capacity(raw.theme.len());
        for theme in raw.theme {
            let slug = theme.slug.get_ref();
            let valid = !slug.is_empty()
                && slug
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !valid {
                return Err(error(
                    theme.slug.span(),
                    format!("slug {slug:?} must be lower-case letters, digits and hyphens"),
                ));
            }
            if !slugs.insert(slug.clone()) {
                return Err(error(theme.slug.span(), format!("slug {slug:?} is used twice")));
            }
            if theme.label.get_ref().trim().is_empty() {
                return Err(error(theme.label.span(), "label is empty".to_owned()));
            }
            if theme.keywords.get_ref().is_empty() {
                return Err(error(theme.keywords.span(), format!("theme {slug:?} has no keywords")));
            }
            let mut keywords = Vec::new();
            for keyword in theme.keywords.get_ref() {
                if keyword.get_ref().trim().is_empty() {
                    return Err(error(keyword.span(), "a keyword is empty".to_owned()));
                }
                keywords.push(keyword.get_ref().trim().to_owned());
            }
            list.push(Theme {
                slug: slug.clone(),
                label: theme.label.get_ref().trim().to_owned(),
                description: theme.description,
                keywords,
            });
        }
        Ok(Self::new(list))
    }

    /// Builds the matcher for a list of themes.
    pub fn new(list: Vec<Theme>) -> Self {
        let mut patterns = Vec::new();
        let mut pattern_theme = Vec::new();
        for (t, theme) in list.iter().enumerate() {
            for keyword in &theme.keywords {
                patterns.push(keyword.clone());
                pattern_theme.push(t);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .ok();
        Themes {
            list,
            matcher,
            pattern_theme,
            keywords: patterns,
        }
    }

    /// The themes whose keywords occur in `text` as whole words, in theme order.
    pub fn find(&self, text: &str) -> Vec<usize> {
        let Some(matcher) = &self.matcher else {
            return Vec::new();
        };
        let mut found = vec![false; self.list.len()];
        for m in matcher.find_overlapping_iter(text) {
            let keyword = &self.keywords[m.pattern().as_usize()];
            let matched = &text[m.start()..m.end()];
            // A keyword written in capitals (UN, NATO) matches only in capitals.
            if is_acronym(keyword) && matched != keyword {
                continue;
            }
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_none_or(|c| !is_word_char(c)) && after.is_none_or(|c| !is_word_char(c)) {
                found[self.pattern_theme[m.pattern().as_usize()]] = true;
            }
        }
        (0..self.list.len()).filter(|&t| found[t]).collect()
    }

    /// The index of the theme with this slug.
    pub fn position(&self, slug: &str) -> Option<usize> {
        self.list.iter().position(|t| t.slug == slug)
    }
}

/// Reads `DIR/themes.toml` if present, else the built-in themes.
pub fn read_themes(dir: &Path) -> Result<Themes, LoadError> {
    let path = dir.join("themes.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => Themes::from_toml(&path, &text),
        // A folder without themes has none: another story's themes would mislead.
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Themes::new(Vec::new())),
        Err(source) => Err(LoadError::Read { path, source }),
    }
}

/// A themes file an article's sidecar names (`themes = "themes-trade.toml"`), relative to the
/// data folder.
pub fn read_named_themes(dir: &Path, name: &str) -> Result<Themes, LoadError> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|source| LoadError::Read {
        path: path.clone(),
        source,
    })?;
    Themes::from_toml(&path, &text)
}

/// The themes of a whole corpus: the folder's file for articles that name none, and the files
/// articles name. Their themes are listed together (a slug once, first definition first);
/// each article is matched with its own file's themes only.
#[derive(Debug, Clone)]
pub struct ThemeBook {
    /// The folder's themes (`themes.toml`).
    pub default: Themes,
    /// Files named by sidecars, by name.
    pub named: Vec<(String, Themes)>,
}

impl ThemeBook {
    /// A book with one set of themes for every article.
    pub fn single(themes: Themes) -> Self {
        ThemeBook {
            default: themes,
            named: Vec::new(),
        }
    }

    /// Every theme once, by slug, the folder's first.
    pub fn merged(&self) -> Themes {
        let mut list: Vec<Theme> = self.default.list.clone();
        for (_, themes) in &self.named {
            for theme in &themes.list {
                if !list.iter().any(|t| t.slug == theme.slug) {
                    list.push(theme.clone());
                }
            }
        }
        Themes::new(list)
    }

    /// The themes an article with this sidecar `themes` value is matched with.
    pub fn for_article(&self, file: Option<&str>) -> &Themes {
        match file {
            Some(name) => self
                .named
                .iter()
                .find(|(n, _)| n == name)
                .map_or(&self.default, |(_, themes)| themes),
            None => &self.default,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_themes_are_valid() {
        let themes = Themes::from_toml(Path::new("data/themes.toml"), BUILTIN_THEMES).unwrap();
        assert!(themes.list.len() >= 5);
    }

    #[test]
    fn keywords_match_whole_words_without_case() {
        let themes = Themes::new(vec![Theme {
            slug: "war".into(),
            label: "War".into(),
            description: None,
            keywords: vec!["war".into(), "Security Council".into()],
        }]);
        assert_eq!(themes.find("the WAR in spring"), [0]);
        assert_eq!(themes.find("at the security council"), [0]);
        assert!(themes.find("a warning").is_empty());
    }

    #[test]
    fn capitals_match_only_in_capitals_and_hyphenated_words_are_one_word() {
        let themes = Themes::new(vec![
            Theme {
                slug: "un".into(),
                label: "UN".into(),
                description: None,
                keywords: vec!["UN".into()],
            },
            Theme {
                slug: "term".into(),
                label: "Term".into(),
                description: None,
                keywords: vec!["long-term".into(), "term".into()],
            },
        ]);
        assert!(themes.find("North Korean leader Kim Jong-un said").is_empty());
        assert!(themes.find("an un-hurried reply, un peu").is_empty());
        assert_eq!(themes.find("at the UN Security Council"), [0]);
        assert_eq!(themes.find("a long-term plan"), [1]);
        assert!(themes.find("a mid-term review").is_empty());
    }

    #[test]
    fn errors_name_the_line() {
        let text = "[[theme]]\nslug = \"a\"\nlabel = \"A\"\nkeywords = [\"x\"]\n\n[[theme]]\nslug = \"a\"\nlabel = \"B\"\nkeywords = [\"y\"]\n";
        let err = Themes::from_toml(Path::new("t.toml"), text).unwrap_err().to_string();
        assert_eq!(err, "t.toml:7: slug \"a\" is used twice");
        let err = Themes::from_toml(
            Path::new("t.toml"),
            "[[theme]]\nslug = \"Bad Slug\"\nlabel = \"x\"\nkeywords = [\"x\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("t.toml:2: slug"), "{err}");
        let err = Themes::from_toml(
            Path::new("t.toml"),
            "[[theme]]\nslug = \"a\"\nlabel = \"x\"\nkeywords = []\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("t.toml:4:"), "{err}");
    }
}
