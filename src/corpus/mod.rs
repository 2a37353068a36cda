//! The corpus: every article parsed once at start, speakers merged across articles, themes matched, quotes indexed.

mod index;
mod load;
mod themes;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use index::{QuoteIndex, QuoteQuery, words};
pub use load::{LoadError, article_from_text, article_paths, article_slug, decode, read_article, read_lexicon};
pub use themes::{BUILTIN_THEMES, Theme, Themes, read_themes};

use crate::model::{Article, ParagraphRole, Quote, RoleSource, SpeakerId, SpeakerKind, Statement, unique_slug};
use crate::parse::Lexicon;
use index::IndexedQuote;

/// The article shipped with whosaid, compiled in so the binary serves it from any folder.
pub const SHIPPED_ARTICLE: &str = include_str!("../../data/articles/putin-north-korea-visit.txt");
/// The sidecar of the shipped article.
const SHIPPED_SIDECAR: &str = include_str!("../../data/articles/putin-north-korea-visit.toml");
/// The slug of the shipped article.
pub const SHIPPED_SLUG: &str = "putin-north-korea-visit";

/// Number of speaker colours the stylesheet defines.
pub const PALETTE_SIZE: usize = 8;

/// A parsed article with what the loader knows of it: its slug (from the file name) and the
/// metadata its sidecar gives. It reads as the [`Article`] it holds.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StoredArticle {
    /// URL slug, from the file name ("putin-north-korea-visit").
    pub slug: String,
    /// Headline, from the sidecar file when there is one.
    pub title: Option<String>,
    /// Publication or source, from the sidecar file when there is one.
    pub source: Option<String>,
    /// What the parser made of the text.
    #[serde(flatten)]
    pub article: Article,
}

impl std::ops::Deref for StoredArticle {
    type Target = Article;

    fn deref(&self) -> &Article {
        &self.article
    }
}

/// A speaker across all articles: one page gathers everything they said.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CorpusSpeaker {
    /// URL slug from the full name.
    pub slug: String,
    /// Full name as introduced.
    pub name: String,
    /// The form used after first mention.
    pub short_name: String,
    /// Role as the first article that gives one states it.
    pub role: Option<String>,
    /// Where that role came from.
    pub role_source: Option<RoleSource>,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// Comments on the story rather than being its subject.
    pub commentator: bool,
    /// Colour slot in the stylesheet, stable for the run.
    pub colour: usize,
    /// Quote rows attributed to them, in corpus order.
    pub quotes: Vec<usize>,
    /// Statement rows attributed to them, in corpus order.
    pub statements: Vec<usize>,
    /// Articles they appear in.
    pub articles: Vec<usize>,
}

/// A quote with its place in the corpus.
#[derive(Debug, Clone)]
pub struct QuoteRow {
    /// Article index.
    pub article: usize,
    /// Index among the article's quotes.
    pub quote: usize,
    /// Corpus speaker index.
    pub speaker: Option<usize>,
    /// Theme indexes of its paragraph.
    pub themes: Vec<usize>,
}

/// A reported paragraph with its place in the corpus.
#[derive(Debug, Clone)]
pub struct StatementRow {
    /// Article index.
    pub article: usize,
    /// Index among the article's statements.
    pub statement: usize,
    /// Corpus speaker index.
    pub speaker: Option<usize>,
    /// Theme indexes.
    pub themes: Vec<usize>,
}

/// Everything the server shows, built once at start and never changed.
#[derive(Debug)]
pub struct Corpus {
    /// Articles, sorted by date then slug.
    pub articles: Vec<StoredArticle>,
    /// Speakers, in order of first appearance.
    pub speakers: Vec<CorpusSpeaker>,
    /// Themes from the themes file.
    pub themes: Themes,
    /// Every quote.
    pub quotes: Vec<QuoteRow>,
    /// Every statement.
    pub statements: Vec<StatementRow>,
    index: QuoteIndex,
    speaker_by_slug: HashMap<String, usize>,
    speakers_by_short: HashMap<String, Vec<usize>>,
    article_by_slug: HashMap<String, usize>,
    /// For each article, the corpus speaker of each of its speakers, by [`crate::model::SpeakerId`].
    article_speakers: Vec<Vec<usize>>,
}

/// What loading a data folder produced: the corpus, and the files that failed.
#[derive(Debug)]
pub struct Loaded {
    /// The corpus built from the files that loaded.
    pub corpus: Corpus,
    /// Files that could not be used, each with its reason.
    pub errors: Vec<LoadError>,
    /// Article files that loaded.
    pub loaded: Vec<PathBuf>,
}

