//! Posting lists over everything said (quotes and reports), so filtered and searched listings cost little more than their results.

use std::borrow::Cow;
use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::postings::{Postings, intersect_sorted, union_all, union_sorted};
use super::said::SaidKind;
use super::search::{SearchQuery, Terms, Want, folded_words, holds_phrase};

/// BM25's term-frequency saturation.
const BM25_K1: f32 = 1.2;
/// BM25's length normalisation.
const BM25_B: f32 = 0.75;
/// Extra weight of a phrase's terms when the phrase matches in order.
const PHRASE_BOOST: f32 = 1.5;
/// Weight of a search word that names the row's speaker ("Town" in "Town China").
const NAME_BOOST: f32 = 2.0;

/// Which quotes to list. Values within a field are alternatives (OR); fields combine with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteQuery {
    /// Speaker indexes; empty means any speaker (or none).
    pub speakers: Vec<usize>,
    /// Article indexes; empty means every article.
    pub articles: Vec<usize>,
    /// Kinds; empty means every kind.
    pub kinds: Vec<SaidKind>,
    /// Theme indexes; empty means any theme (or none).
    pub themes: Vec<usize>,
    /// The search text, parsed.
    pub text: SearchQuery,
    /// Rank by relevance (BM25) instead of article order.
    pub by_relevance: bool,
}

impl QuoteQuery {
    /// Whether the query selects everything.
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty()
            && self.articles.is_empty()
            && self.kinds.is_empty()
            && self.themes.is_empty()
            && self.text.is_empty()
    }
}

/// Sorted lists of quote rows for every article, kind, theme and word. A speaker's rows are
/// not held here: the corpus keeps them with the speaker, and a search reads them there.
#[derive(Debug, Default)]
pub struct QuoteIndex {
    total: usize,
    by_kind: [Postings; 3],
    by_article: Vec<Postings>,
    by_theme: Vec<Postings>,
    /// Folded words, for prefix searches.
    by_word: BTreeMap<String, Postings>,
    /// Terms (spelling made one, stemmed), for word and phrase searches.
    by_term: FxHashMap<String, Postings>,
    /// For each term, how often it occurs in each row of its posting list (same order, at
    /// most 255), for BM25 without reading the rows.
    term_tf: FxHashMap<String, Box<[u8]>>,
    /// The term of every folded word the rows hold, so that reading a row for phrases and
    /// relevance costs lookups, not stemming.
    word_term: FxHashMap<String, String>,
    /// Terms of each row's speaker's name.
    by_name: FxHashMap<String, Postings>,
    /// Each row's length in words, for BM25.
    lengths: Box<[u16]>,
    /// The average row length, in words.
    average_length: f32,
    /// Turns words into terms.
    terms: Terms,
}

/// What the index needs to know about one quote.
pub struct IndexedQuote<'a> {
    /// Its article's index.
    pub article: usize,
    /// Its kind.
    pub kind: SaidKind,
    /// Its themes' indexes.
    pub themes: &'a [u32],
    /// Its text.
    pub text: &'a str,
    /// Its speaker's name ("" when none): a search word may name the speaker.
    pub name: &'a str,
}

/// Fewest rows worth reading apart while the index is built.
const MIN_ROWS_PER_STRETCH: usize = 4096;

/// The word, term and name posting lists of one stretch of rows, with each row's length.
#[derive(Default)]
struct WordPostings {
    words: FxHashMap<String, Vec<u32>>,
    /// Rows by term, each with the term's frequency in that row.
    terms: FxHashMap<String, (Vec<u32>, Vec<u8>)>,
    word_terms: FxHashMap<String, String>,
    names: FxHashMap<String, Vec<u32>>,
    lengths: Vec<u16>,
}

