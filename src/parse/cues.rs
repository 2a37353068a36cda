//! Stage 4: attribution cues, found by a table of small rules. Each rule reads one cue form
//! ("X said", "said X", "according to X", "…, saying …", "X points out", "X used the word")
//! at one token and returns who the cue names, as a noun phrase not yet resolved.

use super::mentions::{Np, Para, Referent, is_head, read_np, skip_openers};
use super::tokens::{SentenceId, TokKind, TokenId, TokenRange};

/// Longest addressee read after "told", in words.
const MAX_ADDRESSEE_WORDS: usize = 8;
/// Words at most between the end of a subject and its verb, when no comma sets them off.
const MAX_GAP_WORDS: usize = 30;
/// Farthest back a verb's subject is looked for, in tokens: news sentences are shorter,
/// and the bound keeps a paragraph of any length linear.
const MAX_LOOKBACK: usize = 90;
/// Farthest ahead a participle looks for the speech it introduces, in tokens.
const MAX_SPEECH_AHEAD: usize = 40;

/// An attribution cue in a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Cue<'a> {
    /// The rule that read it.
    pub rule: &'static str,
    /// The sentence holding it.
    pub sentence: SentenceId,
    /// The speech word ("said", "according", "saying").
    pub verb: TokenId,
    /// The tokens of the cue: its source (when next to the verb) and its words.
    pub span: TokenRange,
    /// The attributing words as written ("said", "told This Week in Asia", "according to Seiler").
    pub words: &'a str,
    /// Who the cue names.
    pub source: Np<'a>,
    /// The cue follows what it attributes ("…, Ruiz said"; "…,” said Ruiz").
    pub trailing: bool,
    /// Whom a "told" addresses ("Reuters"): never the speaker.
    pub addressee: Option<TokenRange>,
}

/// One cue form: a name for the method it stands for, and the function that reads it.
pub(crate) struct CueRule {
    /// A short name, shown with every quote the cue attributes.
    pub name: &'static str,
    /// Reads the form at a token of a sentence.
    pub read: for<'a> fn(&Para<'a>, TokenRange, TokenId) -> Option<Cue<'a>>,
}

/// The cue forms, tried in this order at every token; the first that reads wins.
pub(crate) const CUE_RULES: &[CueRule] = &[
    CueRule {
        name: "according_to",
        read: according_to,
    },
    CueRule {
        name: "inverted_verb",
        read: inverted_verb,
    },
    CueRule {
        name: "used_the_word",
        read: used_the_word,
    },
    CueRule {
        name: "phrasal_verb",
        read: phrasal_verb,
    },
    CueRule {
        name: "participle",
        read: participle,
    },
    CueRule {
        name: "speech_verb",
        read: speech_verb,
    },
];

/// Every cue in a paragraph, in text order.
pub(crate) fn find_cues<'a>(para: &Para<'a>) -> Vec<Cue<'a>> {
    find_cues_into(para, Vec::new())
}

/// [`find_cues`], into a list whose room is reused (it is cleared first).
pub(crate) fn find_cues_into<'a>(para: &Para<'a>, mut cues: Vec<Cue<'a>>) -> Vec<Cue<'a>> {
    cues.clear();
    let lx = para.lexicon;
    let may_start = lx.cue_verbs.bit() | lx.participles.bit() | lx.cue_phrase_starts.bit() | lx.word_nouns_verbs.bit();
    // Most paragraphs of some articles hold no word that may start a cue.
    if para.classes & may_start == 0 {
        return cues;
    }
    for (n, &sentence) in para.sentences.iter().enumerate() {
        let mut at = sentence.start;
        while at < sentence.end {
            // Most words start no cue: one test of the token's class skips the rules.
            if para.tok(at).is_none_or(|t| t.class & may_start == 0) {
                at = at.next();
                continue;
            }
            let found = CUE_RULES.iter().find_map(|rule| {
                (rule.read)(para, sentence, at).map(|mut cue| {
                    cue.rule = rule.name;
                    cue.sentence = SentenceId::from_ix(n);
                    cue
                })
            });
            match found {
                Some(cue) => {
                    let next = cue.verb.next().max(at.next());
                    cues.push(cue);
                    at = next;
                }
                None => at = at.next(),
            }
        }
    }
    cues
}

