//! Stage 4: find attribution cues ("Ana Ruiz said", "said an official", "according to the ministry") and who they name.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::names::{ReadName, is_name_word, is_possessive, read_name, run_ending_at, run_starting_at};
use super::tokens::Tok;
use crate::model::capitalise;

/// Longest appositive role read, in tokens.
const MAX_ROLE_TOKENS: usize = 45;
/// Longest phrase read for an unnamed source or an addressee, in words.
const MAX_PHRASE_WORDS: usize = 8;

/// Who a cue names, before it is resolved against the article's speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source<'a> {
    /// A name ("Ruiz", "Dr Ana Ruiz").
    Name(ReadName<'a>),
    /// A body named by a common noun ("the defence ministry").
    Organisation(String),
    /// Nobody in particular ("a senior official").
    Anonymous(String),
    /// A pronoun, lower-cased ("she").
    Pronoun(&'static str),
    /// A document that speaks for its issuer ("the statement").
    Document(&'a str),
}

/// A cue in a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Cue<'a> {
    /// Index of the sentence holding it.
    pub sentence: usize,
    /// Tokens covering the source and the verb.
    pub tokens: Range<usize>,
    /// Who it names.
    pub source: Source<'a>,
    /// The attributing words ("said", "told reporters", "according to").
    pub words: &'a str,
    /// An appositive role given with the name ("a professor at …").
    pub role: Option<&'a str>,
    /// It follows what it attributes ("…, Ruiz said"), rather than leading it.
    pub trailing: bool,
}

/// The appositive after a name that ends at token `name_end` ("Ana Ruiz, a
/// lecturer at …,"), read to the next comma; `None` unless it reads as a role.
pub(crate) fn appositive_after_name<'a>(
    text: &'a str,
    toks: &[Tok],
    lexicon: &Lexicon,
    name_end: usize,
    end: usize,
) -> Option<&'a str> {
    if name_end >= end || !toks[name_end].is_punct(',') {
        return None;
    }
    let first = name_end + 1;
    let mut last = first;
    while last < end && last - first < MAX_ROLE_TOKENS && toks[last].is_word() {
        last += 1;
    }
    if last == first || (last < end && !toks[last].is_punct(',')) {
        return None;
    }
    Finder { text, toks, lexicon }.role_text(first..last)
}

/// Every cue in a paragraph, in order.
pub(crate) fn find_cues<'a>(
    text: &'a str,
    toks: &[Tok],
    sentences: &[Range<usize>],
    lexicon: &Lexicon,
) -> Vec<Cue<'a>> {
    let finder = Finder { text, toks, lexicon };
    let mut cues = Vec::new();
    for (index, sentence) in sentences.iter().enumerate() {
        for i in sentence.clone() {
            if !toks[i].is_word() {
                continue;
            }
            let word = toks[i].text(text);
            // Cue words are lower-case (or, for a phrase, start a sentence).
            let first = word.as_bytes()[0];
            let cue = if first.is_ascii_lowercase() && lexicon.cue_verbs.contains(word) {
                finder.verb_cue(i, sentence)
            } else if first.is_ascii_lowercase() && lexicon.participles.contains(word) {
                finder.participle_cue(i, sentence)
            } else if lexicon.according_to_initial == 0
                || first.eq_ignore_ascii_case(&lexicon.according_to_initial)
                || !first.is_ascii()
            {
                finder.according_to_cue(i, sentence)
            } else {
                None
            };
            if let Some(mut cue) = cue {
                cue.sentence = index;
                cues.push(cue);
            }
        }
    }
    cues
}

/// What the cue readers share: the paragraph's text (lifetime `'a`, which
/// the cues borrow), its tokens and the lexicon.
struct Finder<'a, 'p> {
    text: &'a str,
    toks: &'p [Tok],
    lexicon: &'p Lexicon,
}

