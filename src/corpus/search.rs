//! Search text as people mean it: words folded (case, accents), British and American
//! spellings made one, stemmed with English Snowball; `"a phrase"`, `OR`, and a trailing `*`
//! for a prefix.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;

/// Longest word kept for indexing, in bytes: longer runs are not words people search for.
const MAX_WORD_BYTES: usize = 64;

/// British spellings with a doubled `l` that American English writes with one; the rest of
/// the British/American differences follow rules (see [`spelling`]).
const DOUBLED_L: &[(&str, &str)] = &[
    ("travelled", "traveled"),
    ("travelling", "traveling"),
    ("traveller", "traveler"),
    ("travellers", "travelers"),
    ("cancelled", "canceled"),
    ("cancelling", "canceling"),
    ("labelled", "labeled"),
    ("labelling", "labeling"),
    ("modelled", "modeled"),
    ("modelling", "modeling"),
    ("signalled", "signaled"),
    ("signalling", "signaling"),
    ("fuelled", "fueled"),
    ("fuelling", "fueling"),
    ("levelled", "leveled"),
    ("channelled", "channeled"),
    ("counselled", "counseled"),
    ("counsellor", "counselor"),
    ("totalled", "totaled"),
    ("jewellery", "jewelry"),
    ("marvellous", "marvelous"),
];

/// Nouns in -ence that American English writes -ense.
const ENCE_ENSE: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("defences", "defenses"),
    ("offence", "offense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("licences", "licenses"),
    ("pretence", "pretense"),
];

/// The words of a text, folded: lower case, accents dropped ("Ünïcode" → "unicode").
pub fn folded_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() <= MAX_WORD_BYTES)
        .map(fold)
}

/// A word in lower case without accents.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfkd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The American spelling of a folded British word, by rule: -ise/-isation → -ize/-ization,
/// -yse → -yze, -our → -or (in words of six letters or more, so "four" stays), -tre → -ter,
/// -ence → -ense and a doubled `l` for the words that have them. Applied to the text and the
/// search alike, so a rule that also changes a word with no other spelling does no harm.
pub(crate) fn spelling(word: &str) -> Cow<'_, str> {
    if let Some(&(_, us)) = DOUBLED_L.iter().chain(ENCE_ENSE).find(|(uk, _)| *uk == word) {
        return Cow::Borrowed(us);
    }
    for (uk, us) in [("is", "iz"), ("ys", "yz")] {
        for ending in ["e", "es", "ed", "ing", "ation", "ations", "er", "ers"] {
            if let Some(stem) = word.strip_suffix(ending).and_then(|w| w.strip_suffix(uk))
                && stem.chars().count() >= 3
            {
                return Cow::Owned(format!("{stem}{us}{ending}"));
            }
        }
    }
    for ending in ["our", "ours", "oured", "ouring", "ourite", "ourable"] {
        if let Some(stem) = word.strip_suffix(ending)
            && word.chars().count() >= 6
        {
            return Cow::Owned(format!("{stem}or{}", &ending[3..]));
        }
    }
    for (uk, us) in [("tre", "ter"), ("tres", "ters"), ("bre", "ber"), ("bres", "bers")] {
        if let Some(stem) = word.strip_suffix(uk)
            && stem.chars().count() >= 3
        {
            return Cow::Owned(format!("{stem}{us}"));
        }
    }
    Cow::Borrowed(word)
}

/// Turns folded words into search terms: one spelling, then the English Snowball stem.
pub struct Terms {
    stemmer: Stemmer,
}

impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Terms(English Snowball)")
    }
}