fn cue<'a>(para: &Para<'a>, verb: TokenId, words: TokenRange, source: Np<'a>, trailing: bool) -> Cue<'a> {
    let span = TokenRange::new(source.range.start.min(words.start), words.end.max(source.range.end));
    Cue {
        rule: "",
        sentence: SentenceId(0),
        verb,
        span,
        words: para.slice(words),
        source,
        trailing,
        addressee: None,
    }
}

/// Whether the token opens a clause: the sentence start, or after a comma, colon or quote.
fn opens_clause(para: &Para<'_>, sentence: TokenRange, at: TokenId) -> bool {
    at == sentence.start
        || at
            .prev()
            .is_some_and(|p| para.punct_is(p, ',') || para.punct_is(p, ':') || para.is_quote(p))
}

/// Whether a speaker phrase read forwards ends properly: at punctuation, a quote, the end,
/// or a word that cannot carry on a name ("in", "who") — not a verb ("said Lena could").
fn ends_phrase(para: &Para<'_>, at: TokenId, limit: TokenId) -> bool {
    at >= limit
        || para.tok(at).is_some_and(|t| !t.is_word())
        || para.word_in(at, &para.lexicon.prepositions)
        || para.word_in(at, &para.lexicon.clause_words)
        || para.word_in(at, &para.lexicon.time_words)
}

/// The length of the first of `phrases` written at `at`, within the sentence.
fn phrase_at(para: &Para<'_>, phrases: &[Vec<String>], sentence: TokenRange, at: TokenId) -> Option<usize> {
    if !para.word_in(at, &para.lexicon.cue_phrase_starts) {
        return None;
    }
    phrases
        .iter()
        .find(|phrase| {
            phrase
                .iter()
                .enumerate()
                .all(|(k, word)| at.plus(k) < sentence.end && para.word_is(at.plus(k), word))
        })
        .map(Vec::len)
}

/// "…, according to the ministry".
fn according_to<'a>(para: &Para<'a>, sentence: TokenRange, at: TokenId) -> Option<Cue<'a>> {
    let first = at.plus(phrase_at(para, &para.lexicon.according_to, sentence, at)?);
    let source = read_np(para, first, sentence.end)?;
    if !source.ends.iter().any(|&e| ends_phrase(para, e, sentence.end)) {
        return None;
    }
    let trailing = at > sentence.start;
    // The cue is written with its source, as a reader would cite it ("according to Seiler").
    let words = TokenRange::new(at, source.range.end.max(first));
    Some(cue(para, at, words, source, trailing))
}

/// "“…,” said Ingrid Haldane, who teaches …": the verb opens its clause, its source follows.
fn inverted_verb<'a>(para: &Para<'a>, sentence: TokenRange, at: TokenId) -> Option<Cue<'a>> {
    let word = para.word(at)?;
    if !para.word_in(at, &para.lexicon.inverted_verbs)
        || !is_speech_verb(para, at, word)
        || !opens_clause(para, sentence, at)
    {
        return None;
    }
    let source = read_np(para, at.next(), sentence.end)?;
    // "said the government “cannot blink”": a phrase followed by a quote is the verb's object.
    if source.ends.iter().all(|&e| para.is_quote(e) || para.word_is(e, "that")) {
        return None;
    }
    if matches!(source.referent, Referent::Pronoun(_))
        && !source
            .ends
            .iter()
            .any(|&e| e >= sentence.end || para.tok(e).is_some_and(|t| !t.is_word()))
    {
        return None;
    }
    if !source.ends.iter().any(|&e| ends_phrase(para, e, sentence.end)) {
        return None;
    }
    let trailing = at > sentence.start;
    Some(cue(para, at, TokenRange::new(at, at.next()), source, trailing))
}

