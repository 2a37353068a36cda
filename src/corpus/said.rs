//! What someone said, as the listings show it: quotations, quoted fragments and reported statements in one list.

use std::ops::Range;

use serde::Serialize;

use super::narrow;
use crate::model::{Article, Attribution, MaybeIndex, QuoteKind};

/// What kind of thing a listed item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SaidKind {
    /// A quoted sentence or clause.
    Direct,
    /// A few quoted words inside the writer's sentence.
    Fragment,
    /// What the writer reports someone said, in the writer's words.
    Reported,
}

impl SaidKind {
    /// Every kind, in the order filters list them.
    pub const ALL: [SaidKind; 3] = [SaidKind::Direct, SaidKind::Fragment, SaidKind::Reported];

    /// The lower-case name used in URLs, JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            SaidKind::Direct => "direct",
            SaidKind::Fragment => "fragment",
            SaidKind::Reported => "reported",
        }
    }

    /// The kind named `name` ("direct", "fragment", "reported").
    pub fn from_name(name: &str) -> Option<Self> {
        SaidKind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Its place in per-kind tables.
    pub fn slot(self) -> usize {
        self as usize
    }
}

impl From<QuoteKind> for SaidKind {
    fn from(kind: QuoteKind) -> Self {
        match kind {
            QuoteKind::Direct => SaidKind::Direct,
            QuoteKind::Fragment => SaidKind::Fragment,
        }
    }
}

/// Which part of an article an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaidSource {
    /// A quote, by index among the article's quotes; `then` is the second half of a
    /// quote split by its cue, read as one with it.
    Quote {
        /// The quote.
        quote: u32,
        /// The second half, when the cue splits it.
        then: Option<u32>,
    },
    /// A reported statement, by index among the article's reports.
    Report(u32),
}

impl SaidSource {
    /// The quote it is, or the first half of the split quote it is.
    pub fn first_quote(self) -> Option<usize> {
        match self {
            SaidSource::Quote { quote, .. } => Some(quote as usize),
            SaidSource::Report(_) => None,
        }
    }

    /// Whether quote `index` is this item or its second half.
    pub fn includes_quote(self, index: usize) -> bool {
        match self {
            SaidSource::Quote { quote, then } => quote as usize == index || then.is_some_and(|t| t as usize == index),
            SaidSource::Report(_) => false,
        }
    }
}

/// One listed item with its place in the corpus, in 32 bytes: the corpus holds one for
/// everything said, so the source is kept as its parts and the themes as a set's number.
#[derive(Debug, Clone)]
pub struct SaidRow {
    /// Article index.
    pub article: u32,
    /// Direct, fragment or reported.
    pub kind: SaidKind,
    /// The quote or report it is, by index among the article's quotes or reports.
    pub(super) item: u32,
    /// The second half of a quote its cue splits.
    pub(super) then: MaybeIndex,
    /// Index of its paragraph in the article.
    pub paragraph: u32,
    /// Corpus speaker index.
    pub speaker: MaybeIndex,
    /// The themes matched on the speaker's own words, as a set in [`ThemeSets`].
    pub themes: ThemeSetId,
    /// The row of the report that holds this quote, when one does: the statement it belongs to.
    pub within: MaybeIndex,
}

impl SaidRow {
    /// A row for `source`, which is a report when `kind` is [`SaidKind::Reported`]; no speaker,
    /// no themes and no report around it until they are set.
    pub fn new(article: usize, kind: SaidKind, source: SaidSource, paragraph: usize) -> Self {
        let (item, then) = match source {
            SaidSource::Quote { quote, then } => (quote, then.map(|t| t as usize).into()),
            SaidSource::Report(report) => (report, MaybeIndex::NONE),
        };
        SaidRow {
            article: narrow(article),
            kind,
            item,
            then,
            paragraph: narrow(paragraph),
            speaker: MaybeIndex::NONE,
            themes: ThemeSetId::NONE,
            within: MaybeIndex::NONE,
        }
    }

