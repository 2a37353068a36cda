//! The curator-editable word lists the parser reads (`data/lexicon.toml`), validated with file-and-line errors.

use std::collections::HashSet;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Deserialize;
use toml::Spanned;

use crate::model::Gender;

/// The lexicon shipped with whosaid, compiled into the binary.
pub const BUILTIN_LEXICON: &str = include_str!("../../data/lexicon.toml");

/// A lexicon file that could not be used, with the line that is wrong.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// The file is not valid TOML or does not have the expected tables.
    #[error("{origin}:{line}: {message}")]
    Syntax {
        /// Where the text came from (a path, or "built-in lexicon").
        origin: String,
        /// 1-based line of the problem.
        line: usize,
        /// What the TOML reader said.
        message: String,
    },
    /// An entry is present but cannot be used.
    #[error("{origin}:{line}: {list}: {message}")]
    Entry {
        /// Where the text came from.
        origin: String,
        /// 1-based line of the entry.
        line: usize,
        /// The list holding it, as `table.key`.
        list: String,
        /// What is wrong with it.
        message: String,
    },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    cues: RawCues,
    names: RawNames,
    roles: RawRoles,
    sources: RawSources,
    layout: RawLayout,
    quotes: RawQuotes,
}

type Entries = Vec<Spanned<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCues {
    verbs: Entries,
    participles: Entries,
    addressed: Entries,
    between: Entries,
    according_to: Entries,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNames {
    male: Entries,
    female: Entries,
    neutral: Entries,
    male_nouns: Entries,
    female_nouns: Entries,
    particles: Entries,
    family_first: Entries,
    not_names: Entries,
    organisation_words: Entries,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRoles {
    nouns: Entries,
    modifiers: Entries,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSources {
    anonymous: Entries,
    organisations: Entries,
    documents: Entries,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayout {
    caption_markers: Entries,
    related_markers: Entries,
    footer_markers: Entries,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuotes {
    title_cues: Entries,
}

/// Word lists that drive the parser, each ready for fast lookup.
///
/// Word sets hold lower-cased entries unless noted; look words up with
/// [`Lexicon::is`].
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Speech verbs ("said", "told").
    pub cue_verbs: FxHashSet<String>,
    /// Participles that attribute to their sentence's subject ("saying").
    pub participles: FxHashSet<String>,
    /// Verbs followed by whom they address ("told reporters").
    pub addressed_verbs: FxHashSet<String>,
    /// Words allowed between a speaker and the verb ("also").
    pub between_words: FxHashSet<String>,
    /// Multi-word source phrases, split into lower-case words (["according", "to"]).
    pub according_to: Vec<Vec<String>>,
    /// The first byte of every source phrase, lower-cased, when they share one
    /// (a quick test before matching); 0 when they do not.
    pub according_to_initial: u8,
    /// Honorifics, lower-cased, with the gender each marks ("ms" → female, "dr" → none).
    pub honorifics: FxHashMap<String, Option<Gender>>,
    /// Nouns that mark a gender ("brother", "sister"), lower-cased.
    pub gendered_nouns: FxHashMap<String, Gender>,
    /// Lower-case particles inside names ("von").
    pub particles: FxHashSet<String>,
    /// Family names written first (case as written).
    pub family_first: FxHashSet<String>,
    /// Capitalised words that are never part of a name (case as written).
    pub not_names: FxHashSet<String>,
    /// Capitalised words that mark a body or place, not a person (case as written).
    pub organisation_words: FxHashSet<String>,
    /// Nouns that head a role or end a title.
    pub role_nouns: FxHashSet<String>,
    /// Words that may precede a role noun in a title.
    pub role_modifiers: FxHashSet<String>,
    /// Heads of anonymous-source phrases.
    pub anonymous_heads: FxHashSet<String>,
    /// Heads of organisation phrases.
    pub organisation_heads: FxHashSet<String>,
    /// Documents that speak for the last organisation quoted.
    pub document_heads: FxHashSet<String>,
    /// Caption credit markers ("Photo:"), case as written.
    pub caption_markers: Vec<String>,
    /// Related-story markers, case as written.
    pub related_markers: Vec<String>,
    /// Footer markers, case as written.
    pub footer_markers: Vec<String>,
    /// Words that make the following quote a title or label.
    pub title_cues: FxHashSet<String>,
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    ///
    /// # Panics
    /// Never in a released build: a test parses the shipped file.
    pub fn builtin() -> Self {
        match Self::from_toml(BUILTIN_LEXICON, "built-in lexicon") {
            Ok(lexicon) => lexicon,
            Err(err) => panic!("the shipped lexicon is invalid: {err}"),
        }
    }

    /// Reads and validates a lexicon; `origin` names the source in errors.
    pub fn from_toml(text: &str, origin: &str) -> Result<Self, LexiconError> {
        let raw: RawLexicon = toml::from_str(text).map_err(|err| LexiconError::Syntax {
            origin: origin.to_owned(),
            line: err.span().map_or(1, |span| line_of(text, span.start)),
            message: err.message().trim().to_owned(),
        })?;
        let checker = Checker { text, origin };
        let according_to: Vec<Vec<String>> = checker
            .phrases(&raw.cues.according_to, "cues.according_to")?
            .into_iter()
            .map(|phrase| phrase.split_whitespace().map(str::to_lowercase).collect())
            .collect();
        let initials: HashSet<u8> = according_to
            .iter()
            .filter_map(|words| words.first().and_then(|w| w.bytes().next()))
            .collect();
        let according_to_initial = match initials.into_iter().collect::<Vec<_>>().as_slice() {
            [one] if one.is_ascii() => *one,
            _ => 0,
        };
        Ok(Lexicon {
            cue_verbs: checker.lower_words(&raw.cues.verbs, "cues.verbs")?,
            participles: checker.lower_words(&raw.cues.participles, "cues.participles")?,
            addressed_verbs: checker.lower_words(&raw.cues.addressed, "cues.addressed")?,
            between_words: checker.lower_words(&raw.cues.between, "cues.between")?,
            according_to,
            according_to_initial,
            honorifics: [
                (checker.lower_words(&raw.names.male, "names.male")?, Some(Gender::Male)),
                (
                    checker.lower_words(&raw.names.female, "names.female")?,
                    Some(Gender::Female),
                ),
                (checker.lower_words(&raw.names.neutral, "names.neutral")?, None),
            ]
            .into_iter()
            .flat_map(|(words, gender)| words.into_iter().map(move |w| (w, gender)))
            .collect(),
            gendered_nouns: [
                (
                    checker.lower_words(&raw.names.male_nouns, "names.male_nouns")?,
                    Gender::Male,
                ),
                (
                    checker.lower_words(&raw.names.female_nouns, "names.female_nouns")?,
                    Gender::Female,
                ),
            ]
            .into_iter()
            .flat_map(|(words, gender)| words.into_iter().map(move |w| (w, gender)))
            .collect(),
            particles: checker.lower_words(&raw.names.particles, "names.particles")?,
            family_first: checker.cased_words(&raw.names.family_first, "names.family_first")?,
            not_names: checker.cased_words(&raw.names.not_names, "names.not_names")?,
            organisation_words: checker.cased_words(&raw.names.organisation_words, "names.organisation_words")?,
            role_nouns: checker.lower_words(&raw.roles.nouns, "roles.nouns")?,
            role_modifiers: checker.lower_words(&raw.roles.modifiers, "roles.modifiers")?,
            anonymous_heads: checker.lower_words(&raw.sources.anonymous, "sources.anonymous")?,
            organisation_heads: checker.lower_words(&raw.sources.organisations, "sources.organisations")?,
            document_heads: checker.lower_words(&raw.sources.documents, "sources.documents")?,
            caption_markers: checker.phrases(&raw.layout.caption_markers, "layout.caption_markers")?,
            related_markers: checker.phrases(&raw.layout.related_markers, "layout.related_markers")?,
            footer_markers: checker.phrases(&raw.layout.footer_markers, "layout.footer_markers")?,
            title_cues: checker.lower_words(&raw.quotes.title_cues, "quotes.title_cues")?,
        })
    }

    /// Whether `word`, lower-cased, is in `set`.
    pub fn is(set: &FxHashSet<String>, word: &str) -> bool {
        with_lowercase(word, |lower| set.contains(lower))
    }

    /// Whether `word` is an honorific, and if so the gender it marks.
    pub fn honorific(&self, word: &str) -> Option<Option<Gender>> {
        let word = word.trim_end_matches('.');
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        with_lowercase(word, |lower| self.honorifics.get(lower).copied())
    }

    /// The gender a noun like "sister" or "spokesman" marks, if any.
    pub fn noun_gender(&self, word: &str) -> Option<Gender> {
        with_lowercase(word, |lower| self.gendered_nouns.get(lower).copied())
    }
}

/// Calls `f` with `word` lower-cased, without allocating for short ASCII words.
fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    if !word.chars().any(char::is_uppercase) {
        return f(word);
    }
    let mut buffer = [0u8; 32];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::builtin()
    }
}

struct Checker<'a> {
    text: &'a str,
    origin: &'a str,
}

impl Checker<'_> {
    fn error(&self, entry: &Spanned<String>, list: &str, message: String) -> LexiconError {
        LexiconError::Entry {
            origin: self.origin.to_owned(),
            line: line_of(self.text, entry.span().start),
            list: list.to_owned(),
            message,
        }
    }

    /// Entries as written: non-empty, trimmed, no duplicates, at least one.
    fn phrases(&self, entries: &Entries, list: &str) -> Result<Vec<String>, LexiconError> {
        let mut seen = HashSet::new();
        for entry in entries {
            let value = entry.get_ref();
            if value.trim().is_empty() {
                return Err(self.error(entry, list, "an entry is empty".to_owned()));
            }
            if value.trim() != value {
                return Err(self.error(entry, list, format!("{value:?} has spaces at its ends")));
            }
            if !seen.insert(value.clone()) {
                return Err(self.error(entry, list, format!("{value:?} is listed twice")));
            }
        }
        if entries.is_empty() {
            return Err(LexiconError::Entry {
                origin: self.origin.to_owned(),
                line: 1,
                list: list.to_owned(),
                message: "the list is empty".to_owned(),
            });
        }
        Ok(entries.iter().map(|e| e.get_ref().clone()).collect())
    }

    /// Single words, kept as written.
    fn cased_words(&self, entries: &Entries, list: &str) -> Result<FxHashSet<String>, LexiconError> {
        let words = self.phrases(entries, list)?;
        for (entry, word) in entries.iter().zip(&words) {
            if word.contains(char::is_whitespace) {
                return Err(self.error(entry, list, format!("{word:?} is not a single word")));
            }
        }
        Ok(words.into_iter().collect())
    }

    /// Single words, lower-cased.
    fn lower_words(&self, entries: &Entries, list: &str) -> Result<FxHashSet<String>, LexiconError> {
        Ok(self
            .cased_words(entries, list)?
            .into_iter()
            .map(|w| w.to_lowercase())
            .collect())
    }
}