/// "Oyelaran used the word “patience”": the quote is the subject's own word.
fn used_the_word<'a>(para: &Para<'a>, sentence: TokenRange, at: TokenId) -> Option<Cue<'a>> {
    if !para.word_in(at, &para.lexicon.word_nouns_verbs) {
        return None;
    }
    if !(para.word_is(at.next(), "the") && para.word_in(at.plus(2), &para.lexicon.word_nouns)) {
        return None;
    }
    let (source, trailing) = subject_of(para, sentence, at)?;
    Some(cue(para, at, TokenRange::new(at, at.plus(3)), source, trailing))
}

/// "Kent points out that …".
fn phrasal_verb<'a>(para: &Para<'a>, sentence: TokenRange, at: TokenId) -> Option<Cue<'a>> {
    let end = at.plus(phrase_at(para, &para.lexicon.phrasal, sentence, at)?);
    let (source, trailing) = subject_of(para, sentence, at)?;
    Some(cue(para, at, TokenRange::new(at, end), source, trailing))
}

/// "The federation rejected the offer, saying it “does not begin to cover” …", "was quoted as
/// saying": the participle speaks for the subject of its sentence.
fn participle<'a>(para: &Para<'a>, sentence: TokenRange, at: TokenId) -> Option<Cue<'a>> {
    let word = para.word(at)?;
    if !para.word_in(at, &para.lexicon.participles) || !word.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let prev = at.prev().filter(|&p| p >= sentence.start)?;
    let joined =
        para.punct_is(prev, ',') || para.word_is(prev, "as") || para.word_is(prev, "and") || para.word_is(prev, "by");
    // "with manager Stuart Penhallow insisting the player is ‘not for sale’".
    let with_subject = if joined {
        None
    } else {
        with_phrase_subject(para, sentence, at)
    };
    if !joined && with_subject.is_none() {
        return None;
    }
    // Speech follows: "saying that …", "calling it “prudent”" — not "adding to pressure".
    let mut k = at.next();
    let mut speech = false;
    let ahead = sentence.end.min(at.plus(MAX_SPEECH_AHEAD));
    while k < ahead {
        if para.is_quote(k) || para.word_is(k, "that") || para.word_is(k, "as") {
            speech = true;
            break;
        }
        if para.word_in(k, &para.lexicon.participles) {
            break;
        }
        k = k.next();
    }
    let next = at.next();
    let says_directly = para.word(next).is_some_and(|w| {
        !para.word_in(next, &para.lexicon.prepositions) && !para.word_in(next, &para.lexicon.determiners) || w == "it"
    });
    if !speech && !says_directly {
        return None;
    }
    let source = match with_subject {
        Some(np) => np,
        None => participle_subject(para, sentence, at)?,
    };
    let words = if para.word_is(prev, "as") && prev.prev().is_some_and(|q| para.word_is(q, "quoted")) {
        TokenRange::new(prev.prev().unwrap_or(prev), at.next())
    } else {
        TokenRange::new(at, at.next())
    };
    Some(cue(para, at, words, source, false))
}

/// "with X insisting …": the phrase between "with" and the participle.
fn with_phrase_subject<'a>(para: &Para<'a>, sentence: TokenRange, at: TokenId) -> Option<Np<'a>> {
    let mut k = at.prev()?;
    while k > sentence.start && !para.word_is(k, "with") && at.ix() - k.ix() <= MAX_ADDRESSEE_WORDS {
        k = k.prev()?;
    }
    if !para.word_is(k, "with") {
        return None;
    }
    read_np(para, k.next(), at).filter(|np| np.ends.contains(&at))
}

/// The subject a participle speaks for: the subject of the sentence, read from its
/// start, or from just after an opening quote ("“…,” a commentator said, describing …").
fn participle_subject<'a>(para: &Para<'a>, sentence: TokenRange, at: TokenId) -> Option<Np<'a>> {
    let mut start = sentence.start;
    if at.ix() - start.ix() > MAX_LOOKBACK {
        return None;
    }
    while start < at && (para.is_quote(start) || para.punct_is(start, ',')) {
        start = start.next();
    }
    let first = skip_openers(para, start, at);
    read_np(para, first, at)
}