    /// The quote or report it is.
    pub fn source(&self) -> SaidSource {
        match self.kind {
            SaidKind::Reported => SaidSource::Report(self.item),
            SaidKind::Direct | SaidKind::Fragment => SaidSource::Quote {
                quote: self.item,
                then: self.then.get().map(narrow),
            },
        }
    }

    /// Its article's index.
    pub fn article(&self) -> usize {
        self.article as usize
    }

    /// Its paragraph's index in the article.
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    /// Its speaker's index in the corpus.
    pub fn speaker(&self) -> Option<usize> {
        self.speaker.get()
    }

    /// The row of the report that holds it.
    pub fn within(&self) -> Option<usize> {
        self.within.get()
    }
}

/// The number of a set of themes in [`ThemeSets`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThemeSetId(u32);

impl ThemeSetId {
    /// The empty set, which every [`ThemeSets`] holds first.
    pub const NONE: ThemeSetId = ThemeSetId(0);
}

/// Each distinct set of themes the rows have, held once: a corpus has few (rows name the same
/// one or two themes again and again), and a row keeps four bytes rather than a list.
#[derive(Debug)]
pub struct ThemeSets {
    sets: Box<[Box<[u32]>]>,
}

impl ThemeSets {
    /// The theme indexes of set `id`.
    pub fn get(&self, id: ThemeSetId) -> &[u32] {
        self.sets.get(id.0 as usize).map_or(&[], |set| set)
    }

    /// Bytes the sets hold, for the heap report.
    pub fn heap_bytes(&self) -> usize {
        let lists = self.sets.len() * size_of::<Box<[u32]>>();
        lists + self.sets.iter().map(|s| s.len() * size_of::<u32>()).sum::<usize>()
    }
}

/// Numbers sets of themes while rows are built; [`ThemeSetNumbers::finish`] keeps the sets.
pub(crate) struct ThemeSetNumbers {
    sets: Vec<Box<[u32]>>,
    numbers: rustc_hash::FxHashMap<Box<[u32]>, ThemeSetId>,
}

impl Default for ThemeSetNumbers {
    fn default() -> Self {
        ThemeSetNumbers {
            sets: vec![Box::default()],
            numbers: rustc_hash::FxHashMap::from_iter([(Box::default(), ThemeSetId::NONE)]),
        }
    }
}

impl ThemeSetNumbers {
    /// The number of `themes` (theme indexes, in the order found), given the first time.
    pub(crate) fn number(&mut self, themes: Box<[u32]>) -> ThemeSetId {
        if let Some(&id) = self.numbers.get(&themes) {
            return id;
        }
        let id = ThemeSetId(narrow(self.sets.len()));
        self.sets.push(themes.clone());
        self.numbers.insert(themes, id);
        id
    }

    /// The sets, by number.
    pub(crate) fn finish(self) -> ThemeSets {
        ThemeSets {
            sets: self.sets.into_boxed_slice(),
        }
    }
}

/// An item's words as a reader reads them, with the byte ranges (in `text`) of words inside
/// quotation marks, for a reported statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaidText {
    /// The words.
    pub text: String,
    /// Ranges of quoted words within `text`, marks included.
    pub quoted: Vec<Range<usize>>,
}

