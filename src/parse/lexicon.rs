//! The curator-editable word lists the parser reads (`data/lexicon.toml`), validated with file-and-line errors.

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use serde::Deserialize;
use toml::Spanned;

use super::word_table::WordTable;
use crate::model::Gender;

/// The lexicon shipped with whosaid, compiled into the binary.
pub const BUILTIN_LEXICON: &str = include_str!("../../data/lexicon.toml");

/// The class bit of the derived set of words that open a cue phrase ("according").
const CUE_PHRASE_START_BIT: u64 = 1 << 63;
/// The class bit of the derived set of forms of "use" ("used the word").
const WORD_NOUN_VERB_BIT: u64 = 1 << 62;
/// Class bits no list from the file may take.
const RESERVED_BITS: u64 = CUE_PHRASE_START_BIT | WORD_NOUN_VERB_BIT;

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
    grammar: RawGrammar,
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
    object_verbs: Entries,
    between: Entries,
    according_to: Entries,
    phrasal: Entries,
    word_nouns: Entries,
    inverted: Entries,
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
    month_names: Entries,
    compass_words: Entries,
    places: Entries,
    organisation_words: Entries,
    outlet_words: Entries,
    event_words: Entries,
    female_first: Entries,
    male_first: Entries,
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
    groups: Entries,
    organisations: Entries,
    documents: Entries,
    generic_bodies: Entries,
    outlet_nouns: Entries,
    outlets: Entries,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrammar {
    determiners: Entries,
    prepositions: Entries,
    clause_words: Entries,
    copulas: Entries,
    time_words: Entries,
    addressee_stops: Entries,
    abbreviations: Entries,
    openers: Entries,
    adverbial_openers: Entries,
    place_prepositions: Entries,
    work_nouns: Entries,
    possessive_pronouns: Entries,
    indefinites: Entries,
    plural_verbs: Entries,
    personal_words: Entries,
    continuing_verbs: Entries,
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

/// A name word that marks a body ("Ministry").
pub(crate) const NAME_ORGANISATION: u8 = 1;
/// A name word that marks a news outlet ("Times").
pub(crate) const NAME_OUTLET: u8 = 2;
/// A name word that marks an event ("Olympics").
pub(crate) const NAME_EVENT: u8 = 4;

/// A set of single words that knows how it is matched: case-folded (a word matches in
/// any case) or as written (a capitalised name word matches only as written).
#[derive(Debug, Clone, Default)]
pub struct WordSet {
    words: WordTable<()>,
    folded: bool,
    /// For a case-folded set, its bit in a word's class mask (see [`Lexicon::classes`]).
    bit: u64,
}

impl WordSet {
    fn folded(words: FxHashSet<String>, bit: u64) -> Self {
        WordSet {
            words: words.iter().map(|w| w.to_lowercase()).map(|w| (w, ())).collect(),
            folded: true,
            bit,
        }
    }

    fn as_written(words: FxHashSet<String>) -> Self {
        WordSet {
            words: words.iter().map(|w| (w, ())).collect(),
            folded: false,
            bit: 0,
        }
    }

    /// The set's bit in a word's class mask; 0 for a set matched as written.
    pub fn bit(&self) -> u64 {
        self.bit
    }

    /// Whether the set holds `word` (in any case, for a case-folded set).
    pub fn contains(&self, word: &str) -> bool {
        if self.folded {
            self.words.get_folded(word).is_some()
        } else {
            self.words.get(word).is_some()
        }
    }
}

/// Word lists that drive the parser, each ready for fast lookup.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Speech verbs ("said", "told").
    pub cue_verbs: WordSet,
    /// Speech verbs that may come before their speaker ("…,” said Ruiz").
    pub inverted_verbs: WordSet,
    /// Participles that attribute to their sentence's subject ("saying").
    pub participles: WordSet,
    /// Verbs followed by whom they address ("told reporters").
    pub addressed_verbs: WordSet,
    /// Speech verbs whose object is a thing named, not what was said ("called", "urged").
    pub object_verbs: WordSet,
    /// Words allowed between a speaker and the verb ("also").
    pub between_words: WordSet,
    /// Multi-word source phrases, split into lower-case words (["according", "to"]).
    pub according_to: Vec<Vec<String>>,
    /// Two-word speech verbs, split into lower-case words (["points", "out"]).
    pub phrasal: Vec<Vec<String>>,
    /// Nouns after "used the" that make the next quote the subject's own word ("word", "term").
    pub word_nouns: WordSet,
    /// Honorifics, lower-cased, with the gender each marks ("ms" → female, "dr" → none).
    pub(crate) honorifics: WordTable<Option<Gender>>,
    /// Nouns that mark a gender ("brother", "sister"), lower-cased.
    pub(crate) gendered_nouns: WordTable<Gender>,
    /// Given names that mark a gender, as written.
    pub(crate) first_names: WordTable<Gender>,
    /// Lower-case particles inside names ("von").
    pub particles: WordSet,
    /// Family names written first (as written).
    pub family_first: WordSet,
    /// Capitalised words that are never part of a name (as written).
    pub not_names: WordSet,
    /// Month names that are also given names (as written).
    pub month_names: WordSet,
    /// Compass words that may stand in a place's name (as written).
    pub compass_words: WordSet,
    /// Countries, capitals and regions (as written).
    pub places: WordSet,
    /// Capitalised words that mark a body, not a person (as written).
    pub organisation_words: WordSet,
    /// Capitalised words that mark a news outlet (as written).
    pub outlet_words: WordSet,
    /// Capitalised words that mark an event (as written).
    pub event_words: WordSet,
    /// Nouns that head a role or end a title.
    pub role_nouns: WordSet,
    /// Words that may precede a role noun in a title.
    pub role_modifiers: WordSet,
    /// Heads of anonymous-source phrases.
    pub anonymous_heads: WordSet,
    /// Plural nouns naming a group of people, who are never one named speaker.
    pub group_nouns: WordSet,
    /// Heads of organisation phrases.
    pub organisation_heads: WordSet,
    /// Documents that speak for the last organisation quoted.
    pub document_heads: WordSet,
    /// News outlets and agencies, as written ("Reuters", "Al Jazeera").
    pub outlets: Vec<String>,
    /// Determiners that open a noun phrase.
    pub determiners: WordSet,
    /// Prepositions.
    pub prepositions: WordSet,
    /// Words that open a clause ("who", "that").
    pub clause_words: WordSet,
    /// Forms of "to be" and other linking verbs.
    pub copulas: WordSet,
    /// Words of a time phrase ("Tuesday", "night", "late").
    pub time_words: WordSet,
    /// Words that end whom a "told" addresses.
    pub addressee_stops: WordSet,
    /// Conjunctions and sentence adverbs skipped before a clause's subject ("But", "However").
    pub openers: WordSet,
    /// Words that open an adverbial ended by a comma before the subject ("Asked whether …,").
    pub adverbial_openers: WordSet,
    /// Prepositions after which a bare name is a place.
    pub place_prepositions: WordSet,
    /// Nouns before a work's title ("the documentary …").
    pub work_nouns: WordSet,
    /// Possessive pronouns ("my", "her").
    pub possessive_pronouns: WordSet,
    /// Determiners that make a phrase indefinite ("a", "one").
    pub indefinites: WordSet,
    /// Plural verbs ("are", "were").
    pub plural_verbs: WordSet,
    /// Words that show a subject is a person ("his", "she").
    pub personal_words: WordSet,
    /// Verbs that carry on a statement ("added").
    pub continuing_verbs: WordSet,
    /// Nouns for a body of any kind ("company").
    pub generic_bodies: WordSet,
    /// Nouns for a news outlet ("agency").
    pub outlet_nouns: WordSet,
    /// Abbreviations whose full stop does not end a sentence (as written).
    pub abbreviations: WordSet,
    /// Caption credit markers ("Photo:"), case as written.
    pub caption_markers: Vec<String>,
    /// Related-story markers, case as written.
    pub related_markers: Vec<String>,
    /// Footer markers, case as written.
    pub footer_markers: Vec<String>,
    /// Words that make the following quote a title or label.
    pub title_cues: WordSet,
    /// Every case-folded word with the bits of the sets that hold it, so that a token is
    /// classified against all of them with one lookup.
    classes: WordTable<u64>,
    /// Name words (as written) with what they mark: body, outlet, event.
    name_classes: WordTable<u8>,
    /// The outlets, for exact lookup.
    outlet_names: FxHashSet<String>,
    /// First words of multi-word cues ("according", "points"), case-folded.
    pub cue_phrase_starts: WordSet,
    /// The verbs of "used the word": "use", "used", "uses", "using".
    pub word_nouns_verbs: WordSet,
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
        let c = Checker { text, origin };
        let split = |phrases: Vec<String>| -> Vec<Vec<String>> {
            phrases
                .into_iter()
                .map(|phrase| phrase.split_whitespace().map(str::to_lowercase).collect())
                .collect()
        };
        let gendered = |male: FxHashSet<String>, female: FxHashSet<String>| -> WordTable<Gender> {
            male.into_iter()
                .map(|w| (w, Gender::Male))
                .chain(female.into_iter().map(|w| (w, Gender::Female)))
                .collect()
        };
        let next_bit = std::cell::Cell::new(1u64);
        let folded = |entries: &Entries, list: &str| {
            // Bits 62 and 63 belong to the derived sets below; a set past them (a file with
            // more than 62 lists) is looked up by its words instead of a class bit.
            let bit = next_bit.get() & !(RESERVED_BITS);
            next_bit.set(next_bit.get().checked_shl(1).unwrap_or(0));
            c.words(entries, list).map(|words| WordSet::folded(words, bit))
        };
        let written = |entries: &Entries, list: &str| c.words(entries, list).map(WordSet::as_written);
        Ok(Lexicon {
            cue_verbs: folded(&raw.cues.verbs, "cues.verbs")?,
            participles: folded(&raw.cues.participles, "cues.participles")?,
            inverted_verbs: folded(&raw.cues.inverted, "cues.inverted")?,
            addressed_verbs: folded(&raw.cues.addressed, "cues.addressed")?,
            object_verbs: folded(&raw.cues.object_verbs, "cues.object_verbs")?,
            between_words: folded(&raw.cues.between, "cues.between")?,
            according_to: split(c.phrases(&raw.cues.according_to, "cues.according_to")?),
            phrasal: split(c.phrases(&raw.cues.phrasal, "cues.phrasal")?),
            word_nouns: folded(&raw.cues.word_nouns, "cues.word_nouns")?,
            honorifics: [
                (c.lower_words(&raw.names.male, "names.male")?, Some(Gender::Male)),
                (c.lower_words(&raw.names.female, "names.female")?, Some(Gender::Female)),
                (c.lower_words(&raw.names.neutral, "names.neutral")?, None),
            ]
            .into_iter()
            .flat_map(|(words, gender)| words.into_iter().map(move |w| (w, gender)))
            .collect(),
            gendered_nouns: gendered(
                c.lower_words(&raw.names.male_nouns, "names.male_nouns")?,
                c.lower_words(&raw.names.female_nouns, "names.female_nouns")?,
            ),
            first_names: gendered(
                c.words(&raw.names.male_first, "names.male_first")?,
                c.words(&raw.names.female_first, "names.female_first")?,
            ),
            particles: folded(&raw.names.particles, "names.particles")?,
            family_first: written(&raw.names.family_first, "names.family_first")?,
            not_names: written(&raw.names.not_names, "names.not_names")?,
            month_names: written(&raw.names.month_names, "names.month_names")?,
            compass_words: written(&raw.names.compass_words, "names.compass_words")?,
            places: written(&raw.names.places, "names.places")?,
            organisation_words: written(&raw.names.organisation_words, "names.organisation_words")?,
            outlet_words: written(&raw.names.outlet_words, "names.outlet_words")?,
            event_words: written(&raw.names.event_words, "names.event_words")?,
            role_nouns: folded(&raw.roles.nouns, "roles.nouns")?,
            role_modifiers: folded(&raw.roles.modifiers, "roles.modifiers")?,
            anonymous_heads: folded(&raw.sources.anonymous, "sources.anonymous")?,
            group_nouns: folded(&raw.sources.groups, "sources.groups")?,
            organisation_heads: folded(&raw.sources.organisations, "sources.organisations")?,
            document_heads: folded(&raw.sources.documents, "sources.documents")?,
            outlets: c.phrases(&raw.sources.outlets, "sources.outlets")?,
            determiners: folded(&raw.grammar.determiners, "grammar.determiners")?,
            prepositions: folded(&raw.grammar.prepositions, "grammar.prepositions")?,
            clause_words: folded(&raw.grammar.clause_words, "grammar.clause_words")?,
            copulas: folded(&raw.grammar.copulas, "grammar.copulas")?,
            time_words: folded(&raw.grammar.time_words, "grammar.time_words")?,
            addressee_stops: folded(&raw.grammar.addressee_stops, "grammar.addressee_stops")?,
            openers: folded(&raw.grammar.openers, "grammar.openers")?,
            adverbial_openers: folded(&raw.grammar.adverbial_openers, "grammar.adverbial_openers")?,
            place_prepositions: folded(&raw.grammar.place_prepositions, "grammar.place_prepositions")?,
            work_nouns: folded(&raw.grammar.work_nouns, "grammar.work_nouns")?,
            possessive_pronouns: folded(&raw.grammar.possessive_pronouns, "grammar.possessive_pronouns")?,
            indefinites: folded(&raw.grammar.indefinites, "grammar.indefinites")?,
            plural_verbs: folded(&raw.grammar.plural_verbs, "grammar.plural_verbs")?,
            personal_words: folded(&raw.grammar.personal_words, "grammar.personal_words")?,
            continuing_verbs: folded(&raw.grammar.continuing_verbs, "grammar.continuing_verbs")?,
            generic_bodies: folded(&raw.sources.generic_bodies, "sources.generic_bodies")?,
            outlet_nouns: folded(&raw.sources.outlet_nouns, "sources.outlet_nouns")?,
            abbreviations: written(&raw.grammar.abbreviations, "grammar.abbreviations")?,
            caption_markers: c.phrases(&raw.layout.caption_markers, "layout.caption_markers")?,
            related_markers: c.phrases(&raw.layout.related_markers, "layout.related_markers")?,
            footer_markers: c.phrases(&raw.layout.footer_markers, "layout.footer_markers")?,
            title_cues: folded(&raw.quotes.title_cues, "quotes.title_cues")?,
            classes: WordTable::default(),
            name_classes: WordTable::default(),
            outlet_names: FxHashSet::default(),
            cue_phrase_starts: WordSet::default(),
            word_nouns_verbs: WordSet::default(),
        }
        .with_classes())
    }

    /// Fills the class maps from the sets.
    fn with_classes(mut self) -> Self {
        let starts: FxHashSet<String> = self
            .according_to
            .iter()
            .chain(&self.phrasal)
            .filter_map(|phrase| phrase.first().cloned())
            .collect();
        self.cue_phrase_starts = WordSet::folded(starts, CUE_PHRASE_START_BIT);
        self.word_nouns_verbs = WordSet::folded(
            ["use", "used", "uses", "using"]
                .into_iter()
                .map(str::to_owned)
                .collect(),
            WORD_NOUN_VERB_BIT,
        );
        let mut name_classes: WordTable<u8> = WordTable::default();
        for (set, bit) in [
            (&self.organisation_words, NAME_ORGANISATION),
            (&self.outlet_words, NAME_OUTLET),
            (&self.event_words, NAME_EVENT),
        ] {
            for (word, ()) in set.words.iter() {
                *name_classes.entry(&word) |= bit;
            }
        }
        self.name_classes = name_classes;
        self.outlet_names = self.outlets.iter().cloned().collect();
        let mut classes: WordTable<u64> = WordTable::default();
        for set in self.folded_sets() {
            for (word, ()) in set.words.iter() {
                *classes.entry(&word) |= set.bit;
            }
        }
        self.classes = classes;
        self
    }

    /// Every case-folded list, each with its class bit.
    fn folded_sets(&self) -> [&WordSet; 34] {
        [
            &self.cue_verbs,
            &self.participles,
            &self.inverted_verbs,
            &self.addressed_verbs,
            &self.object_verbs,
            &self.between_words,
            &self.word_nouns,
            &self.particles,
            &self.role_nouns,
            &self.role_modifiers,
            &self.anonymous_heads,
            &self.group_nouns,
            &self.organisation_heads,
            &self.document_heads,
            &self.determiners,
            &self.prepositions,
            &self.clause_words,
            &self.copulas,
            &self.time_words,
            &self.addressee_stops,
            &self.openers,
            &self.adverbial_openers,
            &self.place_prepositions,
            &self.work_nouns,
            &self.possessive_pronouns,
            &self.indefinites,
            &self.plural_verbs,
            &self.personal_words,
            &self.continuing_verbs,
            &self.title_cues,
            &self.generic_bodies,
            &self.outlet_nouns,
            &self.cue_phrase_starts,
            &self.word_nouns_verbs,
        ]
    }

    /// What a name word (as written) marks: [`NAME_ORGANISATION`], [`NAME_OUTLET`], [`NAME_EVENT`].
    pub fn name_class(&self, word: &str) -> u8 {
        self.name_classes.get(word).unwrap_or(0)
    }

    /// Whether a name is a listed outlet ("Al Jazeera").
    pub fn is_outlet(&self, name: &str) -> bool {
        self.outlet_names.contains(name)
    }

    /// The bits of every case-folded set that holds `word`.
    pub fn classes(&self, word: &str) -> u64 {
        self.classes.get_folded(word).unwrap_or(0)
    }

    /// Whether `word` is an honorific, and if so the gender it marks.
    pub fn honorific(&self, word: &str) -> Option<Option<Gender>> {
        let word = word.trim_end_matches('.');
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        self.honorifics.get_folded(word)
    }

    /// The gender a noun like "sister" or "spokesman" marks, if any.
    pub fn noun_gender(&self, word: &str) -> Option<Gender> {
        self.gendered_nouns.get_folded(word)
    }
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
    fn words(&self, entries: &Entries, list: &str) -> Result<FxHashSet<String>, LexiconError> {
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
            .words(entries, list)?
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
    fn every_folded_list_has_a_class_bit_that_its_words_carry() {
        let lexicon = Lexicon::builtin();
        for set in lexicon.folded_sets() {
            assert_ne!(set.bit(), 0, "a list without a class bit");
            for (word, ()) in set.words.iter() {
                assert_ne!(lexicon.classes(&word) & set.bit(), 0, "{word} lacks its list's bit");
            }
        }
    }

    #[test]
    fn multi_word_entry_in_word_list_is_rejected() {
        let text = BUILTIN_LEXICON.replacen("\"said\", ", "\"had said\", ", 1);
        let err = Lexicon::from_toml(&text, "lex.toml").unwrap_err().to_string();
        assert!(err.contains("not a single word"), "{err}");
    }
}
