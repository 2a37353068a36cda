//! Names in running text: runs of capitalised words, honorifics, titles before a name, name order.

use std::ops::Range;

use super::lexicon::{Lexicon, NAME_EVENT, NAME_ORGANISATION, NAME_OUTLET};
use super::tokens::Tok;
use crate::model::Gender;

/// Longest run of tokens read as one name (honorifics and titles included).
const MAX_NAME_TOKENS: usize = 7;
/// Longest title read before a name, in words.
const MAX_TITLE_WORDS: usize = 6;

/// A name as read from the text, with what surrounds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadName<'a> {
    /// The name as written, honorifics and title removed ("Lee Jae-won").
    pub name: &'a str,
    /// Gender an honorific gives ("Ms").
    pub gender: Option<Gender>,
    /// A capitalised title inside the run ("Foreign Minister").
    pub title: Option<&'a str>,
    /// An honorific dropped from the front ("Professor", "Judge").
    pub honorific: Option<&'a str>,
    /// The run names a body or place, not a person.
    pub organisation: bool,
    /// The run names a news outlet or agency.
    pub outlet: bool,
    /// The run names an event ("the Winter Olympics").
    pub event: bool,
    /// Token range of the name itself.
    pub tokens: Range<usize>,
    /// The name has more than one word (asked often, so counted once).
    full: bool,
}

impl<'a> ReadName<'a> {
    /// The words of the name.
    pub(crate) fn words(&self) -> std::str::SplitWhitespace<'a> {
        self.name.split_whitespace()
    }

    /// Whether the name has more than one word.
    pub(crate) fn is_full(&self) -> bool {
        self.full
    }

    /// The first word.
    pub(crate) fn first_word(&self) -> &'a str {
        self.words().next().unwrap_or_default()
    }
}

/// Whether token `i` can be part of a name: a capitalised word that is not a
/// sentence opener, pronoun, month or day.
pub(crate) fn is_name_word(toks: &[Tok], i: usize) -> bool {
    toks[i].name
}

fn is_particle(toks: &[Tok], text: &str, lexicon: &Lexicon, i: usize) -> bool {
    toks[i].is_word_in(text, &lexicon.particles)
}

/// Lower-case words that join the parts of an organisation's name ("Institute for Fiscal Studies").
fn is_org_joiner(word: &str) -> bool {
    matches!(word, "of" | "for" | "on" | "and" | "in" | "the" | "de" | "&")
}

/// A plural possessive mark inside a name ("Dockworkers' Federation").
fn is_inner_apostrophe(toks: &[Tok], text: &str, i: usize) -> bool {
    (toks[i].is_punct('\'') || toks[i].is_punct('’'))
        && i > 0
        && toks[i - 1].end == toks[i].start
        && toks[i - 1].text(text).ends_with('s')
        && toks.get(i + 1).is_some_and(|n| n.name)
}

/// A single capital letter or honorific directly followed by a full stop ("F.", "Dr.").
fn is_dotted(toks: &[Tok], text: &str, lexicon: &Lexicon, word: usize) -> bool {
    let dot = word + 1;
    toks.get(dot)
        .is_some_and(|d| d.is_punct('.') && d.start == toks[word].end)
        && {
            let w = toks[word].text(text);
            (w.chars().count() == 1 && w.chars().all(char::is_uppercase)) || lexicon.honorific(w).is_some()
        }
}

/// Whether a word ends in a possessive ("Ruiz’s").
pub(crate) fn is_possessive(word: &str) -> bool {
    possessive_suffix_len(word) > 0
}

/// Byte length of a possessive ending ("’s" or "'s").
fn possessive_suffix_len(word: &str) -> usize {
    ["’s", "'s"]
        .iter()
        .find(|suffix| word.ends_with(*suffix) && word.len() > suffix.len())
        .map_or(0, |suffix| suffix.len())
}