/// The items of one article, in reading order: quotes (a split quote once) and reports.
/// Each is (kind, source, paragraph, the report holding it).
pub(crate) fn article_items(article: &Article) -> Vec<(SaidKind, SaidSource, usize, Option<usize>)> {
    let mut within: Vec<Option<usize>> = vec![None; article.quotes.len()];
    for (r, report) in article.reports.iter().enumerate() {
        for &q in &report.quotes {
            if let Some(slot) = within.get_mut(q as usize) {
                *slot = Some(r);
            }
        }
    }
    let mut second_half = vec![false; article.quotes.len()];
    let mut items: Vec<(usize, usize, SaidKind, SaidSource, Option<usize>)> = Vec::new();
    for (i, quote) in article.quotes.iter().enumerate() {
        if second_half[i] {
            continue;
        }
        let then = article
            .quotes
            .get(i + 1)
            .filter(|next| next.completes(quote, i, article.paragraph_text(quote.paragraph)))
            .map(|_| i + 1);
        if let Some(t) = then {
            second_half[t] = true;
        }
        items.push((
            quote.paragraph as usize,
            quote.bytes.start(),
            quote.kind.into(),
            SaidSource::Quote {
                quote: narrow(i),
                then: then.map(narrow),
            },
            within[i],
        ));
    }
    for (r, report) in article.reports.iter().enumerate() {
        items.push((
            report.paragraph as usize,
            report.bytes.start(),
            SaidKind::Reported,
            SaidSource::Report(narrow(r)),
            None,
        ));
    }
    items.sort_by_key(|&(paragraph, start, kind, _, _)| (paragraph, start, kind != SaidKind::Reported));
    items
        .into_iter()
        .map(|(paragraph, _, kind, source, within)| (kind, source, paragraph, within))
        .collect()
}

/// The words of an item as a reader reads them.
pub fn said_text(article: &Article, source: SaidSource) -> SaidText {
    match source {
        SaidSource::Quote { quote, then } => {
            let mut text = article.quote_reading(&article.quotes[quote as usize]).to_owned();
            if let Some(second) = then.and_then(|t| article.quotes.get(t as usize)) {
                text.push(' ');
                text.push_str(article.quote_reading(second));
            }
            SaidText {
                text,
                quoted: Vec::new(),
            }
        }
        SaidSource::Report(r) => {
            let report = &article.reports[r as usize];
            let words = article.report_words(report);
            let quoted = report
                .quotes
                .iter()
                .filter_map(|&q| article.quotes.get(q as usize))
                .filter_map(|q| {
                    // The marks sit one character either side of the quoted words.
                    let paragraph = &article.paragraphs[report.paragraph as usize].text;
                    let open = paragraph[..q.bytes.start()].chars().next_back()?.len_utf8();
                    let close = paragraph[q.bytes.end()..].chars().next().map_or(0, char::len_utf8);
                    let start = (q.bytes.start() - open).checked_sub(report.bytes.start())?;
                    let end = (q.bytes.end() + close).checked_sub(report.bytes.start())?;
                    (end <= words.len()).then_some(start..end)
                })
                .collect();
            SaidText {
                text: words.to_owned(),
                quoted,
            }
        }
    }
}

/// The words of an item as [`said_text`] gives them, without copying them unless they are
/// the two halves of a split quote.
pub(crate) fn said_words(article: &Article, source: SaidSource) -> std::borrow::Cow<'_, str> {
    match source {
        SaidSource::Quote { then: Some(_), .. } => said_text(article, source).text.into(),
        SaidSource::Quote { quote, then: None } => article
            .quotes
            .get(quote as usize)
            .map_or("", |q| article.quote_reading(q))
            .into(),
        SaidSource::Report(r) => article
            .reports
            .get(r as usize)
            .map_or("", |r| article.report_words(r))
            .into(),
    }
}

/// The cue of an item.
pub fn said_cue(article: &Article, source: SaidSource) -> Option<&str> {
    match source {
        SaidSource::Quote { quote, .. } => article.quotes[quote as usize].cue.as_deref(),
        SaidSource::Report(r) => article.reports[r as usize].cue.as_deref(),
    }
}

/// How an item was attributed.
pub fn said_attribution(article: &Article, source: SaidSource) -> &Attribution {
    match source {
        SaidSource::Quote { quote, .. } => &article.quotes[quote as usize].attribution,
        SaidSource::Report(r) => &article.reports[r as usize].attribution,
    }
}

/// Fewest words a summary may have: a sentence, not a phrase.
pub const SUMMARY_MIN_WORDS: usize = 8;