/// The 1-based line holding byte `offset` of `text`.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicon_is_valid() {
        Lexicon::from_toml(BUILTIN_LEXICON, "data/lexicon.toml").unwrap();
    }

    #[test]
    fn duplicate_entry_names_its_line() {
        let text = BUILTIN_LEXICON.replacen("\"said\", ", "\"said\", \"said\", ", 1);
        let err = Lexicon::from_toml(&text, "lex.toml").unwrap_err().to_string();
        assert!(err.starts_with("lex.toml:"), "{err}");
        assert!(err.contains("\"said\" is listed twice"), "{err}");
        let line: usize = err.split(':').nth(1).unwrap().parse().unwrap();
        assert!(text.lines().nth(line - 1).unwrap().contains("\"said\", \"said\""));
    }

    #[test]
    fn empty_entry_is_rejected() {
        let text = BUILTIN_LEXICON.replacen("\"said\", ", "\"\", ", 1);
        let err = Lexicon::from_toml(&text, "lex.toml").unwrap_err().to_string();
        assert!(err.contains("cues.verbs: an entry is empty"), "{err}");
    }

    #[test]
    fn unknown_table_is_a_syntax_error_with_line() {
        let text = format!("{BUILTIN_LEXICON}\n[extra]\nwords = []\n");
        let err = Lexicon::from_toml(&text, "lex.toml").unwrap_err();
        assert!(matches!(err, LexiconError::Syntax { .. }), "{err}");
    }

    #[test]
    fn multi_word_entry_in_word_list_is_rejected() {
        let text = BUILTIN_LEXICON.replacen("\"said\", ", "\"had said\", ", 1);
        let err = Lexicon::from_toml(&text, "lex.toml").unwrap_err().to_string();
        assert!(err.contains("not a single word"), "{err}");
    }
}
