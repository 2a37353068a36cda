//! The corpus: every article parsed once at start, speakers merged across articles, themes matched, quotes indexed.

mod corrections;
mod index;
mod library;
mod load;
mod lookup;
mod postings;
mod said;
mod search;
mod themes;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

pub use corrections::StaleCorrection;
pub use index::{QuoteIndex, QuoteQuery};
pub use library::{Library, Refresh};
pub use load::{
    LoadError, article_from_text, article_paths, article_slug, decode, read_article, read_lexicon, read_text,
};
pub use said::{
    SUMMARY_MIN_WORDS, SaidKind, SaidRow, SaidSource, SaidText, ThemeSetId, ThemeSets, said_attribution, said_cue,
    said_text, statements_of,
};
pub use search::{SearchQuery, Terms, Want, fold, folded_words};
pub use themes::{BUILTIN_THEMES, Theme, ThemeBook, Themes, read_named_themes, read_themes};

use crate::model::{Article, MaybeIndex, RoleSource, SpeakerId, SpeakerKind, unique_slug};
use crate::parse::Lexicon;
use index::IndexedQuote;
use lookup::SortedBy;
use said::ThemeSetNumbers;

/// The article shipped with whosaid, compiled in so the binary serves it from any folder.
pub const SHIPPED_ARTICLE: &str = include_str!("../../data/articles/putin-north-korea-visit.txt");
/// The sidecar of the shipped article.
const SHIPPED_SIDECAR: &str = include_str!("../../data/articles/putin-north-korea-visit.toml");
/// The slug of the shipped article.
pub const SHIPPED_SLUG: &str = "putin-north-korea-visit";

/// Number of speaker colours the stylesheet defines.
pub const PALETTE_SIZE: usize = 8;

pub(crate) use crate::model::narrow;

/// One article's rows and statements, read on any core ahead of the corpus's assembly.
#[derive(Default)]
struct ArticleRows {
    /// Its rows, `within` counted from its first row, and their themes not yet numbered.
    said: Vec<SaidRow>,
    /// Each row's themes.
    themes: Vec<Box<[u32]>>,
    /// Each row's words, as a reader reads them.
    texts: Vec<String>,
    /// The paragraphs its statements report, as (corpus speaker, paragraph): places on
    /// speakers' pages that may hold no quote or report of theirs.
    statement_places: Vec<(u32, u32)>,
}

/// A merged speaker's lists while the corpus is built, each kept as a boxed slice after.
#[derive(Default)]
struct SpeakerLists {
    /// Rows of what they said.
    said: Vec<u32>,
    /// Paragraphs they speak in, as (article, paragraph).
    places: Vec<(u32, u32)>,
    /// Articles they appear in.
    articles: Vec<u32>,
}