impl<'a> Finder<'a, '_> {
    fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).filter(|t| t.is_word()).map(|t| t.text(self.text))
    }

    fn lower_is(&self, i: usize, candidates: &[&str]) -> bool {
        self.word(i)
            .is_some_and(|w| candidates.iter().any(|c| w.eq_ignore_ascii_case(c)))
    }

    fn slice(&self, range: Range<usize>) -> &'a str {
        &self.text[self.toks[range.start].start..self.toks[range.end - 1].end]
    }

    /// A speech verb at `verb`: inverted ("…, said Ruiz") or with its subject before it.
    fn verb_cue(&self, verb: usize, sentence: &Range<usize>) -> Option<Cue<'a>> {
        let opens_clause =
            verb == sentence.start || self.toks[verb - 1].is_punct(',') || self.toks[verb - 1].is_quote();
        if opens_clause && let Some(cue) = self.inverted(verb, sentence) {
            return Some(cue);
        }
        let mut before = verb;
        while before > sentence.start
            && self
                .word(before - 1)
                .is_some_and(|w| Lexicon::is(&self.lexicon.between_words, w))
        {
            before -= 1;
        }
        if before == sentence.start {
            return None;
        }
        let last = before - 1;
        let (source, start, role) = if self.toks[last].is_punct(',') {
            self.appositive_subject(last, sentence)?
        } else {
            let (source, start) = self.subject_ending_at(last, sentence.start)?;
            (source, start, None)
        };
        let trailing =
            start > sentence.start && (self.toks[start - 1].is_punct(',') || self.toks[start - 1].is_quote());
        let (words, end) = self.verb_words(verb, sentence.end);
        Some(Cue {
            sentence: 0,
            tokens: start..end,
            source,
            words,
            role,
            trailing,
        })
    }

    /// "…, said Oh Min-ji, a lecturer at …": the verb, then its source.
    fn inverted(&self, verb: usize, sentence: &Range<usize>) -> Option<Cue<'a>> {
        let (source, after) = self.source_starting_at(verb + 1, sentence.end)?;
        if !self.ends_phrase(after, sentence.end) {
            return None;
        }
        let role = match source {
            Source::Name(_) if after < sentence.end && self.toks[after].is_punct(',') => {
                self.role_after(after + 1, sentence.end)
            }
            _ => None,
        };
        Some(Cue {
            sentence: 0,
            tokens: verb..after,
            source,
            words: self.word(verb).unwrap_or_default(),
            role,
            trailing: verb > sentence.start,
        })
    }

    /// "The bank held rates, saying …": the participle speaks for the sentence's subject.
    fn participle_cue(&self, at: usize, sentence: &Range<usize>) -> Option<Cue<'a>> {
        if at == sentence.start || !self.toks[at - 1].is_punct(',') {
            return None;
        }
        // Speech follows: "saying that …", "calling it “prudent”" — not "adding to pressure".
        let speech_follows =
            (at + 1..(at + 4).min(sentence.end)).any(|k| self.toks[k].is_quote() || self.lower_is(k, &["that"]));
        if !speech_follows {
            return None;
        }
        let mut first = sentence.start;
        if self
            .word(first)
            .is_some_and(|w| self.lexicon.not_names.contains(w) && !matches!(w, "He" | "She"))
        {
            first += 1;
        }
        let word = self.word(first)?;
        let source = if let Some(pronoun) = ["he", "she"].into_iter().find(|p| word.eq_ignore_ascii_case(p)) {
            Source::Pronoun(pronoun)
        } else if is_name_word(self.toks, first) {
            // A lone capitalised word opening a sentence ("Prices rose, …") is
            // too weak a sign of a speaker: a full name, a title or an honorific is needed.
            let run = run_starting_at(self.toks, self.text, self.lexicon, first, at)?;
            let name = read_name(self.toks, self.text, self.lexicon, run)?;
            if !(name.is_full() || name.title.is_some() || name.gender.is_some() || name.organisation) {
                return None;
            }
            name_source(name)
        } else {
            // "The central bank held …": the first head noun within a few words.
            let head = (first..at.min(first + MAX_PHRASE_WORDS / 2))
                .take_while(|&k| self.toks[k].is_word())
                .find(|&k| self.word(k).is_some_and(|w| self.is_phrase_head(w)))?;
            self.classify_phrase(first..head + 1, self.word(head)?, first..head + 1)?
        };
        Some(Cue {
            sentence: 0,
            tokens: at..at + 1,
            source,
            words: self.word(at).unwrap_or_default(),
            role: None,
            trailing: false,
        })
    }

    /// "…, according to the ministry".
    fn according_to_cue(&self, at: usize, sentence: &Range<usize>) -> Option<Cue<'a>> {
        let phrase = self.lexicon.according_to.iter().find(|phrase| {
            phrase
                .iter()
                .enumerate()
                .all(|(k, word)| at + k < sentence.end && self.lower_is(at + k, &[word.as_str()]))
        })?;
        let first = at + phrase.len();
        let (source, after) = self.source_starting_at(first, sentence.end)?;
        if !self.ends_phrase(after, sentence.end) {
            return None;
        }
        Some(Cue {
            sentence: 0,
            tokens: at..after,
            source,
            words: self.slice(at..first),
            role: None,
            trailing: at > sentence.start,
        })
    }

    /// The verb, and for "told" and the like, whom it addresses; and the token after them.
    fn verb_words(&self, verb: usize, end: usize) -> (&'a str, usize) {
        let word = self.word(verb).unwrap_or_default();
        if !self.lexicon.addressed_verbs.contains(word) {
            return (word, verb + 1);
        }
        let mut last = verb;
        while last + 1 < end
            && last - verb < MAX_PHRASE_WORDS
            && self.toks[last + 1].is_word()
            && !self.lower_is(
                last + 1,
                &[
                    "that", "he", "she", "they", "it", "on", "in", "at", "during", "last", "after", "before", "when",
                    "while", "as",
                ],
            )
        {
            last += 1;
        }
        (self.slice(verb..last + 1), last + 1)
    }

    /// What may follow a source: punctuation, a quote, the end, or a
    /// preposition ("said Ruiz in a statement") — not a verb ("said Lena could").
    fn ends_phrase(&self, at: usize, end: usize) -> bool {
        at >= end
            || !self.toks[at].is_word()
            || self.lower_is(
                at,
                &[
                    "in",
                    "on",
                    "at",
                    "during",
                    "last",
                    "this",
                    "yesterday",
                    "today",
                    "earlier",
                    "of",
                    "who",
                    "when",
                    "after",
                    "before",
                    "while",
                    "and",
                ],
            )
    }

    /// A source read forwards from `first`; returns it and the token after it.
    fn source_starting_at(&self, first: usize, end: usize) -> Option<(Source<'a>, usize)> {
        let word = self.word(first)?;
        if first >= end {
            return None;
        }
        if let Some(pronoun) = ["he", "she"].into_iter().find(|p| *p == word) {
            return Some((Source::Pronoun(pronoun), first + 1));
        }
        // "said defence minister Ana Ruiz": a lower-case title, then the name.
        let mut name_at = first;
        while name_at < end
            && name_at - first < MAX_PHRASE_WORDS
            && self.word(name_at).is_some_and(|w| {
                Lexicon::is(&self.lexicon.role_modifiers, w) || Lexicon::is(&self.lexicon.role_nouns, w)
            })
            && !is_name_word(self.toks, name_at)
        {
            name_at += 1;
        }
        let titled = name_at > first
            && self
                .word(name_at - 1)
                .is_some_and(|w| Lexicon::is(&self.lexicon.role_nouns, w));
        let name_at = if titled { name_at } else { first };
        if name_at < end && is_name_word(self.toks, name_at) {
            let run = run_starting_at(self.toks, self.text, self.lexicon, name_at, end)?;
            let after = run.end;
            let name = read_name(self.toks, self.text, self.lexicon, run)?;
            return Some((name_source(name), after));
        }
        self.phrase_starting_at(first, end)
    }

    /// "the defence ministry", "a senior official for the ministry", read forwards.
    fn phrase_starting_at(&self, first: usize, end: usize) -> Option<(Source<'a>, usize)> {
        let mut after = first;
        while after < end && after - first < MAX_PHRASE_WORDS && self.toks[after].is_word() {
            let word = self.word(after).unwrap_or_default();
            if after > first && is_preposition(word) {
                break;
            }
            after += 1;
        }
        if after == first {
            return None;
        }
        let head = self.word(after - 1)?;
        let mut phrase_end = after;
        if after < end && self.word(after).is_some_and(is_preposition) {
            if let Some((_, tail)) = self.phrase_starting_at(after + 1, end) {
                phrase_end = tail;
            } else if let Some(run) = run_starting_at(self.toks, self.text, self.lexicon, after + 1, end) {
                phrase_end = run.end;
            }
        }
        let source = self.classify_phrase(first..after, head, first..phrase_end)?;
        Some((source, phrase_end))
    }

    /// The subject ending at token `last`: a pronoun, a name, or a phrase.
    fn subject_ending_at(&self, last: usize, floor: usize) -> Option<(Source<'a>, usize)> {
        let word = self.word(last)?;
        if let Some(pronoun) = ["he", "she", "they", "it"]
            .into_iter()
            .find(|p| word.eq_ignore_ascii_case(p))
        {
            return Some((Source::Pronoun(pronoun), last));
        }
        if is_possessive(word) {
            return None;
        }
        if let Some(run) = run_ending_at(self.toks, self.text, self.lexicon, last, floor)
            && !(run.len() == 1 && self.is_phrase_head(word))
        {
            let start = run.start;
            if let Some(name) = read_name(self.toks, self.text, self.lexicon, run) {
                // "Kenji Watanabe of Kyoto University said": the person speaks.
                if name.organisation
                    && start >= floor + 2
                    && self.lower_is(start - 1, &["of", "at", "from"])
                    && let Some(person) = run_ending_at(self.toks, self.text, self.lexicon, start - 2, floor)
                    && let Some(person_name) = read_name(self.toks, self.text, self.lexicon, person.clone())
                    && !person_name.organisation
                {
                    return Some((Source::Name(person_name), person.start));
                }
                return Some((name_source(name), start));
            }
        }
        self.phrase_ending_at(last, floor)
    }

    fn is_phrase_head(&self, word: &str) -> bool {
        Lexicon::is(&self.lexicon.anonymous_heads, word)
            || Lexicon::is(&self.lexicon.organisation_heads, word)
            || Lexicon::is(&self.lexicon.document_heads, word)
    }

    /// "officials", "the foreign ministry", "a spokesman for the ministry", read backwards.
    fn phrase_ending_at(&self, last: usize, floor: usize) -> Option<(Source<'a>, usize)> {
        let head = self.word(last)?;
        if !self.is_phrase_head(head) {
            return None;
        }
        let mut start = last;
        while start > floor && last - start < MAX_PHRASE_WORDS {
            let Some(prev) = self.word(start - 1) else {
                break;
            };
            if is_determiner(prev) {
                start -= 1;
                break;
            }
            if is_preposition(prev) || self.lexicon.cue_verbs.contains(prev) || is_clause_word(prev) {
                break;
            }
            start -= 1;
        }
        // "a spokesman for the ministry": the source is the outer phrase.
        if start >= floor + 2
            && self.word(start - 1).is_some_and(is_preposition)
            && let Some((outer, outer_start)) = self.phrase_ending_at(start - 2, floor)
            && matches!(outer, Source::Anonymous(_))
        {
            let whole = self.slice(outer_start..last + 1);
            return Some((Source::Anonymous(whole.to_owned()), outer_start));
        }
        let source = self.classify_phrase(start..last + 1, head, start..last + 1)?;
        Some((source, start))
    }

    /// An unnamed source or an organisation, by the head of the phrase.
    fn classify_phrase(&self, core: Range<usize>, head: &str, whole: Range<usize>) -> Option<Source<'a>> {
        let first = self.word(core.start).unwrap_or_default();
        if Lexicon::is(&self.lexicon.anonymous_heads, head) {
            return Some(Source::Anonymous(self.slice(whole).to_owned()));
        }
        if Lexicon::is(&self.lexicon.document_heads, head) {
            return is_determiner(first).then(|| Source::Document(self.slice(core)));
        }
        if Lexicon::is(&self.lexicon.organisation_heads, head) {
            let body = if is_determiner(first) && core.len() > 1 {
                core.start + 1..core.end
            } else {
                core
            };
            return Some(Source::Organisation(capitalise(self.slice(body))));
        }
        None
    }

    /// "Ana Ruiz, a lecturer at …, said": the name at a clause start, then its role.
    fn appositive_subject(
        &self,
        comma: usize,
        sentence: &Range<usize>,
    ) -> Option<(Source<'a>, usize, Option<&'a str>)> {
        let floor = comma.saturating_sub(MAX_ROLE_TOKENS).max(sentence.start);
        // Clauses start at the sentence start, after a comma, or after a quote.
        let starts = std::iter::once(floor).chain(
            (floor..comma)
                .filter(|&k| self.toks[k].is_punct(',') || self.toks[k].is_quote())
                .map(|k| k + 1),
        );
        let mut previous_start = None;
        for start in starts {
            let clause_before = previous_start.replace(start);
            let mut first = start;
            if self
                .word(first)
                .is_some_and(|w| self.lexicon.not_names.contains(w) && !matches!(w, "He" | "She"))
            {
                first += 1;
            }
            let Some(run) = run_starting_at(self.toks, self.text, self.lexicon, first, comma) else {
                continue;
            };
            // "The minister’s spokeswoman, Hana Berg, said": the role comes first.
            if run.end == comma && start > floor && self.toks[start - 1].is_punct(',') {
                let name = read_name(self.toks, self.text, self.lexicon, run.clone())?;
                let role = clause_before
                    .filter(|&b| b < start - 1)
                    .and_then(|b| self.role_text(b..start - 1));
                return Some((name_source(name), run.start, role));
            }
            if run.end >= comma || !self.toks[run.end].is_punct(',') {
                continue;
            }
            let role_tokens = run.end + 1..comma;
            if role_tokens.is_empty() || self.toks[role_tokens.clone()].iter().any(Tok::is_quote) {
                continue;
            }
            let name = read_name(self.toks, self.text, self.lexicon, run.clone())?;
            let role = self.role_text(role_tokens);
            return Some((name_source(name), run.start, role));
        }
        None
    }

    /// A role after a name and a comma, to the end of the clause.
    fn role_after(&self, first: usize, end: usize) -> Option<&'a str> {
        let mut last = first;
        while last < end && last - first < MAX_ROLE_TOKENS {
            let tok = &self.toks[last];
            if tok.is_quote() || tok.is_punct(';') || tok.is_punct(':') || tok.is_punct('(') {
                break;
            }
            if tok.is_punct(',')
                && self
                    .word(last + 1)
                    .is_some_and(|w| is_clause_word(w) || w.ends_with("ing"))
            {
                break;
            }
            last += 1;
        }
        while last > first && !self.toks[last - 1].is_word() {
            last -= 1;
        }
        if last == first {
            return None;
        }
        self.role_text(first..last)
    }

    /// Role words, kept only if they read as a role: a role noun, or a
    /// phrase opening with an article ("the Baltic chair at …").
    fn role_text(&self, range: Range<usize>) -> Option<&'a str> {
        // "Carla Mendes, 45, a teacher in Lisbon,": the age is not the role.
        let mut range = range;
        if range.len() > 2
            && self
                .word(range.start)
                .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
            && self.toks[range.start + 1].is_punct(',')
        {
            range.start += 2;
        }
        let words: Vec<&str> = range.clone().filter_map(|i| self.word(i)).collect();
        let reads_as_role = words
            .first()
            .is_some_and(|w| ["a", "an", "the"].iter().any(|d| w.eq_ignore_ascii_case(d)))
            || words
                .iter()
                .any(|w| w.split('-').any(|part| Lexicon::is(&self.lexicon.role_nouns, part)));
        reads_as_role.then(|| self.slice(range))
    }
}