impl Corpus {
    /// Builds a corpus from parsed articles and themes.
    pub fn build(mut articles: Vec<StoredArticle>, themes: Themes) -> Self {
        articles.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug)));
        let mut speakers: Vec<CorpusSpeaker> = Vec::new();
        let mut by_name: HashMap<(String, SpeakerKind), usize> = HashMap::new();
        let mut article_speakers = Vec::with_capacity(articles.len());
        for (a, article) in articles.iter().enumerate() {
            let mut local = Vec::with_capacity(article.speakers.len());
            for speaker in &article.speakers {
                let key = (speaker.name.clone(), speaker.kind);
                let id = *by_name.entry(key).or_insert_with(|| {
                    speakers.push(CorpusSpeaker {
                        slug: String::new(),
                        name: speaker.name.clone(),
                        short_name: speaker.short_name.clone(),
                        role: None,
                        role_source: None,
                        kind: speaker.kind,
                        commentator: false,
                        colour: 0,
                        quotes: Vec::new(),
                        statements: Vec::new(),
                        articles: Vec::new(),
                    });
                    speakers.len() - 1
                });
                let merged = &mut speakers[id];
                if merged.role.is_none() {
                    merged.role.clone_from(&speaker.role);
                    merged.role_source = speaker.role_source;
                }
                merged.commentator |= speaker.commentator;
                merged.articles.push(a);
                local.push(id);
            }
            article_speakers.push(local);
        }
        let mut speaker_by_slug = HashMap::new();
        let mut speakers_by_short: HashMap<String, Vec<usize>> = HashMap::new();
        let mut taken = std::collections::HashSet::new();
        for (id, speaker) in speakers.iter_mut().enumerate() {
            let slug = unique_slug(&crate::model::slugify(&speaker.name), &mut taken);
            speaker_by_slug.insert(slug.clone(), id);
            speaker.slug = slug;
            speaker.colour = id % PALETTE_SIZE;
            speakers_by_short
                .entry(crate::model::slugify(&speaker.short_name))
                .or_default()
                .push(id);
        }

        let mut quotes = Vec::new();
        let mut statements = Vec::new();
        for (a, article) in articles.iter().enumerate() {
            let paragraph_themes: Vec<Vec<usize>> = article
                .paragraphs
                .iter()
                .map(|p| {
                    if p.role == ParagraphRole::Body {
                        themes.find(&p.text)
                    } else {
                        Vec::new()
                    }
                })
                .collect();
            let local = &article_speakers[a];
            for quote in &article.quotes {
                let speaker = quote.speaker.and_then(|s| local.get(s.index())).copied();
                if let Some(id) = speaker {
                    speakers[id].quotes.push(quotes.len());
                }
                quotes.push(QuoteRow {
                    article: a,
                    quote: quote.index,
                    speaker,
                    themes: paragraph_themes[quote.paragraph].clone(),
                });
            }
            for statement in &article.statements {
                let speaker = statement.speaker.and_then(|s| local.get(s.index())).copied();
                if let Some(id) = speaker {
                    speakers[id].statements.push(statements.len());
                }
                statements.push(StatementRow {
                    article: a,
                    statement: statement.index,
                    speaker,
                    themes: paragraph_themes[statement.paragraph].clone(),
                });
            }
        }
        let index = QuoteIndex::build(
            quotes.iter().map(|row| {
                let quote = &articles[row.article].quotes[row.quote];
                IndexedQuote {
                    speaker: row.speaker,
                    kind: quote.kind,
                    themes: &row.themes,
                    text: &quote.text,
                }
            }),
            speakers.len(),
            themes.list.len(),
        );
        let article_by_slug = articles.iter().enumerate().map(|(i, a)| (a.slug.clone(), i)).collect();
        Corpus {
            articles,
            speakers,
            themes,
            quotes,
            statements,
            index,
            speaker_by_slug,
            speakers_by_short,
            article_by_slug,
            article_speakers,
        }
    }

    /// Loads every article in a data folder, parsing them on all cores.
    /// Files that fail are returned with their reasons; the rest load.
    pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
        let lexicon = read_lexicon(dir)?;
        let themes = read_themes(if dir.is_file() {
            dir.parent().unwrap_or(dir)
        } else {
            dir
        })?;
        let paths = article_paths(dir)?;
        let results: Vec<(PathBuf, Result<StoredArticle, LoadError>)> = paths
            .into_par_iter()
            .map(|path| {
                let result = read_article(&path, &lexicon);
                (path, result)
            })
            .collect();
        let mut articles = Vec::new();
        let mut errors = Vec::new();
        let mut loaded = Vec::new();
        for (path, result) in results {
            match result {
                Ok(article) => {
                    articles.push(article);
                    loaded.push(path);
                }
                Err(err) => errors.push(err),
            }
        }
        let mut seen = std::collections::HashSet::new();
        for article in &mut articles {
            article.slug = unique_slug(&article.slug, &mut seen);
        }
        Ok(Loaded {
            corpus: Corpus::build(articles, themes),
            errors,
            loaded,
        })
    }

    /// The corpus of the shipped article, from the copy compiled into the binary.
    pub fn shipped() -> Result<Self, LoadError> {
        let sidecar_path = Path::new("built-in putin-north-korea-visit.toml");
        let sidecar: load::Sidecar = load::parse_toml(sidecar_path, SHIPPED_SIDECAR)?;
        let article = article_from_text(
            Path::new("built-in putin-north-korea-visit.txt"),
            SHIPPED_ARTICLE,
            SHIPPED_SLUG.to_owned(),
            sidecar.title,
            sidecar.source,
            &Lexicon::builtin(),
        )?;
        let themes = Themes::from_toml(Path::new("built-in themes.toml"), BUILTIN_THEMES)?;
        Ok(Corpus::build(vec![article], themes))
    }

    /// The speaker with this slug.
    pub fn speaker(&self, slug: &str) -> Option<usize> {
        self.speaker_by_slug.get(slug).copied()
    }

    /// Speakers whose short name, as a slug, is `short` ("town").
    pub fn speakers_with_short_name(&self, short: &str) -> &[usize] {
        self.speakers_by_short.get(short).map_or(&[], Vec::as_slice)
    }

    /// The article with this slug.
    pub fn article(&self, slug: &str) -> Option<usize> {
        self.article_by_slug.get(slug).copied()
    }

    /// The corpus speaker of one of an article's speakers.
    pub fn article_speaker(&self, article: usize, speaker: SpeakerId) -> Option<usize> {
        self.article_speakers.get(article)?.get(speaker.index()).copied()
    }

    /// The quote a row points to.
    pub fn quote(&self, row: usize) -> &Quote {
        let r = &self.quotes[row];
        &self.articles[r.article].quotes[r.quote]
    }

    /// The anchor id of a quote row, unique in the corpus ("q-putin-north-korea-visit-3").
    pub fn anchor(&self, row: usize) -> String {
        let r = &self.quotes[row];
        format!("q-{}-{}", self.articles[r.article].slug, r.quote + 1)
    }

    /// The statement a row points to.
    pub fn statement(&self, row: usize) -> &Statement {
        let r = &self.statements[row];
        &self.articles[r.article].statements[r.statement]
    }

    /// Quote rows matching a query, in corpus order.
    pub fn search(&self, query: &QuoteQuery) -> Vec<usize> {
        self.index.search(query)
    }

    /// Commentators first, in order of appearance; then everyone else.
    pub fn commentators(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.speakers.len()).filter(|&s| self.speakers[s].commentator)
    }

    /// Speakers who are quoted but do not comment (the story's subjects, organisations).
    pub fn others(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.speakers.len()).filter(|&s| !self.speakers[s].commentator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_corpus_has_its_commentators() {
        let corpus = Corpus::shipped().unwrap();
        let names: Vec<&str> = corpus
            .commentators()
            .map(|s| corpus.speakers[s].name.as_str())
            .collect();
        assert_eq!(
            names,
            ["Cho", "Chang Ho-jin", "Park Won-gon", "Sydney Seiler", "Jenny Town"]
        );
        let others: Vec<&str> = corpus.others().map(|s| corpus.speakers[s].name.as_str()).collect();
        assert_eq!(others, ["Kim Jong-un"]);
        assert_eq!(corpus.speakers_with_short_name("town").len(), 1);
    }

    #[test]
    fn same_full_name_in_two_articles_is_one_speaker() {
        let lexicon = Lexicon::builtin();
        let stored = |slug: &str, text: &str| StoredArticle {
            slug: slug.into(),
            title: None,
            source: None,
            article: crate::parse::parse(text, &lexicon),
        };
        let a = stored("a", "“Yes,” said Ana Ruiz, a lecturer.");
        let b = stored("b", "“No,” said Ana Ruiz, a lecturer.\n“Maybe,” said Ana Ruiz.");
        let corpus = Corpus::build(vec![a, b], Themes::new(Vec::new()));
        assert_eq!(corpus.speakers.len(), 1);
        assert_eq!(corpus.speakers[0].quotes.len(), 3);
        assert_eq!(corpus.speakers[0].articles, [0, 1]);
    }
}