/// The name run that starts at token `first`, not reaching `ceiling`.
pub(crate) fn run_starting_at(
    toks: &[Tok],
    text: &str,
    lexicon: &Lexicon,
    first: usize,
    ceiling: usize,
) -> Option<Range<usize>> {
    if first >= ceiling || !is_name_word(toks, first) {
        return None;
    }
    let mut end = first + 1;
    while end < ceiling && end - first < MAX_NAME_TOKENS {
        if is_possessive(toks[end - 1].text(text)) {
            break;
        }
        let initial = toks[end].is_punct('.') && is_dotted(toks, text, lexicon, end - 1);
        if is_name_word(toks, end) || initial || is_inner_apostrophe(toks, text, end) {
            end += 1;
        } else if toks[end].is_word()
            && is_org_joiner(toks[end].text(text))
            && (first..end).any(|k| toks[k].is_word() && lexicon.organisation_words.contains(toks[k].text(text)))
            && {
                let mut after = end;
                while after < ceiling && toks[after].is_word() && is_org_joiner(toks[after].text(text)) {
                    after += 1;
                }
                after < ceiling && is_name_word(toks, after) && after - end <= 2
            }
        {
            while toks[end].is_word() && is_org_joiner(toks[end].text(text)) {
                end += 1;
            }
        } else if is_particle(toks, text, lexicon, end) {
            let mut after = end;
            while after < ceiling && is_particle(toks, text, lexicon, after) {
                after += 1;
            }
            if after < ceiling && is_name_word(toks, after) {
                end = after + 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    Some(first..end)
}

/// Reads a run of name tokens: drops honorifics, splits off a capitalised
/// title, strips a possessive, and tells a person from a body or place.
pub(crate) fn read_name<'a>(toks: &[Tok], text: &'a str, lexicon: &Lexicon, run: Range<usize>) -> Option<ReadName<'a>> {
    // A run is at most MAX_NAME_TOKENS long: its words fit on the stack.
    let mut word_buffer = [0usize; 2 * MAX_NAME_TOKENS];
    let mut count = 0;
    for i in run.clone().filter(|&i| toks[i].is_word()) {
        if count < word_buffer.len() {
            word_buffer[count] = i;
            count += 1;
        }
    }
    let word_toks = &word_buffer[..count];
    let mut first = 0;
    let mut gender = None;
    let mut honorific = None;
    while first + 1 < word_toks.len() {
        match lexicon.honorific(toks[word_toks[first]].text(text)) {
            Some(g) => {
                gender = gender.or(g);
                honorific.get_or_insert(toks[word_toks[first]].text(text));
                first += 1;
            }
            None => break,
        }
    }
    let mut title = None;
    if let Some(last_role) = (first..word_toks.len().saturating_sub(1))
        .rev()
        .find(|&k| toks[word_toks[k]].is_word_in(text, &lexicon.role_nouns))
    {
        let from = toks[word_toks[first]].start;
        title = Some(&text[from..toks[word_toks[last_role]].end]);
        first = last_role + 1;
    }
    let name_toks = &word_toks[first..];
    let (&head, &tail) = (name_toks.first()?, name_toks.last()?);
    let end = toks[tail].end - possessive_suffix_len(toks[tail].text(text));
    let name = &text[toks[head].start..end];
    // One pass over the name's words, each classified with one lookup.
    let mut classes = 0u8;
    let mut count = 0;
    let mut first = None;
    let spaced = for_each_name_word(name, |word| {
        first.get_or_insert(word);
        count += 1;
        classes |= lexicon.name_class(word);
    });
    let outlet = classes & NAME_OUTLET != 0 || lexicon.is_outlet(name);
    let event = !outlet && classes & NAME_EVENT != 0 && count > 1;
    let organisation = outlet || classes & NAME_ORGANISATION != 0 || (!spaced && is_acronym(name));
    if gender.is_none() && !organisation {
        gender = first.and_then(|w| lexicon.first_names.get(w));
    }
    Some(ReadName {
        name,
        gender,
        title,
        honorific,
        organisation,
        outlet,
        event,
        tokens: head..tail + 1,
        // The name starts and ends with a word: a space inside it parts two words.
        full: spaced,
    })
}

/// Calls `f` with each word of `name`, split at white space and apostrophes ("O’Brien" is
/// two words), and tells whether the name holds white space. An ASCII name (most names) is
/// split byte by byte, without decoding characters.
fn for_each_name_word<'a>(name: &'a str, mut f: impl FnMut(&'a str)) -> bool {
    if !name.is_ascii() {
        name.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .filter(|w| !w.is_empty())
            .for_each(f);
        return name.contains(char::is_whitespace);
    }
    let mut spaced = false;
    let mut start = 0;
    for (at, &byte) in name.as_bytes().iter().enumerate() {
        let space = char::from(byte).is_whitespace();
        if space || byte == b'\'' {
            spaced |= space;
            if let Some(word) = name.get(start..at).filter(|w| !w.is_empty()) {
                f(word);
            }
            start = at + 1;
        }
    }
    if let Some(word) = name.get(start..).filter(|w| !w.is_empty()) {
        f(word);
    }
    spaced
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-')
}

/// A lower-case title directly before token `first` ("former defence minister"),
/// ending in a role noun, not reaching below `floor`.
pub(crate) fn title_before<'a>(
    toks: &[Tok],
    text: &'a str,
    lexicon: &Lexicon,
    first: usize,
    floor: usize,
) -> Option<&'a str> {
    if first == 0 || first <= floor {
        return None;
    }
    let noun = first - 1;
    if !toks[noun].is_word_in(text, &lexicon.role_nouns) {
        return None;
    }
    let mut start = noun;
    while start > floor && noun - start + 1 < MAX_TITLE_WORDS {
        let prev = start - 1;
        if !toks[prev].is_word() {
            break;
        }
        let word = toks[prev].text(text);
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if lexicon.role_modifiers.contains(word)
            || lexicon.role_nouns.contains(word)
            || (capitalised && !lexicon.not_names.contains(word) && !is_possessive(word))
        {
            start = prev;
        } else {
            break;
        }
    }
    Some(&text[toks[start].start..toks[noun].end])
}