/// "Ruiz said", "Ana Ruiz, a lecturer at Vigo, said", "the coastguard on Tuesday warned",
/// "he told Reuters", "Kallio found time to say".
fn speech_verb<'a>(para: &Para<'a>, sentence: TokenRange, at: TokenId) -> Option<Cue<'a>> {
    let word = para.word(at)?;
    if !is_speech_verb(para, at, word) {
        return None;
    }
    // "a film called “…”": a participle after a noun that cannot speak names a title.
    if para.word_in(at, &para.lexicon.title_cues)
        && let Some(prev) = at.prev()
        && para
            .word(prev)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
        && !is_head(para, prev)
        && !para.word_in(prev, &para.lexicon.between_words)
        && !para.word_in(prev, &para.lexicon.time_words)
    {
        return None;
    }
    let (source, trailing) = subject_of(para, sentence, at)?;
    let mut c = cue(para, at, TokenRange::new(at, at.next()), source, trailing);
    if para.word_in(at, &para.lexicon.addressed_verbs) {
        let addressee = addressee_after(para, sentence, at);
        if !addressee.is_empty() {
            c.addressee = Some(addressee);
            c.words = para.slice(TokenRange::new(at, addressee.end));
            c.span.end = c.span.end.max(addressee.end);
        }
    }
    Some(c)
}

fn is_speech_verb(para: &Para<'_>, at: TokenId, word: &str) -> bool {
    para.word_in(at, &para.lexicon.cue_verbs) && word.starts_with(|c: char| c.is_lowercase())
}

/// Whom "told" addresses: "reporters", "This Week in Asia", "local radio station Coastline FM".
fn addressee_after(para: &Para<'_>, sentence: TokenRange, verb: TokenId) -> TokenRange {
    let start = verb.next();
    let mut end = start;
    while end < sentence.end && end.ix() - start.ix() < MAX_ADDRESSEE_WORDS {
        let Some(word) = para.word(end) else { break };
        if end > start && para.word_in(end, &para.lexicon.addressee_stops) && !para.is_name_word(end) {
            break;
        }
        if para.word_in(end, &para.lexicon.cue_verbs) && word.starts_with(|c: char| c.is_lowercase()) {
            break;
        }
        if end > start && para.word_in(end, &para.lexicon.prepositions) && !para.is_name_word(end.next()) {
            break;
        }
        end = end.next();
    }
    TokenRange::new(start, end)
}

