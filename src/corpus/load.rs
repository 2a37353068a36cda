//! Reading articles, sidecars, themes and the lexicon from disk, with errors that name the file and line.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::StoredArticle;
use crate::parse::{Lexicon, LexiconError, parse};

/// A file that could not be used. Each names the file, and the line where there is one.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file or folder could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{path}:{line}: not UTF-8 text: invalid byte at offset {offset}")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// The file holds a NUL byte: it is binary, not an article.
    #[error("{path}:{line}: not text: NUL byte at offset {offset}")]
    Binary {
        /// The file.
        path: PathBuf,
        /// 1-based line of the NUL byte.
        line: usize,
        /// Its byte offset.
        offset: usize,
    },
    /// The file is a saved web page, not article text.
    #[error("{path}: this is a saved web page (HTML), not article text; take it in with `whosaid add {path}`")]
    WebPage {
        /// The file.
        path: PathBuf,
    },
    /// The article has no text at all.
    #[error("{path}: the article is empty")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A TOML file (sidecar or themes) has a mistake.
    #[error("{path}:{line}: {message}")]
    Toml {
        /// The file.
        path: PathBuf,
        /// 1-based line of the mistake.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The lexicon file has a mistake.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// A folder holds no articles.
    #[error("{path}: no articles (*.txt files) found")]
    NoArticles {
        /// The folder.
        path: PathBuf,
    },
}

impl LoadError {
    /// The file and (when known) the 1-based line the problem is at.
    pub fn location(&self) -> (String, Option<usize>) {
        match self {
            LoadError::Read { path, .. }
            | LoadError::Empty { path }
            | LoadError::NoArticles { path }
            | LoadError::WebPage { path } => (path.display().to_string(), None),
            LoadError::NotUtf8 { path, line, .. }
            | LoadError::Binary { path, line, .. }
            | LoadError::Toml { path, line, .. } => (path.display().to_string(), Some(*line)),
            LoadError::Lexicon(err) => match err {
                LexiconError::Syntax { origin, line, .. } | LexiconError::Entry { origin, line, .. } => {
                    (origin.clone(), Some(*line))
                }
            },
        }
    }
}

/// Optional facts about an article, from `NAME.toml` beside `NAME.txt`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Sidecar {
    /// The headline.
    pub title: Option<String>,
    /// The publication or kind of piece.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`; overrides the text's dateline.
    pub date: Option<String>,
    /// The publication.
    pub outlet: Option<String>,
    /// Who wrote it.
    pub byline: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// The themes file for this article, relative to the data folder ("themes-trade.toml").
    pub themes: Option<String>,
    /// What `whosaid add` took it in from, so adding it again updates it (read by
    /// `whosaid add`, not by the loader).
    #[serde(rename = "added_from")]
    pub _added_from: Option<String>,
    /// Who said a quote, as an editor corrects it.
    #[serde(default)]
    pub correction: Vec<super::corrections::QuoteCorrection>,
    /// A speaker's role, as an editor sets it.
    #[serde(default)]
    pub speaker: Vec<super::corrections::SpeakerCorrection>,
}

/// Decodes a file's bytes as an article's text.
pub fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, LoadError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(LoadError::Binary {
            path: path.to_owned(),
            line: line_at(&bytes, offset),
            offset,
        });
    }
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        LoadError::NotUtf8 {
            path: path.to_owned(),
            line: line_at(err.as_bytes(), offset),
            offset,
        }
    })
}

fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Reads an article file's text ([`decode`] says what it refuses).
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })?;
    decode(path, bytes)
}