/// A speaker's statements: what they said, each once — a report with the quotes inside it,
/// a quotation on its own, a fragment no report holds (shown with its sentence).
pub fn statements_of<'r>(rows: &'r [SaidRow], own: &'r [u32]) -> impl Iterator<Item = usize> + 'r {
    own.iter().map(|&r| r as usize).filter(|&r| rows[r].within().is_none())
}

/// The row that sums up a speaker: among their statements of at least
/// [`SUMMARY_MIN_WORDS`] words, the one whose themes are those they speak to most often
/// (each theme counts the statements on it); ties go to the earliest. None when no
/// statement is long enough.
pub(crate) fn summary<'a>(
    rows: &[SaidRow],
    own: &[u32],
    theme_sets: &ThemeSets,
    text_of: impl Fn(usize) -> &'a str,
) -> Option<usize> {
    let mut theme_counts: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    for r in statements_of(rows, own) {
        for &t in theme_sets.get(rows[r].themes) {
            *theme_counts.entry(t).or_default() += 1;
        }
    }
    let mut best: Option<(usize, usize)> = None;
    for r in statements_of(rows, own) {
        let row = &rows[r];
        // A fragment's sentence is the writer's; a summary is the speaker's own statement.
        if row.kind == SaidKind::Fragment {
            continue;
        }
        let words = text_of(r)
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words < SUMMARY_MIN_WORDS {
            continue;
        }
        let score: usize = theme_sets
            .get(row.themes)
            .iter()
            .map(|t| theme_counts.get(t).copied().unwrap_or(0))
            .sum();
        if best.is_none_or(|(_, top)| score > top) {
            best = Some((r, score));
        }
    }
    best.map(|(r, _)| r)
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_maybe_index_holds_an_index_or_none_in_four_bytes() {
        assert_eq!(MaybeIndex::from(Some(7)).get(), Some(7));
        assert_eq!(MaybeIndex::from(None).get(), None);
        assert_eq!(
            MaybeIndex::from(Some(u32::MAX as usize)).get(),
            None,
            "too large to hold"
        );
        assert_eq!(size_of::<SaidRow>(), 32);
    }

    use super::*;
    use crate::parse::{Lexicon, parse};

    #[test]
    fn said_words_are_said_text_borrowed_unless_a_split_quote_joins_two_halves() {
        let article = parse(
            "“The plan,” Ana Ruiz said, “is dead.”\nRuiz said the harbour would “never” reopen.\n\
             “We tried,” she added.",
            &Lexicon::builtin(),
        );
        let items = article_items(&article);
        assert_eq!(items.len(), 4, "{items:?}");
        for (_, source, _, _) in items {
            let words = said_words(&article, source);
            assert_eq!(words, said_text(&article, source).text, "{source:?}");
            let split = matches!(source, SaidSource::Quote { then: Some(_), .. });
            assert_eq!(matches!(words, std::borrow::Cow::Owned(_)), split, "{source:?}");
        }
    }

    #[test]
    fn a_split_quote_is_one_item_without_the_writers_comma() {
        let article = parse(
            "“The plan,” Ana Ruiz said, “is dead.”\nRuiz said the harbour would “never” reopen to ferries.",
            &Lexicon::builtin(),
        );
        let items = article_items(&article);
        let texts: Vec<(SaidKind, String)> = items
            .iter()
            .map(|&(kind, source, _, _)| (kind, said_text(&article, source).text))
            .collect();
        assert_eq!(
            texts,
            [
                (SaidKind::Direct, "The plan is dead.".to_owned()),
                (
                    SaidKind::Reported,
                    "the harbour would “never” reopen to ferries.".to_owned()
                ),
                (SaidKind::Fragment, "never".to_owned()),
            ]
        );
        let reported = said_text(&article, items[1].1);
        assert_eq!(&reported.text[reported.quoted[0].clone()], "“never”");
        assert_eq!(items[2].3, Some(0), "the fragment belongs to the report");
    }
}