/// The subject of the verb at `verb`: the phrase that opens the verb's clause. Clause
/// openings are tried nearest first: after a "who", after a quote, after a comma
/// before a quote, after "and"/"but"/"that", and the sentence start.
/// Returns the phrase and whether the cue trails what it attributes.
pub(crate) fn subject_of<'a>(para: &Para<'a>, sentence: TokenRange, verb: TokenId) -> Option<(Np<'a>, bool)> {
    // "the fund’s former auditor, Warren Pike, who said …": the relative pronoun's antecedent.
    let mut before = verb.prev()?;
    while before > sentence.start && para.word_in(before, &para.lexicon.between_words) {
        before = before.prev()?;
    }
    if para.word_is(before, "who") && before > sentence.start {
        let comma = before.prev()?;
        let limit = if para.punct_is(comma, ',') { comma } else { before };
        for start in clause_starts(para, sentence, limit) {
            let start = skip_openers(para, start, limit);
            if let Some(np) = read_np(para, start, limit.next())
                && np.ends.contains(&limit)
            {
                return Some((np, false));
            }
        }
        return None;
    }
    let starts = clause_starts(para, sentence, verb);
    // Three passes over the clause openings, nearest first: a phrase right before the
    // verb ("…, Cho said"); then one set off from it by an appositive or a joined
    // predicate ("Ana Ruiz, a lecturer, said"); then a phrase that is itself an
    // appositive ("One of them, former cook Loretta Sims, said").
    // Each opening's phrase is read once, when a pass first needs it: the first eight are kept
    // in place (no list to build and move), any further ones read again in each pass.
    let mut phrases: [Option<Option<Np<'a>>>; KEPT_OPENINGS] = Default::default();
    let mut further: Option<Option<Np<'a>>>;
    for pass in 0..3 {
        for (k, &start) in starts.iter().enumerate() {
            let after_comma = start.prev().is_some_and(|p| para.punct_is(p, ','));
            let kept = match phrases.get_mut(k) {
                Some(kept) => kept,
                None => {
                    further = None;
                    &mut further
                }
            };
            let read = kept.get_or_insert_with(|| {
                let first = if after_comma {
                    start
                } else {
                    skip_openers(para, start, verb)
                };
                para.word(first)?;
                read_np(para, first, verb)
            });
            let Some(np) = read.as_ref() else { continue };
            let fits = np.ends.iter().any(|&end| match pass {
                0 => strict_gap(para, end, verb),
                1 => (!after_comma || quote_before(para, sentence, start)) && gap_ok(para, end, verb),
                _ => plain_gap(para, end, verb),
            });
            if fits {
                let trailing = start > sentence.start
                    && start.prev().is_some_and(|p| para.is_quote(p) || para.punct_is(p, ','))
                    && quote_before(para, sentence, start);
                return kept.take().flatten().map(|np| (np, trailing));
            }
        }
    }
    // "In 2019 Halloran told me": a name right before the verb.
    let mut last = verb.prev()?;
    let floor = sentence
        .start
        .max(TokenId::from_ix(verb.ix().saturating_sub(MAX_LOOKBACK)));
    while last > floor
        && (para.word_in(last, &para.lexicon.between_words) || para.word_in(last, &para.lexicon.time_words))
    {
        last = last.prev()?;
    }
    if para.is_name_word(last) && !para.word(last).is_some_and(super::names::is_possessive) {
        let mut first = last;
        while first > floor && para.is_name_word(first.prev()?) {
            first = first.prev()?;
        }
        // Only a name that opens its clause: not "a post on Weibo called".
        let opens = first == sentence.start
            || first.prev().is_some_and(|p| {
                para.tok(p).is_some_and(|t| !t.is_word())
                    || para.word(p).is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
                    || para.word_in(p, &para.lexicon.clause_words)
                    || para.word_in(p, &para.lexicon.openers)
                    || (para.word_in(p, &para.lexicon.time_words) && !para.word_in(p, &para.lexicon.prepositions))
            });
        if !opens {
            return None;
        }
        if let Some(np) = read_np(para, first, verb)
            && np.ends.iter().any(|&end| plain_gap(para, end, verb))
        {
            return Some((np, false));
        }
    }
    None
}

/// How many clause openings before a verb keep the phrase read at them for the later passes.
const KEPT_OPENINGS: usize = 8;

/// Only adverbs and time words between a subject and its verb (after the comma that
/// closes an appositive: "former school cook Loretta Sims, said").
fn plain_gap(para: &Para<'_>, from: TokenId, verb: TokenId) -> bool {
    let from = if para.punct_is(from, ',') { from.next() } else { from };
    strict_gap(para, from, verb)
}

/// Only adverbs and time words between a subject and its verb.
fn strict_gap(para: &Para<'_>, from: TokenId, verb: TokenId) -> bool {
    from <= verb
        && TokenRange::new(from, verb).iter().all(|t| {
            para.word(t).is_some_and(|w| {
                para.word_in(t, &para.lexicon.between_words)
                    || para.word_in(t, &para.lexicon.time_words)
                    || w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase())
                    || w.chars().all(|c| c.is_ascii_digit())
            })
        })
}

/// Whether a quote or a comma stands between the sentence start (or the look-back
/// limit) and `at`.
fn quote_before(para: &Para<'_>, sentence: TokenRange, at: TokenId) -> bool {
    let from = sentence
        .start
        .max(TokenId::from_ix(at.ix().saturating_sub(MAX_LOOKBACK)));
    TokenRange::new(from, at)
        .iter()
        .any(|t| para.is_quote(t) || para.punct_is(t, ','))
}