/// A slug's FNV-1a hash: the same on every run and every machine.
fn slug_hash(slug: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in slug.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Colour slots for speakers, from their slugs: each speaker prefers the slot their slug
/// hashes to, and, taken in the order of those hashes, moves to the next free slot only when
/// someone quoted in the same article already has it. So a speaker's colour depends only on
/// their slug and on who shares an article with them: adding or removing unrelated stories
/// changes nothing, and speakers of one article differ while it has no more than
/// [`PALETTE_SIZE`] of them.
pub fn colours(slugs: &[&str], articles_of: &[&[u32]], speakers_in: &[Box<[u32]>]) -> Vec<usize> {
    let hashes: Vec<u64> = slugs.iter().map(|s| slug_hash(s)).collect();
    let mut order: Vec<usize> = (0..slugs.len()).collect();
    order.sort_by(|&a, &b| hashes[a].cmp(&hashes[b]).then_with(|| slugs[a].cmp(slugs[b])));
    let mut colour: Vec<Option<usize>> = vec![None; slugs.len()];
    for speaker in order {
        let mut taken = [false; PALETTE_SIZE];
        for &article in articles_of[speaker] {
            for &other in speakers_in.get(article as usize).map_or(&[][..], |list| list) {
                if let Some(c) = colour[other as usize] {
                    taken[c] = true;
                }
            }
        }
        let preferred = (hashes[speaker] % PALETTE_SIZE as u64) as usize;
        let slot = (0..PALETTE_SIZE)
            .map(|k| (preferred + k) % PALETTE_SIZE)
            .find(|&c| !taken[c])
            .unwrap_or(preferred);
        colour[speaker] = Some(slot);
    }
    colour.into_iter().map(|c| c.unwrap_or(0)).collect()
}

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
    /// The publication, from the sidecar (`outlet`, else `source`).
    pub outlet: Option<String>,
    /// Who wrote it: the sidecar's `byline`, else the text's "By …" line.
    pub byline: Option<String>,
    /// Where it was published, from the sidecar.
    pub url: Option<String>,
    /// The themes file the sidecar names, if any.
    #[serde(skip)]
    pub themes_file: Option<String>,
    /// What the parser made of the text, with the sidecar's corrections applied.
    #[serde(flatten)]
    pub article: Article,
    /// Corrections in the sidecar that no longer fit the text (and so were left out).
    #[serde(skip)]
    pub stale: Vec<StaleCorrection>,
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
    pub slug: Box<str>,
    /// Full name as introduced.
    pub name: Box<str>,
    /// The form used after first mention.
    pub short_name: Box<str>,
    /// Role as the first article that gives one states it.
    pub role: Option<Box<str>>,
    /// Where that role came from.
    pub role_source: Option<RoleSource>,
    /// Person or organisation.
    pub kind: SpeakerKind,
    /// Comments on the story rather than being its subject.
    pub commentator: bool,
    /// Colour slot in the stylesheet, from the slug (see [`colours`]).
    pub colour: usize,
    /// Rows of what they said (quotes and reports), in corpus order.
    pub said: Box<[u32]>,
    /// Quotes among them (direct and fragments).
    pub quote_count: u32,
    /// The paragraphs they speak in, as (article, paragraph): the items of their page, newest
    /// article first (see [`Corpus::place_index`]).
    pub places: Box<[(u32, u32)]>,
    /// The row that sums up what they say, when they said enough for one (see [`Corpus::summary`]).
    pub summary: MaybeIndex,
    /// Articles they appear in.
    pub articles: Box<[u32]>,
}

impl CorpusSpeaker {
    /// Rows of what they said, in corpus order.
    pub fn said_rows(&self) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        self.said.iter().map(|&r| r as usize)
    }

    /// How many quotes they said (direct and fragments).
    pub fn quotes(&self) -> usize {
        self.quote_count as usize
    }

    /// How many of the things they said are reported speech.
    pub fn reported(&self) -> usize {
        self.said.len() - self.quotes()
    }

    /// The articles they appear in, oldest first.
    pub fn article_list(&self) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        self.articles.iter().map(|&a| a as usize)
    }

    /// Whether they appear in article `article`.
    pub fn appears_in(&self, article: usize) -> bool {
        self.articles.iter().any(|&a| a as usize == article)
    }
}

/// Everything the server shows, built once at start and never changed.
#[derive(Debug)]
pub struct Corpus {
    /// Articles, sorted by date then slug.
    pub articles: Vec<Arc<StoredArticle>>,
    /// Speakers, in order of first appearance.
    pub speakers: Vec<CorpusSpeaker>,
    /// Themes from the themes file.
    pub themes: Themes,
    /// Everything said: quotes (a split quote once) and reports, article by article in reading order.
    pub said: Vec<SaidRow>,
    /// The sets of themes rows have (see [`SaidRow::themes`]).
    theme_sets: ThemeSets,
    index: QuoteIndex,
    /// Speakers by slug.
    speaker_slugs: SortedBy,
    /// Speakers by short name, as a slug ("town").
    short_names: SortedBy,
    /// Articles by slug.
    article_slugs: SortedBy,
    /// For each article, the corpus speaker of each of its speakers, by [`crate::model::SpeakerId`].
    article_speakers: Vec<Box<[u32]>>,
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
    /// Corrections that no longer fit their article, each with its file and line.
    pub stale: Vec<StaleCorrection>,
}

impl Corpus {
    /// Builds a corpus from parsed articles and themes.
    pub fn build<A: Into<Arc<StoredArticle>>>(articles: impl IntoIterator<Item = A>, themes: Themes) -> Self {
        Self::build_with_themes(articles, &ThemeBook::single(themes))
    }