fn name_source(name: ReadName<'_>) -> Source<'_> {
    if name.organisation {
        Source::Organisation(name.name.to_owned())
    } else {
        Source::Name(name)
    }
}

fn is_determiner(word: &str) -> bool {
    [
        "the", "a", "an", "one", "two", "three", "several", "some", "many", "other", "its", "their", "his", "her",
        "our",
    ]
    .iter()
    .any(|d| word.eq_ignore_ascii_case(d))
        || is_possessive(word)
}

fn is_preposition(word: &str) -> bool {
    matches!(word, "for" | "of" | "at" | "from" | "with" | "in" | "to" | "on" | "by")
}

fn is_clause_word(word: &str) -> bool {
    [
        "who", "which", "that", "and", "but", "as", "while", "where", "when", "because", "although", "if", "said",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tokens::{find_quotes, sentences, tokenize};

    fn cues(text: &str) -> Vec<(String, String, Option<String>)> {
        let lexicon = Lexicon::builtin();
        let quotes = find_quotes(text);
        let toks = tokenize(text, &quotes, &lexicon);
        let sents = sentences(text, &toks, &quotes);
        find_cues(text, &toks, &sents, &lexicon)
            .into_iter()
            .map(|c| {
                let who = match c.source {
                    Source::Name(n) => n.name.to_owned(),
                    Source::Organisation(o) => format!("org:{o}"),
                    Source::Anonymous(a) => format!("anon:{a}"),
                    Source::Pronoun(p) => format!("pron:{p}"),
                    Source::Document(d) => format!("doc:{d}"),
                };
                (who, c.words.to_owned(), c.role.map(str::to_owned))
            })
            .collect()
    }

    #[test]
    fn cue_shapes() {
        let one = |text: &str| cues(text).into_iter().next();
        let cases: &[(&str, &str, &str, Option<&str>)] = &[
            ("The port will close, Ana Ruiz said.", "Ana Ruiz", "said", None),
            (
                "“It is over,” said Ana Ruiz, a lecturer at Vigo University.",
                "Ana Ruiz",
                "said",
                Some("a lecturer at Vigo University"),
            ),
            (
                "Tomás Reyes, deputy mayor of the city, said on Monday that the port would close.",
                "Tomás Reyes",
                "said",
                Some("deputy mayor of the city"),
            ),
            (
                "“No,” he told local broadcaster Radio Norte.",
                "pron:he",
                "told local broadcaster Radio Norte",
                None,
            ),
            (
                "Prices will rise, according to the central bank.",
                "org:Central bank",
                "according to",
                None,
            ),
            (
                "The talks failed, a senior official said.",
                "anon:a senior official",
                "said",
                None,
            ),
            (
                "The talks failed, said a spokesman for the ministry.",
                "anon:a spokesman for the ministry",
                "said",
                None,
            ),
            ("KCNA reported that the launch succeeded.", "org:KCNA", "reported", None),
            (
                "But Lindqvist stressed that nothing was agreed.",
                "Lindqvist",
                "stressed",
                None,
            ),
        ];
        for (text, who, words, role) in cases {
            let (got_who, got_words, got_role) = one(text).unwrap_or_else(|| panic!("no cue: {text}"));
            assert_eq!(
                (got_who.as_str(), got_words.as_str(), got_role.as_deref()),
                (*who, *words, *role),
                "{text}"
            );
        }
    }

    #[test]
    fn not_cues() {
        for text in [
            "His remarks suggested that talks had stalled.",
            "Nobody said Hugo could stay, the report said.",
            "She is said to be undecided.",
        ] {
            let found = cues(text);
            assert!(
                found.iter().all(|(who, ..)| who != "Hugo" && who != "His"),
                "{text}: {found:?}"
            );
        }
    }
}