impl WordPostings {
    /// Reads `rows`, the first of which is row `first` of the corpus.
    fn read(rows: &[IndexedQuote<'_>], first: usize, terms: &Terms) -> Self {
        let mut postings = WordPostings {
            lengths: Vec::with_capacity(rows.len()),
            ..WordPostings::default()
        };
        // Each distinct folded word is stemmed once; an occurrence costs a lookup in a reused
        // buffer, without allocating.
        let mut word_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut word_rows: Vec<Vec<u32>> = Vec::new();
        let mut word_term: Vec<u32> = Vec::new();
        let mut term_ids: FxHashMap<String, u32> = FxHashMap::default();
        let mut term_rows: Vec<(Vec<u32>, Vec<u8>)> = Vec::new();
        let mut name_terms: FxHashMap<&str, Vec<String>> = FxHashMap::default();
        let mut folded = String::new();
        for (offset, quote) in rows.iter().enumerate() {
            let row = u32::try_from(first + offset).unwrap_or(u32::MAX);
            let mut length = 0usize;
            for word in quote
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                length += 1;
                fold_into(word, &mut folded);
                let id = match word_ids.get(folded.as_str()) {
                    Some(&id) => id,
                    None => {
                        let id = u32::try_from(word_rows.len()).unwrap_or(u32::MAX);
                        let term = terms.term(&folded);
                        postings.word_terms.insert(folded.clone(), term.clone());
                        let next_term = u32::try_from(term_rows.len()).unwrap_or(u32::MAX);
                        let term_id = *term_ids.entry(term).or_insert(next_term);
                        if term_id == next_term {
                            term_rows.push((Vec::new(), Vec::new()));
                        }
                        word_ids.insert(folded.clone(), id);
                        word_rows.push(Vec::new());
                        word_term.push(term_id);
                        id
                    }
                };
                push_row(&mut word_rows[id as usize], row);
                let (rows_of_term, tfs) = &mut term_rows[word_term[id as usize] as usize];
                if rows_of_term.last() == Some(&row) {
                    if let Some(tf) = tfs.last_mut() {
                        *tf = tf.saturating_add(1);
                    }
                } else {
                    rows_of_term.push(row);
                    tfs.push(1);
                }
            }
            postings.lengths.push(u16::try_from(length).unwrap_or(u16::MAX));
            // A speaker's name is stemmed once, not once per thing they said.
            let name_terms = name_terms
                .entry(quote.name)
                .or_insert_with(|| folded_words(quote.name).map(|w| terms.term(&w)).collect());
            for term in name_terms.iter() {
                match postings.names.get_mut(term) {
                    Some(rows) => push_row(rows, row),
                    None => {
                        postings.names.insert(term.clone(), vec![row]);
                    }
                }
            }
        }
        for (word, id) in word_ids {
            postings.words.insert(word, std::mem::take(&mut word_rows[id as usize]));
        }
        for (term, id) in term_ids {
            postings.terms.insert(term, std::mem::take(&mut term_rows[id as usize]));
        }
        postings
    }
}

/// The lists of the values a field asks for (speakers, articles…), skipping unknown values.
fn field<'a>(values: &[usize], lists: &'a [Postings]) -> Vec<&'a Postings> {
    values.iter().filter_map(|&v| lists.get(v)).collect()
}