/// Whether a full name puts the family name first: a hyphenated given name
/// ("Jae-won") or a listed family name ("Xi Jinping").
pub(crate) fn family_name_first(words: &[String], lexicon: &Lexicon) -> bool {
    if words.len() < 2 {
        return false;
    }
    let hyphenated_given = words[1..].iter().any(|w| {
        w.split_once('-')
            .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_lowercase))
    });
    hyphenated_given || lexicon.family_first.contains(words[0].as_str())
}

/// The family name: the word a later short reference uses.
pub(crate) fn family_name<'w>(words: &'w [String], lexicon: &Lexicon) -> &'w str {
    let family = if family_name_first(words, lexicon) {
        words.first()
    } else {
        words.last()
    };
    family.map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::tokens::tokenize;

    fn read(text: &str) -> ReadName<'_> {
        let toks = tokenize(text, 0..text.len(), std::iter::empty(), &Lexicon::builtin());
        let lexicon = Lexicon::builtin();
        let run = run_starting_at(&toks, text, &lexicon, 0, toks.len()).unwrap();
        read_name(&toks, text, &lexicon, run).unwrap()
    }

    #[test]
    fn ascii_names_split_as_characters_do() {
        for name in [
            "Ana Ruiz",
            "O'Brien",
            "Lee  Jae-won",
            "Dr\tX",
            "'Sa'id' Ali",
            "F. Kennedy",
            "A\u{b}B",
            "Zoë O’Neill Ray",
        ] {
            let mut words = Vec::new();
            let spaced = for_each_name_word(name, |w| words.push(w));
            let expected: Vec<&str> = name
                .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(words, expected, "{name:?}");
            assert_eq!(spaced, name.contains(char::is_whitespace), "{name:?}");
        }
    }

    #[test]
    fn names_titles_and_honorifics() {
        let cases = [
            ("Dr Anna Weber", "Anna Weber", None, false),
            ("Ms. Lee Su-min", "Lee Su-min", None, false),
            ("Foreign Minister Wang Yi", "Wang Yi", Some("Foreign Minister"), false),
            ("John F. Kennedy", "John F. Kennedy", None, false),
            ("Ursula von der Leyen", "Ursula von der Leyen", None, false),
            ("Marta Ruiz’s", "Marta Ruiz", None, false),
            ("NATO", "NATO", None, true),
            ("Defence Ministry", "Defence Ministry", None, true),
            (
                "Institute for Fiscal Studies",
                "Institute for Fiscal Studies",
                None,
                true,
            ),
            (
                "Kestrian Dockworkers' Federation",
                "Kestrian Dockworkers' Federation",
                None,
                true,
            ),
            ("Gideon South", "Gideon South", None, false),
        ];
        for (text, name, title, organisation) in cases {
            let read = read(text);
            assert_eq!(read.name, name, "{text}");
            assert_eq!(read.title, title, "{text}");
            assert_eq!(read.organisation, organisation, "{text}");
        }
        assert_eq!(read("Ms. Lee Su-min").gender, Some(Gender::Female));
    }

    #[test]
    fn name_order() {
        let lexicon = Lexicon::builtin();
        let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(family_name(&words("Lee Su-min"), &lexicon), "Lee");
        assert_eq!(family_name(&words("Xi Jinping"), &lexicon), "Xi");
        assert_eq!(family_name(&words("Anna Weber"), &lexicon), "Weber");
        assert_eq!(family_name(&words("Oduya"), &lexicon), "Oduya");
    }

    #[test]
    fn title_before_a_name() {
        let text = "talks with former defence minister Ana Ruiz";
        let toks = tokenize(text, 0..text.len(), std::iter::empty(), &Lexicon::builtin());
        let lexicon = Lexicon::builtin();
        assert_eq!(
            title_before(&toks, text, &lexicon, 5, 0),
            Some("former defence minister")
        );
    }
}