    /// Builds a corpus whose articles may each name their own themes file.
    pub fn build_with_themes<A: Into<Arc<StoredArticle>>>(
        articles: impl IntoIterator<Item = A>,
        book: &ThemeBook,
    ) -> Self {
        let themes = book.merged();
        let mut articles: Vec<Arc<StoredArticle>> = articles.into_iter().map(Into::into).collect();
        articles.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.slug.cmp(&b.slug)));
        // Sized for every article's speakers, the most there can be, so the map never regrows.
        let mentioned = articles.iter().map(|a| a.speakers.len()).sum();
        let mut speakers: Vec<CorpusSpeaker> = Vec::new();
        let mut lists: Vec<SpeakerLists> = Vec::new();
        let mut by_name: FxHashMap<(&str, SpeakerKind), usize> =
            FxHashMap::with_capacity_and_hasher(mentioned, Default::default());
        let mut article_speakers = Vec::with_capacity(articles.len());
        for (a, article) in articles.iter().enumerate() {
            let mut local = Vec::with_capacity(article.speakers.len());
            for speaker in &article.speakers {
                let key = (&*speaker.name, speaker.kind);
                let id = *by_name.entry(key).or_insert_with(|| {
                    speakers.push(CorpusSpeaker {
                        slug: Box::default(),
                        name: speaker.name.clone(),
                        short_name: speaker.short_name.clone(),
                        role: None,
                        role_source: None,
                        kind: speaker.kind,
                        commentator: false,
                        colour: 0,
                        said: Box::default(),
                        quote_count: 0,
                        places: Box::default(),
                        summary: MaybeIndex::NONE,
                        articles: Box::default(),
                    });
                    lists.push(SpeakerLists::default());
                    speakers.len() - 1
                });
                let merged = &mut speakers[id];
                if merged.role.is_none() {
                    merged.role = speaker.role.clone();
                    merged.role_source = speaker.role_source;
                }
                merged.commentator |= speaker.commentator;
                lists[id].articles.push(narrow(a));
                local.push(narrow(id));
            }
            article_speakers.push(local.into_boxed_slice());
        }
        let mut taken = rustc_hash::FxHashSet::default();
        taken.reserve(speakers.len());
        for speaker in &mut speakers {
            speaker.slug = unique_slug(&crate::model::slugify(&speaker.name), &mut taken).into_boxed_str();
        }
        drop(taken);
        let speaker_slugs = SortedBy::new(speakers.len(), |s| &*speakers[s].slug);
        let short_names = SortedBy::new(speakers.len(), |s| crate::model::slugify(&speakers[s].short_name));

        {
            let slugs: Vec<&str> = speakers.iter().map(|s| &*s.slug).collect();
            let articles_of: Vec<&[u32]> = lists.iter().map(|l| l.articles.as_slice()).collect();
            let slots = colours(&slugs, &articles_of, &article_speakers);
            for (speaker, slot) in speakers.iter_mut().zip(slots) {
                speaker.colour = slot;
            }
        }
        // What each article says, read on all cores: its rows, their words and themes, and its
        // statements.
        let prepared: Vec<ArticleRows> = articles
            .par_iter()
            .enumerate()
            .map(|(a, article)| {
                let local = &article_speakers[a];
                let corpus_speaker = |id: Option<SpeakerId>| id.and_then(|s| local.get(s.index())).map(|&c| c as usize);
                // The article's own themes, by their place in the merged list.
                let own = book.for_article(article.themes_file.as_deref());
                let global: Vec<usize> = own
                    .list
                    .iter()
                    .map(|t| themes.position(&t.slug).unwrap_or(usize::MAX))
                    .collect();
                let mut rows = ArticleRows::default();
                for (kind, source, paragraph, within) in said::article_items(article) {
                    let text = said_text(article, source).text;
                    // The report holding a fragment comes before it, so it is read already.
                    let within = within.and_then(|report| {
                        rows.said
                            .iter()
                            .position(|row| row.source() == SaidSource::Report(narrow(report)))
                    });
                    // Themes are matched on the speaker's words: a fragment's are those of the
                    // report that holds it.
                    let theme_words = within.map_or(text.as_str(), |at| rows.texts[at].as_str());
                    let found = own
                        .find(theme_words)
                        .into_iter()
                        .filter_map(|t| global.get(t).copied().filter(|&g| g != usize::MAX))
                        .map(narrow)
                        .collect();
                    let speaker = corpus_speaker(match source {
                        SaidSource::Quote { quote, .. } => article.quotes[quote as usize].speaker,
                        SaidSource::Report(r) => article.reports[r as usize].speaker,
                    });
                    rows.said.push(SaidRow {
                        speaker: speaker.into(),
                        within: within.into(),
                        ..SaidRow::new(a, kind, source, paragraph)
                    });
                    rows.themes.push(found);
                    rows.texts.push(text);
                }
                rows.statement_places = article
                    .statements
                    .iter()
                    .filter_map(|s| corpus_speaker(s.speaker).map(|id| (narrow(id), s.paragraph)))
                    .collect();
                rows
            })
            .collect();
        // Sized once from the counts, so that no long list is grown by copying.
        let row_count = prepared.iter().map(|rows| rows.said.len()).sum();
        let mut said: Vec<SaidRow> = Vec::with_capacity(row_count);
        let mut texts: Vec<String> = Vec::with_capacity(row_count);
        let mut theme_sets = ThemeSetNumbers::default();
        for (a, rows) in prepared.into_iter().enumerate() {
            let first_row = said.len();
            for ((row, text), themes) in rows.said.into_iter().zip(rows.texts).zip(rows.themes) {
                if let Some(id) = row.speaker() {
                    lists[id].said.push(narrow(said.len()));
                    speakers[id].quote_count += u32::from(row.kind != SaidKind::Reported);
                }
                said.push(SaidRow {
                    within: row.within().map(|at| first_row + at).into(),
                    themes: theme_sets.number(themes),
                    ..row
                });
                texts.push(text);
            }
            for (id, paragraph) in rows.statement_places {
                lists[id as usize].places.push((narrow(a), paragraph));
            }
        }
        let theme_sets = theme_sets.finish();
        // Each speaker's summary and places, on all cores.
        speakers.par_iter_mut().zip(lists).for_each(|(speaker, lists)| {
            let SpeakerLists {
                said: own,
                mut places,
                articles,
            } = lists;
            speaker.summary = said::summary(&said, &own, &theme_sets, |row: usize| texts[row].as_str()).into();
            places.extend(
                own.iter()
                    .map(|&r| (said[r as usize].article, said[r as usize].paragraph)),
            );
            // Newest article first (articles are in date order), paragraphs in reading order.
            places.sort_unstable_by_key(|&(article, paragraph)| (std::cmp::Reverse(article), paragraph));
            places.dedup();
            speaker.places = places.into_boxed_slice();
            speaker.said = own.into_boxed_slice();
            speaker.articles = articles.into_boxed_slice();
        });
        // The corpus is kept until the next reload: no spare room in the speaker list, which
        // grew one by one (the rows were sized from their count).
        speakers.shrink_to_fit();
        let indexed: Vec<IndexedQuote<'_>> = said
            .iter()
            .zip(&texts)
            .map(|(row, text)| IndexedQuote {
                article: row.article(),
                kind: row.kind,
                themes: theme_sets.get(row.themes),
                text,
                name: row.speaker().map_or("", |s| &*speakers[s].name),
            })
            .collect();
        let index = QuoteIndex::build(&indexed, themes.list.len());
        let article_slugs = SortedBy::new(articles.len(), |a| articles[a].slug.as_str());
        Corpus {
            articles,
            speakers,
            themes,
            said,
            theme_sets,
            index,
            speaker_slugs,
            short_names,
            article_slugs,
            article_speakers,
        }
    }

    /// Loads every article in a data folder, parsing them on all cores.
    /// Files that fail are returned with their reasons; the rest load.
    pub fn load_dir(dir: &Path) -> Result<Loaded, LoadError> {
        Library::new(dir).refresh().map(|(loaded, _)| loaded)
    }

    /// The corpus of the shipped article, from the copy compiled into the binary.
    pub fn shipped() -> Result<Self, LoadError> {
        let sidecar_path = Path::new("built-in putin-north-korea-visit.toml");
        let sidecar: load::Sidecar = load::parse_toml(sidecar_path, SHIPPED_SIDECAR)?;
        let mut article = article_from_text(
            Path::new("built-in putin-north-korea-visit.txt"),
            SHIPPED_ARTICLE,
            SHIPPED_SLUG.to_owned(),
            sidecar.title.clone(),
            sidecar.source.clone(),
            &Lexicon::builtin(),
        )?;
        article.stale = corrections::apply(
            &mut article.article,
            &sidecar.correction,
            &sidecar.speaker,
            sidecar_path,
            SHIPPED_SIDECAR,
        );
        let themes = Themes::from_toml(Path::new("built-in themes.toml"), BUILTIN_THEMES)?;
        Ok(Corpus::build(vec![article], themes))
    }

    /// The speaker with this slug.
    pub fn speaker(&self, slug: &str) -> Option<usize> {
        let found = self.speaker_slugs.equal(|s| (*self.speakers[s].slug).cmp(slug));
        found.first().map(|&s| s as usize)
    }

    /// The speaker whose short name, as a slug, is `short` ("town"), when only one has it.
    pub fn only_speaker_with_short_name(&self, short: &str) -> Option<usize> {
        let found = self
            .short_names
            .equal(|s| crate::model::slugify(&self.speakers[s].short_name).as_str().cmp(short));
        match found {
            [one] => Some(*one as usize),
            _ => None,
        }
    }

    /// The article with this slug.
    pub fn article(&self, slug: &str) -> Option<usize> {
        let found = self.article_slugs.equal(|a| self.articles[a].slug.as_str().cmp(slug));
        found.first().map(|&a| a as usize)
    }

    /// The corpus speaker of one of an article's speakers.
    pub fn article_speaker(&self, article: usize, speaker: SpeakerId) -> Option<usize> {
        self.article_speakers
            .get(article)?
            .get(speaker.index())
            .map(|&c| c as usize)
    }

    /// Where a paragraph stands among a speaker's places (their page's items).
    pub fn place_index(&self, speaker: usize, article: usize, paragraph: usize) -> Option<usize> {
        let key = (
            std::cmp::Reverse(u32::try_from(article).ok()?),
            u32::try_from(paragraph).ok()?,
        );
        self.speakers[speaker]
            .places
            .binary_search_by_key(&key, |&(a, p)| (std::cmp::Reverse(a), p))
            .ok()
    }

    /// Bytes the rows' sets of themes hold, for the heap report.
    pub fn theme_sets_heap(&self) -> usize {
        self.theme_sets.heap_bytes()
    }

    /// A row's themes, by their index in the theme list.
    pub fn row_themes(&self, row: usize) -> impl Iterator<Item = usize> + '_ {
        let set = self.said.get(row).map_or(ThemeSetId::NONE, |r| r.themes);
        self.theme_sets.get(set).iter().map(|&t| t as usize)
    }

    /// The article a row is in.
    pub fn row_article(&self, row: usize) -> &StoredArticle {
        &self.articles[self.said[row].article()]
    }

    /// A row's words as a reader reads them.
    pub fn said_text(&self, row: usize) -> SaidText {
        said_text(self.row_article(row), self.said[row].source())
    }

    /// A row's words as [`Corpus::said_text`] gives them, borrowed unless they are a split
    /// quote's two halves.
    pub fn said_words(&self, row: usize) -> std::borrow::Cow<'_, str> {
        said::said_words(self.row_article(row), self.said[row].source())
    }

    /// A row as a statement of its own: a report or a quotation as [`Corpus::said_text`]
    /// gives it; a fragment with the sentence that gives it its meaning, the fragment marked.
    pub fn statement_text(&self, row: usize) -> SaidText {
        let r = &self.said[row];
        let article = self.row_article(row);
        match (r.kind, r.source()) {
            (SaidKind::Fragment, SaidSource::Quote { quote, .. }) => {
                let q = &article.quotes[quote as usize];
                let paragraph = &article.paragraphs[q.paragraph as usize].text;
                let Some(sentence) = paragraph.get(q.sentence.range()) else {
                    return self.said_text(row);
                };
                let open = paragraph[..q.bytes.start()]
                    .chars()
                    .next_back()
                    .map_or(0, char::len_utf8);
                let close = paragraph[q.bytes.end()..].chars().next().map_or(0, char::len_utf8);
                let quoted = (q.bytes.start() - open)
                    .checked_sub(q.sentence.start())
                    .map(|start| start..(q.bytes.end() + close - q.sentence.start()).min(sentence.len()))
                    .into_iter()
                    .collect();
                SaidText {
                    text: sentence.to_owned(),
                    quoted,
                }
            }
            _ => self.said_text(row),
        }
    }

    /// The anchor id of a row, unique in the corpus ("q-putin-north-korea-visit-3" for a
    /// quote, "r-putin-north-korea-visit-2" for a report).
    pub fn anchor(&self, row: usize) -> String {
        let r = &self.said[row];
        let slug = &self.articles[r.article()].slug;
        match r.source() {
            SaidSource::Quote { quote, .. } => format!("q-{slug}-{}", quote + 1),
            SaidSource::Report(report) => format!("r-{slug}-{}", report + 1),
        }
    }

    /// Rows matching a query, in corpus order or by relevance (BM25; a search word may also
    /// name the speaker: “town china”).
    pub fn search(&self, query: &QuoteQuery) -> Vec<usize> {
        let speaker_rows = |s: usize| self.speakers.get(s).map_or(&[][..], |speaker| &speaker.said[..]);
        self.index.search(query, speaker_rows, |row| self.said_words(row))
    }

    /// The term maker the search uses, for parsing search text and marking matches.
    pub fn terms(&self) -> &Terms {
        self.index.terms()
    }

    /// The search index's heap by part, in bytes (see [`QuoteIndex::heap_parts`]).
    pub fn index_heap_parts(&self) -> Vec<(&'static str, usize)> {
        self.index.heap_parts()
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
        let names: Vec<&str> = corpus.commentators().map(|s| &*corpus.speakers[s].name).collect();
        assert_eq!(
            names,
            ["Cho", "Chang Ho-jin", "Park Won-gon", "Sydney Seiler", "Jenny Town"]
        );
        let others: Vec<&str> = corpus.others().map(|s| &*corpus.speakers[s].name).collect();
        assert_eq!(others, ["Kim Jong-un"]);
        assert_eq!(
            corpus.only_speaker_with_short_name("town"),
            corpus.speaker("jenny-town")
        );
        assert!(corpus.speaker("jenny-town").is_some());
        assert_eq!(corpus.article(SHIPPED_SLUG), Some(0));
        assert_eq!(corpus.article("no-such-article"), None);
    }

    #[test]
    fn colours_are_stable_and_differ_within_an_article() {
        let slugs = ["sydney-seiler", "jenny-town", "cho", "ana-ruiz"];
        // Seiler and Town share an article; Ruiz is alone in another.
        let articles_of: [&[u32]; 4] = [&[0], &[0], &[0], &[1]];
        let speakers_in: Vec<Box<[u32]>> = vec![Box::new([0, 1, 2]), Box::new([3])];
        let first = colours(&slugs, &articles_of, &speakers_in);
        assert_ne!(first[0], first[1]);
        assert_ne!(first[1], first[2]);
        // A new story with other people changes no one's colour here.
        let more = [
            "sydney-seiler",
            "jenny-town",
            "cho",
            "ana-ruiz",
            "tomas-berg",
            "lea-marsh",
        ];
        let articles_of: [&[u32]; 6] = [&[0], &[0], &[0], &[1], &[2], &[2]];
        let speakers_in: Vec<Box<[u32]>> = vec![Box::new([0, 1, 2]), Box::new([3]), Box::new([4, 5])];
        assert_eq!(colours(&more, &articles_of, &speakers_in)[..4], first[..]);
    }

    #[test]
    fn same_full_name_in_two_articles_is_one_speaker() {
        let lexicon = Lexicon::builtin();
        let stored = |slug: &str, text: &str| StoredArticle {
            slug: slug.into(),
            title: None,
            source: None,
            outlet: None,
            byline: None,
            url: None,
            themes_file: None,
            article: crate::parse::parse(text, &lexicon),
            stale: Vec::new(),
        };
        let a = stored("a", "“Yes,” said Ana Ruiz, a lecturer.");
        let b = stored("b", "“No,” said Ana Ruiz, a lecturer.\n“Maybe,” said Ana Ruiz.");
        let corpus = Corpus::build(vec![a, b], Themes::new(Vec::new()));
        assert_eq!(corpus.speakers.len(), 1);
        assert_eq!(corpus.speakers[0].quote_count, 3);
        assert_eq!(*corpus.speakers[0].articles, [0, 1]);
    }
}
