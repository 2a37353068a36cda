//! Posting lists over everything said (quotes and reports), so filtered and searched listings cost little more than their results.

use std::collections::BTreeMap;

use super::said::SaidKind;

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
    /// Lower-cased search words; a quote must have a word starting with each.
    pub words: Vec<String>,
}

impl QuoteQuery {
    /// Whether the query selects everything.
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty()
            && self.articles.is_empty()
            && self.kinds.is_empty()
            && self.themes.is_empty()
            && self.words.is_empty()
    }
}

/// Sorted lists of quote rows for every speaker, kind, theme and word.
#[derive(Debug, Default)]
pub struct QuoteIndex {
    total: usize,
    by_speaker: Vec<Vec<u32>>,
    by_kind: [Vec<u32>; 3],
    by_article: Vec<Vec<u32>>,
    by_theme: Vec<Vec<u32>>,
    by_word: BTreeMap<String, Vec<u32>>,
}

/// What the index needs to know about one quote.
pub struct IndexedQuote<'a> {
    /// Its article's index.
    pub article: usize,
    /// Its speaker's index, if attributed.
    pub speaker: Option<usize>,
    /// Its kind.
    pub kind: SaidKind,
    /// Its themes' indexes.
    pub themes: &'a [usize],
    /// Its text.
    pub text: &'a str,
}

impl QuoteIndex {
    /// Indexes quotes given in row order.
    pub fn build<'a>(quotes: impl Iterator<Item = IndexedQuote<'a>>, speaker_count: usize, theme_count: usize) -> Self {
        let mut index = QuoteIndex {
            total: 0,
            by_speaker: vec![Vec::new(); speaker_count],
            by_kind: [Vec::new(), Vec::new(), Vec::new()],
            by_article: Vec::new(),
            by_theme: vec![Vec::new(); theme_count],
            by_word: BTreeMap::new(),
        };
        for (row, quote) in quotes.enumerate() {
            let row = row as u32;
            index.total += 1;
            if let Some(list) = quote.speaker.and_then(|s| index.by_speaker.get_mut(s)) {
                list.push(row);
            }
            index.by_kind[quote.kind.slot()].push(row);
            if index.by_article.len() <= quote.article {
                index.by_article.resize(quote.article + 1, Vec::new());
            }
            index.by_article[quote.article].push(row);
            for &t in quote.themes {
                if let Some(list) = index.by_theme.get_mut(t) {
                    list.push(row);
                }
            }
            for word in words(quote.text) {
                let list = index.by_word.entry(word).or_default();
                if list.last() != Some(&row) {
                    list.push(row);
                }
            }
        }
        index
    }

    /// The rows matching `query`, in row order.
    pub fn search(&self, query: &QuoteQuery) -> Vec<usize> {
        let mut result: Option<Vec<u32>> = None;
        let mut narrow = |lists: Vec<&Vec<u32>>| {
            let union = union_all(&lists);
            result = Some(match result.take() {
                None => union,
                Some(current) => intersect(&current, &union),
            });
        };
        if !query.speakers.is_empty() {
            narrow(query.speakers.iter().filter_map(|&s| self.by_speaker.get(s)).collect());
        }
        if !query.articles.is_empty() {
            narrow(query.articles.iter().filter_map(|&a| self.by_article.get(a)).collect());
        }
        if !query.kinds.is_empty() {
            narrow(query.kinds.iter().map(|&k| &self.by_kind[k.slot()]).collect());
        }
        if !query.themes.is_empty() {
            narrow(query.themes.iter().filter_map(|&t| self.by_theme.get(t)).collect());
        }
        for word in &query.words {
            let lists: Vec<&Vec<u32>> = self
                .by_word
                .range(word.clone()..)
                .take_while(|(w, _)| w.starts_with(word.as_str()))
                .map(|(_, rows)| rows)
                .collect();
            narrow(lists);
        }
        match result {
            Some(rows) => rows.into_iter().map(|r| r as usize).collect(),
            None => (0..self.total).collect(),
        }
    }
}

/// The lower-cased words of a text, as the index and the search box see them.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn union_all(lists: &[&Vec<u32>]) -> Vec<u32> {
    match lists {
        [] => Vec::new(),
        [one] => (*one).clone(),
        _ => {
            let mut all: Vec<u32> = lists.iter().flat_map(|l| l.iter().copied()).collect();
            all.sort_unstable();
            all.dedup();
            all
        }
    }
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> QuoteIndex {
        let rows = [
            (Some(0), SaidKind::Direct, vec![0], "China is concerned"),
            (Some(1), SaidKind::Fragment, vec![], "primarily symbolic"),
            (Some(1), SaidKind::Direct, vec![0, 1], "China will never cooperate"),
            (None, SaidKind::Fragment, vec![1], "so-called"),
        ];
        QuoteIndex::build(
            rows.iter()
                .enumerate()
                .map(|(i, (speaker, kind, themes, text))| IndexedQuote {
                    article: i / 2,
                    speaker: *speaker,
                    kind: *kind,
                    themes,
                    text,
                }),
            2,
            2,
        )
    }

    #[test]
    fn fields_and_alternatives() {
        let index = index();
        let q = |speakers: Vec<usize>, kinds: Vec<SaidKind>, themes: Vec<usize>, words: &[&str]| {
            index.search(&QuoteQuery {
                speakers,
                articles: Vec::new(),
                kinds,
                themes,
                words: words.iter().map(|w| w.to_string()).collect(),
            })
        };
        assert_eq!(q(vec![], vec![], vec![], &[]), [0, 1, 2, 3]);
        assert_eq!(q(vec![0, 1], vec![], vec![], &[]), [0, 1, 2]);
        assert_eq!(q(vec![1], vec![SaidKind::Direct], vec![], &[]), [2]);
        assert_eq!(q(vec![], vec![], vec![1], &[]), [2, 3]);
        assert_eq!(q(vec![], vec![], vec![], &["chin"]), [0, 2]);
        assert_eq!(q(vec![], vec![], vec![], &["china", "never"]), [2]);
        assert_eq!(q(vec![0], vec![], vec![], &["never"]), Vec::<usize>::new());
        let in_article = |articles: Vec<usize>| {
            index.search(&QuoteQuery {
                articles,
                ..QuoteQuery::default()
            })
        };
        assert_eq!(in_article(vec![1]), [2, 3]);
        assert_eq!(in_article(vec![0, 1]), [0, 1, 2, 3]);
    }
}