/// A word that joins a clause to what comes before it ("and", "that", "while"), in any case.
fn is_clause_joiner(word: &str) -> bool {
    word.len() <= 5
        && ["what", "after", "and", "but", "that", "while", "as"]
            .iter()
            .any(|joiner| word.eq_ignore_ascii_case(joiner))
}

/// Where a clause may start before `verb`, nearest first, the sentence start last.
fn clause_starts(para: &Para<'_>, sentence: TokenRange, verb: TokenId) -> smallvec::SmallVec<[TokenId; 8]> {
    let mut starts = smallvec::SmallVec::new();
    let mut k = verb;
    let floor = sentence
        .start
        .max(TokenId::from_ix(verb.ix().saturating_sub(MAX_LOOKBACK)));
    while let Some(p) = k.prev() {
        if p < floor {
            break;
        }
        let after = p.next();
        let boundary = para.tok(p).is_some_and(|tok| match tok.kind {
            TokKind::Quote(_) => true,
            TokKind::Punct(c) => matches!(c, ';' | ':' | ','),
            TokKind::Word => {
                tok.is_word_in(para.text, &para.lexicon.clause_words) || is_clause_joiner(tok.text(para.text))
            }
        });
        if boundary && after < verb && !starts.contains(&after) {
            starts.push(after);
        }
        k = p;
    }
    if floor == sentence.start && !starts.contains(&sentence.start) {
        starts.push(sentence.start);
    }
    starts
}