impl QuoteIndex {
    /// Indexes quotes given in row order. The words of each stretch of rows are read and
    /// stemmed on all cores; the stretches' posting lists are then joined in row order.
    pub fn build(quotes: &[IndexedQuote<'_>], theme_count: usize) -> Self {
        // Two stretches a core: few enough that joining them costs little, enough to share out.
        let stretches = 2 * rayon::current_num_threads();
        let rows_per_stretch = quotes.len().div_ceil(stretches).max(MIN_ROWS_PER_STRETCH);
        Self::build_in_stretches(quotes, theme_count, rows_per_stretch)
    }

    fn build_in_stretches(quotes: &[IndexedQuote<'_>], theme_count: usize, rows_per_stretch: usize) -> Self {
        let total = quotes.len();
        let terms = Terms::default();
        let mut by_kind: [Vec<u32>; 3] = Default::default();
        let mut by_article: Vec<Vec<u32>> = Vec::new();
        let mut by_theme: Vec<Vec<u32>> = vec![Vec::new(); theme_count];
        for (row, quote) in quotes.iter().enumerate() {
            let row = u32::try_from(row).unwrap_or(u32::MAX);
            by_kind[quote.kind.slot()].push(row);
            if by_article.len() <= quote.article {
                by_article.resize(quote.article + 1, Vec::new());
            }
            by_article[quote.article].push(row);
            for &t in quote.themes {
                if let Some(list) = by_theme.get_mut(t as usize) {
                    list.push(row);
                }
            }
        }
        let stretch_size = rows_per_stretch.max(1);
        let stretches: Vec<WordPostings> = quotes
            .par_chunks(stretch_size)
            .enumerate()
            .map(|(n, rows)| WordPostings::read(rows, n * stretch_size, &terms))
            .collect();
        // Stretches are in row order, so appending keeps every posting list sorted.
        let mut lengths = Vec::with_capacity(total);
        let mut by_word: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut by_term: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut term_tf: FxHashMap<String, Vec<u8>> = FxHashMap::default();
        let mut word_term: FxHashMap<String, String> = FxHashMap::default();
        let mut by_name: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        for stretch in stretches {
            lengths.extend(stretch.lengths);
            for (word, rows) in stretch.words {
                append(by_word.entry(word).or_default(), rows);
            }
            for (term, (rows, tfs)) in stretch.terms {
                append(term_tf.entry(term.clone()).or_default(), tfs);
                append(by_term.entry(term).or_default(), rows);
            }
            for (word, term) in stretch.word_terms {
                word_term.entry(word).or_insert(term);
            }
            for (term, rows) in stretch.names {
                append(by_name.entry(term).or_default(), rows);
            }
        }
        // Posting lists are kept until the next reload: each takes its smaller form, and
        // none keeps the spare room it grew.
        let compact = |rows: Vec<u32>| Postings::new(rows, total);
        let compact_all = |lists: Vec<Vec<u32>>| lists.into_iter().map(compact).collect::<Vec<_>>();
        let compact_keyed = |map: FxHashMap<String, Vec<u32>>| {
            map.into_iter()
                .map(|(key, rows)| (key, compact(rows)))
                .collect::<FxHashMap<_, _>>()
        };
        let average_length = lengths.iter().map(|&l| f32::from(l)).sum::<f32>() / (total.max(1) as f32);
        QuoteIndex {
            total,
            by_kind: by_kind.map(compact),
            by_article: compact_all(by_article),
            by_theme: compact_all(by_theme),
            by_word: by_word.into_iter().map(|(word, rows)| (word, compact(rows))).collect(),
            by_term: compact_keyed(by_term),
            by_name: compact_keyed(by_name),
            word_term,
            term_tf: term_tf
                .into_iter()
                .map(|(term, tfs)| (term, tfs.into_boxed_slice()))
                .collect(),
            lengths: lengths.into_boxed_slice(),
            average_length,
            terms,
        }
    }

    /// The heap each part of the index holds, in bytes, by name (for `examples/heap.rs`).
    pub fn heap_parts(&self) -> Vec<(&'static str, usize)> {
        /// A list's heap plus its place in its map or list.
        fn lists<'a>(lists: impl Iterator<Item = &'a Postings>) -> usize {
            lists.map(|l| l.heap_bytes() + size_of::<Postings>()).sum()
        }
        /// A map's keys and values, each with its place in the map.
        fn keyed<'a, V: 'a>(map: impl Iterator<Item = (&'a String, &'a V)>, value: impl Fn(&V) -> usize) -> usize {
            map.map(|(key, v)| key.len() + size_of::<String>() + size_of::<V>() + value(v))
                .sum()
        }
        vec![
            (
                "by article, kind, theme",
                lists(self.by_article.iter().chain(&self.by_kind).chain(&self.by_theme)),
            ),
            ("by word", keyed(self.by_word.iter(), Postings::heap_bytes)),
            ("by term", keyed(self.by_term.iter(), Postings::heap_bytes)),
            ("by name", keyed(self.by_name.iter(), Postings::heap_bytes)),
            ("term frequencies", keyed(self.term_tf.iter(), |tfs| tfs.len())),
            ("word terms", keyed(self.word_term.iter(), String::len)),
            ("lengths", self.lengths.len() * size_of::<u16>()),
        ]
    }

    /// The term maker the index was built with, for parsing searches and marking matches.
    pub fn terms(&self) -> &Terms {
        &self.terms
    }

    /// The rows matching `query`: in row order, or by relevance when asked. `speaker_rows`
    /// gives a speaker's rows (sorted); `text_of` gives a row's text, read to check phrases in
    /// order (borrowed where it can be: a phrase search reads thousands of rows).
    pub fn search<'r, 't>(
        &self,
        query: &QuoteQuery,
        speaker_rows: impl Fn(usize) -> &'r [u32],
        text_of: impl Fn(usize) -> Cow<'t, str>,
    ) -> Vec<usize> {
        let mut result: Option<Vec<u32>> = None;
        // Each field narrows the rows so far to those in any of its lists (and in `more`, rows
        // already listed); one list narrows by membership, without reading every row it holds.
        let mut narrow = |lists: &[&Postings], more: Vec<u32>| {
            result = Some(match (result.take(), lists) {
                (Some(current), [one]) if more.is_empty() => one.intersect(&current),
                (current, lists) => {
                    let union = if lists.is_empty() {
                        more
                    } else {
                        union_sorted(union_all(lists), &more)
                    };
                    match current {
                        None => union,
                        Some(current) => intersect_sorted(&current, &union),
                    }
                }
            });
        };
        if !query.speakers.is_empty() {
            let rows = query
                .speakers
                .iter()
                .fold(Vec::new(), |rows, &s| union_sorted(rows, speaker_rows(s)));
            narrow(&[], rows);
        }
        if !query.articles.is_empty() {
            narrow(&field(&query.articles, &self.by_article), Vec::new());
        }
        if !query.kinds.is_empty() {
            let kinds: Vec<usize> = query.kinds.iter().map(|k| k.slot()).collect();
            narrow(&field(&kinds, &self.by_kind), Vec::new());
        }
        if !query.themes.is_empty() {
            narrow(&field(&query.themes, &self.by_theme), Vec::new());
        }
        // Phrases are narrowed by their terms here and checked in the text below.
        let mut phrases: Vec<&[String]> = Vec::new();
        for clause in &query.text.clauses {
            let mut lists: Vec<&Postings> = Vec::new();
            let mut phrase_rows: Vec<u32> = Vec::new();
            for want in clause {
                match want {
                    Want::Term(term) => {
                        lists.extend(self.by_term.get(term));
                        lists.extend(self.by_name.get(term));
                    }
                    Want::Prefix(prefix) => lists.extend(
                        self.by_word
                            .range(prefix.clone()..)
                            .take_while(|(w, _)| w.starts_with(prefix.as_str()))
                            .map(|(_, rows)| rows),
                    ),
                    Want::Phrase(words) => {
                        phrases.push(words);
                        let mut rows: Option<Vec<u32>> = None;
                        for word in words {
                            let empty = Postings::default();
                            let list = self.by_term.get(word).unwrap_or(&empty);
                            rows = Some(match rows {
                                None => list.to_vec(),
                                Some(current) => list.intersect(&current),
                            });
                        }
                        phrase_rows = union_sorted(phrase_rows, &rows.unwrap_or_default());
                    }
                }
            }
            narrow(&lists, phrase_rows);
        }
        let mut rows: Vec<usize> = match result {
            Some(rows) => rows.into_iter().map(|r| r as usize).collect(),
            None => (0..self.total).collect(),
        };
        if phrases.is_empty() && !query.by_relevance {
            return rows;
        }
        // Read the candidates: check phrases in order, count terms for relevance.
        let mut scored: Vec<(usize, f32)> = Vec::with_capacity(rows.len());
        // One buffer for folding words and one for a row's terms, reused row after row.
        let mut folded = String::new();
        let mut text_terms: Vec<&str> = Vec::new();
        for row in rows.drain(..) {
            // Only a phrase needs the row's words in order; relevance reads the postings.
            text_terms.clear();
            if !phrases.is_empty() {
                self.read_terms(&text_of(row), &mut folded, &mut text_terms);
            }
            // Clauses without a phrase were settled by the posting lists.
            let phrase_ok = query
                .text
                .clauses
                .iter()
                .filter(|clause| clause.iter().any(|want| matches!(want, Want::Phrase(_))))
                .all(|clause| {
                    clause.iter().any(|want| match want {
                        Want::Phrase(words) => holds_phrase(&text_terms, words),
                        other => self.wants(other, row),
                    })
                });
            if !phrase_ok {
                continue;
            }
            let score = if query.by_relevance {
                self.bm25(&query.text, row, &text_terms)
            } else {
                0.0
            };
            scored.push((row, score));
        }
        if query.by_relevance {
            // Highest first; ties keep article order.
            scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        }
        scored.into_iter().map(|(row, _)| row).collect()
    }

    /// Appends the terms of a row's text to `terms`, in order, by lookup (`folded` is a buffer).
    fn read_terms<'s>(&'s self, text: &str, folded: &mut String, terms: &mut Vec<&'s str>) {
        terms.extend(
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|word| {
                    fold_into(word, folded);
                    self.word_term.get(folded.as_str()).map_or("", String::as_str)
                }),
        );
    }

    /// Whether a row holds a (non-phrase) want.
    fn wants(&self, want: &Want, row: usize) -> bool {
        let row = u32::try_from(row).unwrap_or(u32::MAX);
        match want {
            Want::Term(term) => [&self.by_term, &self.by_name]
                .iter()
                .any(|map| map.get(term).is_some_and(|rows| rows.contains(row))),
            Want::Prefix(prefix) => self
                .by_word
                .range(prefix.clone()..)
                .take_while(|(w, _)| w.starts_with(prefix.as_str()))
                .any(|(_, rows)| rows.contains(row)),
            Want::Phrase(_) => false,
        }
    }

    /// The Okapi BM25 score of a row for a search, phrases that match in order weighing more.
    fn bm25(&self, search: &SearchQuery, row: usize, text_terms: &[&str]) -> f32 {
        let total = self.total.max(1) as f32;
        let average = self.average_length;
        let length = f32::from(self.lengths.get(row).copied().unwrap_or(0));
        let row_id = u32::try_from(row).unwrap_or(u32::MAX);
        let term_score = |term: &str| {
            let Some(postings) = self.by_term.get(term) else {
                return 0.0;
            };
            let df = postings.len() as f32;
            let tf = postings
                .rank(row_id)
                .and_then(|at| self.term_tf.get(term).and_then(|tfs| tfs.get(at)))
                .map_or(0.0, |&tf| f32::from(tf));
            if tf == 0.0 {
                return 0.0;
            }
            let idf = (1.0 + (total - df + 0.5) / (df + 0.5)).ln();
            idf * tf * (BM25_K1 + 1.0) / (tf + BM25_K1 * (1.0 - BM25_B + BM25_B * length / average.max(1.0)))
        };
        let mut score = 0.0;
        for want in search.clauses.iter().flatten() {
            score += match want {
                Want::Term(term) => {
                    let names = self.by_name.get(term).is_some_and(|rows| rows.contains(row_id));
                    term_score(term) + if names { NAME_BOOST } else { 0.0 }
                }
                Want::Prefix(prefix) => {
                    // The best-scoring word the prefix matches in this row.
                    let mut best: f32 = 0.0;
                    for (word, rows) in self
                        .by_word
                        .range(prefix.clone()..)
                        .take_while(|(w, _)| w.starts_with(prefix.as_str()))
                    {
                        if rows.contains(row_id)
                            && let Some(term) = self.word_term.get(word)
                        {
                            best = best.max(term_score(term));
                        }
                    }
                    best
                }
                Want::Phrase(words) => {
                    let sum: f32 = words.iter().map(|w| term_score(w)).sum();
                    if holds_phrase(text_terms, words) {
                        sum * (1.0 + PHRASE_BOOST)
                    } else {
                        sum
                    }
                }
            };
        }
        score
    }
}

