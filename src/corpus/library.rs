//! A data folder's articles as last read, each kept until its file changes: a reload re-parses
//! only the files that changed, and a file that fails keeps its last good version.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;

use super::load::{LoadError, article_paths, read_article, read_lexicon};
use super::themes::{ThemeBook, Themes, read_named_themes, read_themes};
use super::{Corpus, Loaded, StoredArticle};
use crate::model::unique_slug;
use crate::parse::Lexicon;

/// What a file looked like when it was read: a change to either shows a new version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            modified: meta.modified().ok(),
            len: meta.len(),
        })
    }
}

/// An article file, its sidecar's stamp, and what they gave.
#[derive(Debug)]
struct Entry {
    text: Stamp,
    sidecar: Option<Stamp>,
    /// The last version that parsed (kept when a later one fails).
    article: Arc<StoredArticle>,
}

/// A file read again: its path, its stamps, and what it gave.
type Parsed = (PathBuf, Stamp, Option<Stamp>, Result<StoredArticle, LoadError>);

/// The articles of one data folder, kept between reloads.
#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    entries: HashMap<PathBuf, Entry>,
    lexicon: Option<(Option<Stamp>, Lexicon)>,
}

/// What a refresh did, for the log and for tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Refresh {
    /// Files parsed (new or changed).
    pub parsed: usize,
    /// Files whose last good version is served because the new one failed.
    pub kept: usize,
    /// Articles whose files are gone.
    pub removed: usize,
    /// Time spent reading and parsing the new or changed files (on all cores).
    pub parse_time: Duration,
    /// Time spent building the corpus: rows, speakers, summaries and the search index.
    pub build_time: Duration,
}

impl Library {
    /// A library over `dir` (a data folder, or one article file); nothing is read yet.
    pub fn new(dir: &Path) -> Self {
        Library {
            dir: dir.to_owned(),
            entries: HashMap::new(),
            lexicon: None,
        }
    }

    /// The folder it reads.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Reads what changed since the last refresh and builds the corpus of every article.
    /// A file that fails is reported; its last good version, if any, stays.
    pub fn refresh(&mut self) -> Result<(Loaded, Refresh), LoadError> {
        let folder = if self.dir.is_file() {
            self.dir.parent().unwrap_or(&self.dir).to_owned()
        } else {
            self.dir.clone()
        };
        // A changed lexicon changes how every article reads.
        let lexicon_stamp = Stamp::of(&folder.join("lexicon.toml"));
        if self.lexicon.as_ref().is_none_or(|(stamp, _)| *stamp != lexicon_stamp) {
            self.lexicon = Some((lexicon_stamp, read_lexicon(&folder)?));
            self.entries.clear();
        }
        let Some((_, lexicon)) = &self.lexicon else {
            return Err(LoadError::NoArticles { path: folder });
        };
        let default = read_themes(&folder)?;
        let paths = article_paths(&self.dir)?;
        let mut report = Refresh::default();
        let before = self.entries.len();
        self.entries.retain(|path, _| paths.contains(path));
        report.removed = before - self.entries.len();
        let changed: Vec<(PathBuf, Stamp, Option<Stamp>)> = paths
            .iter()
            .filter_map(|path| {
                let text = Stamp::of(path)?;
                let sidecar = Stamp::of(&path.with_extension("toml"));
                let same = self
                    .entries
                    .get(path)
                    .is_some_and(|e| e.text == text && e.sidecar == sidecar);
                (!same).then(|| (path.clone(), text, sidecar))
            })
            .collect();
        let parse_started = Instant::now();
        let parsed: Vec<Parsed> = changed
            .into_par_iter()
            .map(|(path, text, sidecar)| {
                let result = read_article(&path, lexicon);
                (path, text, sidecar, result)
            })
            .collect();
        report.parse_time = parse_started.elapsed();
        let mut errors = Vec::new();
        for (path, text, sidecar, result) in parsed {
            report.parsed += 1;
            match result {
                Ok(article) => {
                    let article = Arc::new(article);
                    self.entries.insert(path, Entry { text, sidecar, article });
                }
                Err(err) => {
                    if self.entries.contains_key(&path) {
                        report.kept += 1;
                    }
                    errors.push(err);
                }
            }
        }
        let mut loaded: Vec<PathBuf> = self.entries.keys().cloned().collect();
        loaded.sort();
        let mut articles: Vec<Arc<StoredArticle>> =
            loaded.iter().map(|p| Arc::clone(&self.entries[p].article)).collect();
        let mut seen = std::collections::HashSet::new();
        for article in &mut articles {
            let slug = unique_slug(&article.slug, &mut seen);
            if slug != article.slug {
                Arc::make_mut(article).slug = slug;
            }
        }
        let stale = articles.iter().flat_map(|a| a.stale.iter().cloned()).collect();
        // Themes files that sidecars name, each read once.
        let mut named: Vec<(String, Themes)> = Vec::new();
        for name in articles.iter().filter_map(|a| a.themes_file.clone()) {
            if named.iter().any(|(n, _)| *n == name) {
                continue;
            }
            match read_named_themes(&folder, &name) {
                Ok(themes) => named.push((name, themes)),
                Err(err) => {
                    errors.push(err);
                    // The articles naming it get no themes rather than another story's.
                    named.push((name, Themes::new(Vec::new())));
                }
            }
        }
        let book = ThemeBook { default, named };
        let build_started = Instant::now();
        let corpus = Corpus::build_with_themes(articles, &book);
        report.build_time = build_started.elapsed();
        Ok((
            Loaded {
                corpus,
                errors,
                loaded,
                stale,
            },
            report,
        ))
    }
}