/// Reads and parses one article file (and its sidecar, if there is one).
pub fn read_article(path: &Path, lexicon: &Lexicon) -> Result<StoredArticle, LoadError> {
    let text = read_text(path)?;
    let sidecar_path = path.with_extension("toml");
    let (sidecar, sidecar_text) = match std::fs::read_to_string(&sidecar_path) {
        Ok(toml_text) => (parse_toml::<Sidecar>(&sidecar_path, &toml_text)?, toml_text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => (Sidecar::default(), String::new()),
        Err(source) => {
            return Err(LoadError::Read {
                path: sidecar_path,
                source,
            });
        }
    };
    let mut stored = article_from_text(
        path,
        &text,
        article_slug(path),
        sidecar.title.clone(),
        sidecar.source.clone(),
        lexicon,
    )?;
    if let Some(date) = &sidecar.date {
        if !is_iso_date(date) {
            return Err(LoadError::Toml {
                path: sidecar_path.clone(),
                line: sidecar_text
                    .find("date")
                    .map_or(1, |at| line_at(sidecar_text.as_bytes(), at)),
                message: format!("date {date:?} is not a date like 2025-06-03"),
            });
        }
        stored.article.date = Some(date.clone());
    }
    stored.outlet = sidecar.outlet.clone().or_else(|| sidecar.source.clone());
    stored.byline = sidecar.byline.clone().or_else(|| stored.article.byline.clone());
    stored.url = sidecar.url.clone();
    stored.themes_file = sidecar.themes.clone();
    stored.stale = super::corrections::apply(
        &mut stored.article,
        &sidecar.correction,
        &sidecar.speaker,
        &sidecar_path,
        &sidecar_text,
    );
    Ok(stored)
}

/// An article's slug, from its file name ("putin-north-korea-visit").
pub fn article_slug(path: &Path) -> String {
    path.file_stem()
        .map(|s| crate::model::slugify(&s.to_string_lossy()))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "article".to_owned())
}

/// Parses article text that was read from `path`, and names it.
pub fn article_from_text(
    path: &Path,
    text: &str,
    slug: String,
    title: Option<String>,
    source: Option<String>,
    lexicon: &Lexicon,
) -> Result<StoredArticle, LoadError> {
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    if crate::ingest::looks_like_html(text.as_bytes()) {
        return Err(LoadError::WebPage { path: path.to_owned() });
    }
    let article = parse(text, lexicon);
    Ok(StoredArticle {
        slug,
        title: title.or_else(|| article.title.clone()),
        source,
        outlet: None,
        byline: article.byline.clone(),
        url: None,
        themes_file: None,
        article,
        stale: Vec::new(),
    })
}

/// Whether a text is a date as `YYYY-MM-DD`.
fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    matches!(parts.as_slice(), [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&d.parse::<u32>().unwrap_or(0)))
}

/// Deserialises a TOML file, turning errors into file-and-line messages.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, LoadError> {
    toml::from_str(text).map_err(|err| LoadError::Toml {
        path: path.to_owned(),
        line: err.span().map_or(1, |span| line_at(text.as_bytes(), span.start)),
        message: err.message().trim().to_owned(),
    })
}

/// The article files of a data folder: `DIR/articles/*.txt` if that folder
/// exists, else `DIR/*.txt`; or the file itself when given a file. Sorted by name.
pub fn article_paths(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    if dir.is_file() {
        return Ok(vec![dir.to_owned()]);
    }
    let articles = dir.join("articles");
    let folder = if articles.is_dir() { articles } else { dir.to_owned() };
    let entries = std::fs::read_dir(&folder).map_err(|source| LoadError::Read {
        path: folder.clone(),
        source,
    })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(LoadError::NoArticles { path: folder });
    }
    Ok(paths)
}

/// Reads `DIR/lexicon.toml` if present, else the built-in lexicon.
pub fn read_lexicon(dir: &Path) -> Result<Lexicon, LoadError> {
    let path = dir.join("lexicon.toml");
    match std::fs::read_to_string(&path) {
        Ok(text) => Ok(Lexicon::from_toml(&text, &path.display().to_string())?),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(Lexicon::builtin()),
        Err(source) => Err(LoadError::Read { path, source }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset_and_line() {
        let err = decode(Path::new("a.txt"), b"ok\nfine\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "a.txt:3: not UTF-8 text: invalid byte at offset 12");
    }

    #[test]
    fn nul_byte_is_binary() {
        let err = decode(Path::new("a.txt"), b"x\0".to_vec()).unwrap_err();
        assert_eq!(err.to_string(), "a.txt:1: not text: NUL byte at offset 1");
    }

    #[test]
    fn sidecar_error_names_line() {
        let err = parse_toml::<Sidecar>(Path::new("a.toml"), "title = \"x\"\nauthor = \"y\"\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("a.toml:2: unknown field `author`"), "{text}");
    }
}