/// Whether what stands between a subject (ending at `from`) and its verb leaves the
/// subject in place: adverbs and time phrases, acronyms and appositives set off by
/// commas, and a predicate joined by "and"/"but" or leading to "to"/"as" ("found time
/// to say", "was quoted as saying"). A quote in between breaks it.
fn gap_ok(para: &Para<'_>, from: TokenId, verb: TokenId) -> bool {
    if from > verb {
        return false;
    }
    let gap = TokenRange::new(from, verb);
    if gap.is_empty() || strict_gap(para, from, verb) {
        return true;
    }
    if gap.len() > MAX_GAP_WORDS * 2 {
        return false;
    }
    let lx = para.lexicon;
    if gap
        .iter()
        .any(|t| para.is_quote(t) || para.punct_is(t, ';') || para.punct_is(t, ':') || para.punct_is(t, '.'))
    {
        return false;
    }
    // Only adverbs and time words: "Kery on Friday said", "Ruiz initially said".
    let plain = gap.iter().all(|t| {
        para.word(t).is_some_and(|w| {
            para.word_in(t, &lx.between_words)
                || para.word_in(t, &lx.time_words)
                || w.ends_with("ly") && w.starts_with(|c: char| c.is_lowercase())
                || w.chars().all(|c| c.is_ascii_digit())
        })
    });
    if plain {
        return true;
    }
    // Set off by commas: ", who …," / ", speaking after …,".
    let commas = gap.iter().filter(|&t| para.punct_is(t, ',')).count();
    let last_word = TokenRange::new(from, verb)
        .iter()
        .rev()
        .find(|&t| !para.word_in(t, &lx.between_words));
    let ends_in_comma = last_word.is_some_and(|t| para.punct_is(t, ','));
    if para.punct_is(from, ',') && ends_in_comma && commas >= 2 {
        return true;
    }
    // A joined predicate: "welcomed the decision but warned", "found time to say".
    let joined = last_word.is_some_and(|t| {
        para.word_is(t, "and")
            || para.word_is(t, "but")
            || para.word_is(t, "to")
            || para.word_is(t, "as")
            || para.word_is(t, "not")
    });
    joined && gap.iter().filter(|&t| para.tok(t).is_some_and(|x| x.is_word())).count() <= MAX_GAP_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lexicon::Lexicon;

    /// (text, rule, source as read, cue words)
    fn cues(text: &str) -> Vec<(String, String, String)> {
        let lexicon = Lexicon::builtin();
        let para = Para::new(text, &lexicon);
        find_cues(&para)
            .into_iter()
            .map(|c| {
                let who = c.source.referent.label();
                (c.rule.to_owned(), who, c.words.to_owned())
            })
            .collect()
    }

    /// One row per cue form: the text, the rule that must read it, who it names, its words.
    const CASES: &[(&str, &str, &str, &str)] = &[
        ("The port will close, Ana Ruiz said.", "speech_verb", "Ana Ruiz", "said"),
        (
            "“It is over,” said Ana Ruiz, a lecturer at Vigo University.",
            "inverted_verb",
            "Ana Ruiz",
            "said",
        ),
        (
            "Prices will rise, according to the central bank.",
            "according_to",
            "org:central bank",
            "according to the central bank",
        ),
        (
            "The talks failed, a senior official said.",
            "speech_verb",
            "anon:a senior official",
            "said",
        ),
        (
            "“No,” he told local broadcaster Radio Norte.",
            "speech_verb",
            "pron:he",
            "told local broadcaster Radio Norte",
        ),
        (
            "“Rates will rise,” Ana Ruiz, an economist at Vigo, told Reuters.",
            "speech_verb",
            "Ana Ruiz",
            "told Reuters",
        ),
        (
            "The mayor vowed to resist “meddling”.",
            "speech_verb",
            "role:mayor",
            "vowed",
        ),
        (
            "She found time to say the deal was “fragile”.",
            "speech_verb",
            "pron:she",
            "say",
        ),
        ("He pledged “no retreat”.", "speech_verb", "pron:he", "pledged"),
        (
            "The minister was quoted as saying that “nothing is settled”.",
            "participle",
            "role:minister",
            "quoted as saying",
        ),
        ("Ruiz calls the plan “a gift”.", "speech_verb", "Ruiz", "calls"),
        (
            "Ruiz used the word “betrayal”.",
            "used_the_word",
            "Ruiz",
            "used the word",
        ),
        (
            "Ruiz points out that “the data lag”.",
            "phrasal_verb",
            "Ruiz",
            "points out",
        ),
        ("Ruiz tweeted: “We won.”", "speech_verb", "Ruiz", "tweeted"),
        (
            "Ruiz wrote on social media that the plan was “dead”.",
            "speech_verb",
            "Ruiz",
            "wrote",
        ),
        (
            "The coastguard on Tuesday warned of “heavy swell”.",
            "speech_verb",
            "org:coastguard",
            "warned",
        ),
        (
            "Ruiz initially said the plan was “sound”.",
            "speech_verb",
            "Ruiz",
            "said",
        ),
        (
            "The Institute for Fiscal Studies (IFS) said the gap was “large”.",
            "speech_verb",
            "Institute for Fiscal Studies",
            "said",
        ),
        (
            "Residents opposed to the mine, backed by two unions, said: “We stay.”",
            "speech_verb",
            "group:Residents",
            "said",
        ),
        (
            "Nordvik cut its outlook, saying it expects profit “well below” plan.",
            "participle",
            "Nordvik",
            "saying",
        ),
        (
            "Campaigners said: “Not here.”",
            "speech_verb",
            "group:Campaigners",
            "said",
        ),
        (
            "“I did nothing wrong,” the striker said.",
            "speech_verb",
            "role:striker",
            "said",
        ),
        (
            "But Doyle, the player's agent, called the rules “absurd”.",
            "speech_verb",
            "Doyle",
            "called",
        ),
        (
            "“We stay,” said Oliver North, a former aide.",
            "inverted_verb",
            "Oliver North",
            "said",
        ),
    ];

    #[test]
    fn every_cue_form_reads_its_source() {
        for (text, rule, who, words) in CASES {
            let found = cues(text);
            let first = found.first().unwrap_or_else(|| panic!("no cue in {text}"));
            assert_eq!(
                (first.0.as_str(), first.1.as_str(), first.2.as_str()),
                (*rule, *who, *words),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn not_cues() {
        for text in [
            "His remarks suggested that talks had stalled.",
            "She is said to be undecided.",
            "The crew watched a film called “Northern Lights”.",
        ] {
            let found = cues(text);
            assert!(
                found
                    .iter()
                    .all(|(_, who, _)| who != "His remarks" && !who.contains("film")),
                "{text}: {found:?}"
            );
        }
    }
}