/// Folds a word into `out` as [`super::search::fold`] does, reusing its buffer.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.push_str(&super::search::fold(word));
    }
}

/// Appends a stretch's list to the list so far: a list first seen in this stretch is moved
/// in whole rather than copied.
fn append<T>(list: &mut Vec<T>, more: Vec<T>) {
    if list.is_empty() {
        *list = more;
    } else {
        list.extend(more);
    }
}

fn push_row(list: &mut Vec<u32>, row: u32) {
    if list.last() != Some(&row) {
        list.push(row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> QuoteIndex {
        index_in_stretches(MIN_ROWS_PER_STRETCH)
    }

    fn index_in_stretches(rows_per_stretch: usize) -> QuoteIndex {
        let rows = [
            (true, SaidKind::Direct, vec![0], "China is concerned"),
            (true, SaidKind::Fragment, vec![], "primarily symbolic"),
            (true, SaidKind::Direct, vec![0, 1], "China will never cooperate"),
            (false, SaidKind::Fragment, vec![1], "so-called"),
        ];
        let quotes: Vec<IndexedQuote<'_>> = rows
            .iter()
            .enumerate()
            .map(|(i, (named, kind, themes, text))| IndexedQuote {
                article: i / 2,
                kind: *kind,
                themes,
                text,
                name: if *named { "Ana Ruiz" } else { "" },
            })
            .collect();
        QuoteIndex::build_in_stretches(&quotes, 2, rows_per_stretch)
    }

    #[test]
    fn stretches_read_apart_join_into_the_same_index() {
        let whole = index_in_stretches(1000);
        for rows_per_stretch in [1, 2, 3] {
            let joined = index_in_stretches(rows_per_stretch);
            assert_eq!(joined.by_word, whole.by_word, "{rows_per_stretch} rows a stretch");
            assert_eq!(joined.by_term, whole.by_term);
            assert_eq!(joined.term_tf, whole.term_tf);
            assert_eq!(joined.word_term, whole.word_term);
            assert_eq!(joined.by_name, whole.by_name);
            assert_eq!(joined.lengths, whole.lengths);
        }
        assert_eq!(whole.by_name["ruiz"].to_vec(), [0, 1, 2]);
        assert_eq!(whole.by_term["china"].to_vec(), [0, 2]);
    }

    const TEXTS: [&str; 4] = [
        "China is concerned",
        "primarily symbolic",
        "China will never cooperate",
        "so-called",
    ];

    fn search(index: &QuoteIndex, query: QuoteQuery) -> Vec<usize> {
        // Speaker 0 said row 0; speaker 1 rows 1 and 2.
        let speaker_rows =
            |speaker: usize| -> &'static [u32] { [&[0][..], &[1, 2]].get(speaker).copied().unwrap_or(&[]) };
        index.search(&query, speaker_rows, |row| Cow::Borrowed(TEXTS[row]))
    }

    #[test]
    fn fields_and_alternatives() {
        let index = index();
        let q = |speakers: Vec<usize>, kinds: Vec<SaidKind>, themes: Vec<usize>, text: &str| {
            search(
                &index,
                QuoteQuery {
                    speakers,
                    kinds,
                    themes,
                    text: SearchQuery::parse(text, index.terms()),
                    ..QuoteQuery::default()
                },
            )
        };
        assert_eq!(q(vec![], vec![], vec![], ""), [0, 1, 2, 3]);
        assert_eq!(q(vec![0, 1], vec![], vec![], ""), [0, 1, 2]);
        assert_eq!(q(vec![1], vec![SaidKind::Direct], vec![], ""), [2]);
        assert_eq!(q(vec![], vec![], vec![1], ""), [2, 3]);
        assert_eq!(q(vec![], vec![], vec![], "chin*"), [0, 2]);
        assert_eq!(q(vec![], vec![], vec![], "china never"), [2]);
        assert_eq!(q(vec![0], vec![], vec![], "never"), Vec::<usize>::new());
        assert_eq!(q(vec![], vec![], vec![], "concerns"), [0], "by stem");
        assert_eq!(q(vec![], vec![], vec![], "symbolic OR never"), [1, 2]);
        assert_eq!(q(vec![], vec![], vec![], "\"will never\""), [2]);
        assert_eq!(
            q(vec![], vec![], vec![], "\"never will\""),
            Vec::<usize>::new(),
            "in order"
        );
        let in_article = |articles: Vec<usize>| {
            search(
                &index,
                QuoteQuery {
                    articles,
                    ..QuoteQuery::default()
                },
            )
        };
        assert_eq!(in_article(vec![1]), [2, 3]);
        assert_eq!(in_article(vec![0, 1]), [0, 1, 2, 3]);
    }

    #[test]
    fn relevance_ranks_more_matches_first() {
        let index = index();
        let rows = search(
            &index,
            QuoteQuery {
                text: SearchQuery::parse("china OR cooperate", index.terms()),
                by_relevance: true,
                ..QuoteQuery::default()
            },
        );
        assert_eq!(rows, [2, 0]);
        // A search word may name the speaker.
        let by_name = search(
            &index,
            QuoteQuery {
                text: SearchQuery::parse("ruiz china", index.terms()),
                ..QuoteQuery::default()
            },
        );
        assert_eq!(by_name, [0, 2]);
    }
}