impl Default for Terms {
    fn default() -> Self {
        Terms {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

impl Terms {
    /// The term of a folded word ("destabilising" → "destabil").
    pub fn term(&self, folded: &str) -> String {
        self.stemmer.stem(&spelling(folded)).into_owned()
    }

    /// The terms of a text, in order.
    pub fn of<'t>(&'t self, text: &'t str) -> impl Iterator<Item = String> + 't {
        folded_words(text).map(move |w| self.term(&w))
    }
}

/// One thing a search asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Want {
    /// A word, by its term.
    Term(String),
    /// Words that start with this folded prefix ("destab*").
    Prefix(String),
    /// Terms in this order, next to each other.
    Phrase(Vec<String>),
}

/// A parsed search: every clause must match (AND); a clause matches when any of its
/// alternatives does (`OR`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// The clauses.
    pub clauses: Vec<Vec<Want>>,
}

impl SearchQuery {
    /// Reads search text: `"two words"` is a phrase, `OR` between two items joins them,
    /// `word*` is a prefix, and everything else must all match.
    pub fn parse(text: &str, terms: &Terms) -> SearchQuery {
        let mut items: Vec<Option<Want>> = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
            rest = &rest[start..];
            if let Some(inner) = rest.strip_prefix(['"', '“', '”']) {
                let end = inner.find(['"', '“', '”']).unwrap_or(inner.len());
                let words: Vec<String> = terms.of(&inner[..end]).collect();
                match words.len() {
                    0 => {}
                    1 => items.push(words.into_iter().next().map(Want::Term)),
                    _ => items.push(Some(Want::Phrase(words))),
                }
                // A closing mark is one character, so skip to the next char boundary.
                rest = inner[end..].chars().next().map_or("", |c| &inner[end + c.len_utf8()..]);
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            rest = &rest[end..];
            if token == "OR" {
                items.push(None);
                continue;
            }
            let prefix = token.ends_with('*');
            let mut words: Vec<String> = folded_words(token.trim_end_matches('*')).collect();
            if prefix {
                if let Some(last) = words.pop() {
                    items.extend(words.iter().map(|w| Some(Want::Term(terms.term(w)))));
                    items.push(Some(Want::Prefix(last)));
                }
            } else if words.len() > 1 {
                // "US-led" reads as the phrase it is.
                items.push(Some(Want::Phrase(words.iter().map(|w| terms.term(w)).collect())));
            } else if let Some(word) = words.pop() {
                items.push(Some(Want::Term(terms.term(&word))));
            }
        }
        let mut clauses: Vec<Vec<Want>> = Vec::new();
        let mut join = false;
        for item in items {
            match item {
                None => join = !clauses.is_empty(),
                Some(want) => {
                    match clauses.last_mut() {
                        Some(last) if join => last.push(want),
                        _ => clauses.push(vec![want]),
                    }
                    join = false;
                }
            }
        }
        for clause in &mut clauses {
            clause.dedup();
        }
        clauses.dedup();
        SearchQuery { clauses }
    }

    /// Whether the search asks for nothing.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Whether a folded word of a text is one the search looks for (to mark it).
    pub fn marks(&self, folded: &str, terms: &Terms) -> bool {
        let term = terms.term(folded);
        self.clauses.iter().flatten().any(|want| match want {
            Want::Term(t) => *t == term,
            Want::Prefix(p) => folded.starts_with(p.as_str()),
            Want::Phrase(words) => words.contains(&term),
        })
    }
}

/// Whether the terms of a text hold `phrase` in order, next to each other.
pub(crate) fn holds_phrase<T: AsRef<str>>(text_terms: &[T], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && text_terms
            .windows(phrase.len())
            .any(|w| w.iter().zip(phrase).all(|(a, b)| a.as_ref() == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_and_american_spellings_meet() {
        let terms = Terms::default();
        for (uk, us) in [
            ("destabilising", "destabilizing"),
            ("formalise", "formalize"),
            ("organisation", "organization"),
            ("analyse", "analyze"),
            ("colour", "color"),
            ("behaviour", "behavior"),
            ("centre", "center"),
            ("defence", "defense"),
            ("travelled", "traveled"),
        ] {
            assert_eq!(terms.term(uk), terms.term(us), "{uk} / {us}");
        }
        assert_ne!(terms.term("four"), terms.term("for"));
        assert_eq!(terms.term("concerns"), terms.term("concerned"));
        assert_eq!(fold("Ünïcode"), "unicode");
    }

    #[test]
    fn phrases_or_and_prefixes() {
        let terms = Terms::default();
        let q = SearchQuery::parse("\"red line\" China OR Beijing destab*", &terms);
        assert_eq!(
            q.clauses,
            [
                vec![Want::Phrase(vec!["red".into(), "line".into()])],
                vec![Want::Term(terms.term("china")), Want::Term(terms.term("beijing"))],
                vec![Want::Prefix("destab".into())],
            ]
        );
        assert!(SearchQuery::parse("  ", &terms).is_empty());
        assert_eq!(SearchQuery::parse("“red line”", &terms).clauses.len(), 1);
        let phrase = ["red".to_owned(), "line".to_owned()];
        assert!(holds_phrase(&["a", "red", "line"], &phrase));
        assert!(!holds_phrase(&["line", "red"], &phrase));
    }
}
