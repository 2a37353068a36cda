//! Stage 3c: a paragraph's analysis (quotes, tokens, sentences) and the mentions in it: noun
//! phrases read as names, pronouns, role nouns, organisations, groups, unnamed sources and
//! documents, with appositive roles and acronyms, and each clause's grammatical subject.

use super::lexicon::Lexicon;
use super::names::{ReadName, is_possessive, read_name, run_starting_at};
use super::quotes::{QuoteScratch, QuoteSpan, find_quotes_into};
use super::tokens::{SentenceId, Tok, TokenId, TokenRange, sentences, sentences_into, tokenize, tokenize_into};
use crate::model::Gender;

/// Longest appositive role read, in tokens.
const MAX_ROLE_TOKENS: usize = 45;
/// Longest common-noun phrase read, in words.
const MAX_PHRASE_WORDS: usize = 9;
/// Farthest an opening adverbial or a group's description is read, in tokens.
pub(crate) const MAX_CLAUSE_TOKENS: usize = 40;

/// One body paragraph (or the text inside one quote), analysed once.
pub(crate) struct Para<'a> {
    /// The text.
    pub text: &'a str,
    /// Every quote in the paragraph, nested ones included, in order: owned by a paragraph,
    /// borrowed from it by the analyses of the text inside its quotes.
    pub quotes: std::borrow::Cow<'a, [QuoteSpan]>,
    /// The lists the quotes were found with, kept for the next paragraph.
    quote_scratch: QuoteScratch,
    /// Tokens of the analysed range; each quote at the top level is one token.
    pub toks: Vec<Tok>,
    /// Sentences, as token ranges.
    pub sentences: Vec<TokenRange>,
    /// The lexicon class bits of all its words together: a scan for words of a class the
    /// paragraph does not hold is skipped.
    pub classes: u64,
    /// The words the parser reads with.
    pub lexicon: &'a Lexicon,
    /// The quotes that are tokens here, with their tokens, by quote index.
    quote_tokens: QuoteTokens,
    /// Name runs already read, by start and limit: a paragraph's mentions and its sentences'
    /// subjects read the same names again.
    names_read: std::cell::RefCell<NamesRead<'a>>,
    /// The phrases read at the paragraph's names, by start and limit: a sentence's subject or
    /// a cue's source often starts at one of them, with the same limit, and would read it again.
    kept_phrases: std::cell::RefCell<Vec<KeptPhrase<'a>>>,
}

/// A phrase read at a name, with the start and limit it was read at.
type KeptPhrase<'a> = ((TokenId, TokenId), Np<'a>);

/// The token, sentence and quote lists of an analysed paragraph, handed on so that the
/// next paragraph reuses their room.
#[derive(Default)]
pub(crate) struct ParaBuffers {
    tokens: Vec<Tok>,
    sentences: Vec<TokenRange>,
    quotes: Vec<QuoteSpan>,
    quote_scratch: QuoteScratch,
    kept_phrases: Vec<KeptPhrase<'static>>,
}

/// What [`Para::name_at`] read: a name run, if one starts there, and the token after it.
type NameRead<'a> = Option<(ReadName<'a>, TokenId)>;

/// How many name runs a paragraph's memo holds in place before it also uses a map.
const NAMES_IN_PLACE: usize = 8;

/// What [`Para::name_at`] read, by start and limit. A paragraph reads a few names, so the
/// first ones are kept in place and found by a scan, with no allocation or hashing; the rest
/// go to a map, because a paragraph may be a whole article on one line.
#[derive(Default)]
struct NamesRead<'a> {
    few: smallvec::SmallVec<[((TokenId, TokenId), NameRead<'a>); NAMES_IN_PLACE]>,
    many: rustc_hash::FxHashMap<(TokenId, TokenId), NameRead<'a>>,
}

impl<'a> NamesRead<'a> {
    fn get(&self, key: (TokenId, TokenId)) -> Option<&NameRead<'a>> {
        match self.few.iter().find(|(k, _)| *k == key) {
            Some((_, read)) => Some(read),
            None if self.few.len() == NAMES_IN_PLACE => self.many.get(&key),
            None => None,
        }
    }

    fn insert(&mut self, key: (TokenId, TokenId), read: NameRead<'a>) {
        if self.few.len() < NAMES_IN_PLACE {
            self.few.push((key, read));
        } else {
            self.many.insert(key, read);
        }
    }
}

impl<'a> Para<'a> {
    /// Analyses a whole paragraph.
    #[cfg(test)]
    pub(crate) fn new(text: &'a str, lexicon: &'a Lexicon) -> Self {
        Para::reusing(text, lexicon, ParaBuffers::default())
    }

    /// Analyses a whole paragraph in the room of the token, sentence and quote lists an earlier
    /// paragraph left ([`Para::into_buffers`]).
    pub(crate) fn reusing(text: &'a str, lexicon: &'a Lexicon, spare: ParaBuffers) -> Self {
        let mut quote_scratch = spare.quote_scratch;
        let quotes = find_quotes_into(text, &mut quote_scratch, spare.quotes);
        let top = quotes.iter().enumerate().filter(|(_, q)| q.depth == 0);
        let toks = tokenize_into(spare.tokens, text, 0..text.len(), top, lexicon);
        let sentences = sentences_into(spare.sentences, text, &toks, &quotes, lexicon);
        // Most paragraphs quote nothing: no tokens to look through.
        let quote_tokens = if quotes.is_empty() {
            QuoteTokens::new()
        } else {
            quote_tokens(&toks)
        };
        Para {
            text,
            quotes: std::borrow::Cow::Owned(quotes),
            quote_scratch,
            classes: classes_of(&toks),
            toks,
            sentences,
            lexicon,
            quote_tokens,
            names_read: names_memo(),
            kept_phrases: std::cell::RefCell::new(recycle(spare.kept_phrases)),
        }
    }

    /// Analyses the words inside quote `outer` of `para`, with `children` (the quotes
    /// directly inside it, in order) as tokens. The analysis borrows the paragraph's quotes.
    pub(crate) fn inside<'p>(para: &'p Para<'a>, outer: usize, children: &[usize]) -> Para<'p> {
        let span = &para.quotes[outer];
        let children = children.iter().map(|&q| (q, &para.quotes[q]));
        let toks = tokenize(para.text, span.inner.clone(), children, para.lexicon);
        let sentences = sentences(para.text, &toks, &para.quotes, para.lexicon);
        let quote_tokens = quote_tokens(&toks);
        Para {
            text: para.text,
            quotes: std::borrow::Cow::Borrowed(&para.quotes),
            quote_scratch: QuoteScratch::default(),
            classes: classes_of(&toks),
            toks,
            sentences,
            lexicon: para.lexicon,
            quote_tokens,
            names_read: names_memo(),
            kept_phrases: std::cell::RefCell::new(Vec::new()),
        }
    }

    /// Whether some word of the paragraph may be in `set`: false when the set has a class
    /// bit that no word has.
    pub(crate) fn may_hold(&self, set: &super::lexicon::WordSet) -> bool {
        set.bit() == 0 || self.classes & set.bit() != 0
    }

    /// The token, sentence and quote lists, for the next paragraph to reuse their room.
    pub(crate) fn into_buffers(self) -> ParaBuffers {
        ParaBuffers {
            tokens: self.toks,
            sentences: self.sentences,
            // An analysis inside a quote borrowed its quotes: it has no list to hand on.
            quotes: match self.quotes {
                std::borrow::Cow::Owned(quotes) => quotes,
                std::borrow::Cow::Borrowed(_) => Vec::new(),
            },
            quote_scratch: self.quote_scratch,
            kept_phrases: recycle(self.kept_phrases.into_inner()),
        }
    }

    /// The token, if it exists.
    #[inline]
    pub(crate) fn tok(&self, id: TokenId) -> Option<&Tok> {
        self.toks.get(id.ix())
    }

    /// The token's text, if it is a word.
    #[inline]
    pub(crate) fn word(&self, id: TokenId) -> Option<&'a str> {
        self.tok(id).filter(|t| t.is_word()).map(|t| t.text(self.text))
    }

    /// Whether the token is a word in `set`.
    #[inline]
    pub(crate) fn word_in(&self, id: TokenId, set: &super::lexicon::WordSet) -> bool {
        self.tok(id).is_some_and(|tok| tok.is_word_in(self.text, set))
    }

    /// Whether the token is this word, in any case.
    #[inline]
    pub(crate) fn word_is(&self, id: TokenId, word: &str) -> bool {
        self.word(id).is_some_and(|w| w.eq_ignore_ascii_case(word))
    }

    /// Whether the token is the punctuation character `c`.
    #[inline]
    pub(crate) fn punct_is(&self, id: TokenId, c: char) -> bool {
        self.tok(id).is_some_and(|t| t.is_punct(c))
    }

    /// Whether the token is a quote.
    #[inline]
    pub(crate) fn is_quote(&self, id: TokenId) -> bool {
        self.tok(id).is_some_and(Tok::is_quote)
    }

    /// The text covered by a run of tokens.
    pub(crate) fn slice(&self, range: TokenRange) -> &'a str {
        match (self.tok(range.start), range.end.prev().and_then(|e| self.tok(e))) {
            (Some(first), Some(last)) if range.start < range.end => &self.text[first.start..last.end],
            _ => "",
        }
    }

    /// The sentence holding a token.
    pub(crate) fn sentence_of(&self, id: TokenId) -> SentenceId {
        let at = self.sentences.partition_point(|s| s.end <= id);
        SentenceId::from_ix(at.min(self.sentences.len().saturating_sub(1)))
    }

    /// The sentence's token range.
    pub(crate) fn sentence(&self, id: SentenceId) -> TokenRange {
        self.sentences
            .get(id.ix())
            .copied()
            .unwrap_or(TokenRange::new(TokenId(0), TokenId(0)))
    }

    /// The byte range of a sentence within the paragraph.
    pub(crate) fn sentence_bytes(&self, id: SentenceId) -> std::ops::Range<usize> {
        let range = self.sentence(id);
        match (self.tok(range.start), range.end.prev().and_then(|e| self.tok(e))) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        }
    }

    /// The token of a quote that is a token here (a top-level quote, or a child of the
    /// quote analysed), by quote index.
    pub(crate) fn quote_token(&self, quote: usize) -> Option<TokenId> {
        let at = self.quote_tokens.partition_point(|&(q, _)| q < quote);
        self.quote_tokens.get(at).filter(|&&(q, _)| q == quote).map(|&(_, t)| t)
    }

    /// A capitalised word that may be part of a name.
    #[inline]
    pub(crate) fn is_name_word(&self, id: TokenId) -> bool {
        self.tok(id).is_some_and(|t| t.name)
    }

    /// The name run starting at `at`, not reaching `limit`, read as a name.
    pub(crate) fn name_at(&self, at: TokenId, limit: TokenId) -> Option<(ReadName<'a>, TokenId)> {
        if let Some(read) = self.names_read.borrow().get((at, limit)) {
            return read.clone();
        }
        let read = self.read_name_at(at, limit);
        self.names_read.borrow_mut().insert((at, limit), read.clone());
        read
    }

    /// [`Para::name_at`] without the memo.
    fn read_name_at(&self, at: TokenId, limit: TokenId) -> Option<(ReadName<'a>, TokenId)> {
        let run = run_starting_at(
            &self.toks,
            self.text,
            self.lexicon,
            at.ix(),
            limit.ix().min(self.toks.len()),
        )?;
        let end = TokenId::from_ix(run.end);
        read_name(&self.toks, self.text, self.lexicon, run).map(|name| (name, end))
    }
}

/// An empty list in the room of `list`, for another paragraph's items: `U` is `T` with another
/// lifetime (collecting from an emptied list into a type of the same size and alignment reuses
/// its allocation).
// `filter_map` (not `filter`, as clippy suggests) is what changes the items' type.
#[allow(clippy::unnecessary_filter_map)]
pub(crate) fn recycle<T, U>(mut list: Vec<T>) -> Vec<U> {
    list.clear();
    list.into_iter().filter_map(|_| None).collect()
}

/// An empty memo of name runs.
fn names_memo<'a>() -> std::cell::RefCell<NamesRead<'a>> {
    std::cell::RefCell::new(NamesRead::default())
}

/// The class bits of all the tokens together.
fn classes_of(toks: &[Tok]) -> u64 {
    toks.iter().fold(0, |all, tok| all | tok.class)
}

/// The quotes that are tokens of a paragraph, with their tokens, by quote index.
type QuoteTokens = smallvec::SmallVec<[(usize, TokenId); 4]>;

/// The quotes among `toks` with their tokens, sorted by quote index.
fn quote_tokens(toks: &[Tok]) -> QuoteTokens {
    let mut out: QuoteTokens = toks
        .iter()
        .enumerate()
        .filter_map(|(i, tok)| tok.quote().map(|q| (q, TokenId::from_ix(i))))
        .collect();
    out.sort_unstable();
    out
}

/// A short list kept inline (no heap): a phrase has few ends and few role nouns. Items past
/// the capacity are dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Small<T: Copy + Default, const N: usize> {
    items: [T; N],
    len: u8,
}

impl<T: Copy + Default, const N: usize> Default for Small<T, N> {
    fn default() -> Self {
        Small {
            items: [T::default(); N],
            len: 0,
        }
    }
}

impl<T: Copy + Default + PartialEq, const N: usize> Small<T, N> {
    /// A list of one.
    pub(crate) fn one(item: T) -> Self {
        let mut list = Self::default();
        list.push(item);
        list
    }

    /// Adds an item, if there is room.
    pub(crate) fn push(&mut self, item: T) {
        if let Some(slot) = self.items.get_mut(usize::from(self.len)) {
            *slot = item;
            self.len += 1;
        }
    }

    /// The items, in order.
    pub(crate) fn as_slice(&self) -> &[T] {
        &self.items[..usize::from(self.len)]
    }

    /// The items, in order.
    pub(crate) fn iter(&self) -> std::slice::Iter<'_, T> {
        self.as_slice().iter()
    }

    /// Whether the list holds `item`.
    pub(crate) fn contains(&self, item: &T) -> bool {
        self.as_slice().contains(item)
    }

    /// Whether the list is empty.
    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl<T: Copy + Default + PartialEq, const N: usize> Extend<T> for Small<T, N> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}

impl<T: Copy + Default + PartialEq, const N: usize> FromIterator<T> for Small<T, N> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut list = Self::default();
        list.extend(items);
        list
    }
}

/// A personal pronoun that can be a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    He,
    She,
    It,
    They,
    /// "I" or "we": the quote's own speaker, inside a quote.
    First,
}

impl Pronoun {
    fn read(word: &str) -> Option<Pronoun> {
        if word.len() > 4 {
            return None;
        }
        let is = |p: &str| word.eq_ignore_ascii_case(p);
        Some(if is("he") {
            Pronoun::He
        } else if is("she") {
            Pronoun::She
        } else if is("it") {
            Pronoun::It
        } else if is("they") {
            Pronoun::They
        } else if is("i") || is("we") {
            Pronoun::First
        } else {
            return None;
        })
    }

    /// The gender it names, if it names one.
    pub(crate) fn gender(self) -> Option<Gender> {
        match self {
            Pronoun::He => Some(Gender::Male),
            Pronoun::She => Some(Gender::Female),
            _ => None,
        }
    }

    /// As written in lower case.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Pronoun::He => "he",
            Pronoun::She => "she",
            Pronoun::It => "it",
            Pronoun::They => "they",
            Pronoun::First => "I",
        }
    }
}

/// What a noun phrase refers to, before it is resolved against the article's register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Referent<'a> {
    /// A proper name ("Dr Ana Ruiz", "the Institute for Fiscal Studies").
    Name(ReadName<'a>),
    /// A pronoun.
    Pronoun(Pronoun),
    /// A definite role noun ("the striker", "the defense lawyer"): someone the article has described so.
    RoleNoun {
        /// The role noun ("striker").
        noun: &'a str,
        /// The phrase names an owner ("Hale’s spokeswoman"): it is not the owner.
        owned: bool,
    },
    /// Somebody not named ("a port official", "one negotiator").
    Anonymous(&'a str),
    /// A group of people ("Campaigners", "Residents opposed to the mine").
    Group(&'a str),
    /// A body named by a common noun ("the council", "Khevra’s foreign ministry").
    Organisation {
        /// The phrase without its article.
        phrase: &'a str,
        /// Its head noun ("council").
        head: &'a str,
    },
    /// A document speaking for whoever issued it ("the statement").
    Document(&'a str),
}

impl Referent<'_> {
    /// A short label for tests and debugging: the name, or the kind and the words
    /// ("pron:she", "anon:a port official").
    #[cfg(test)]
    pub(crate) fn label(&self) -> String {
        match self {
            Referent::Name(n) => n.name.to_owned(),
            Referent::Pronoun(p) => format!("pron:{}", p.as_str()),
            Referent::RoleNoun { noun, .. } => format!("role:{noun}"),
            Referent::Anonymous(a) => format!("anon:{a}"),
            Referent::Group(g) => format!("group:{g}"),
            Referent::Organisation { phrase, .. } => format!("org:{phrase}"),
            Referent::Document(d) => format!("doc:{d}"),
        }
    }
}

/// A noun phrase read from the text.
#[derive(Debug, Clone)]
pub(crate) struct Np<'a> {
    /// What it refers to.
    pub referent: Referent<'a>,
    /// Its tokens (the core phrase, without appositives).
    pub range: TokenRange,
    /// Where the phrase may end: after the core, after an acronym, a prepositional phrase
    /// or an appositive (each a token just past it).
    pub ends: Small<TokenId, 8>,
    /// An appositive or title that gives a role ("a lecturer at Vigo University").
    pub role: Option<&'a str>,
    /// The role text came from an appositive rather than a title before the name.
    pub role_is_appositive: bool,
    /// An acronym given in parentheses ("(IFS)").
    pub acronym: Option<&'a str>,
    /// A common noun before the name says it is a body ("the consultancy Northline").
    pub describes_body: bool,
    /// An age follows the name ("Mensah, 19,"): a person.
    pub aged: bool,
    /// Role nouns the phrase uses for the person ("agent", "striker").
    pub role_nouns: Small<&'a str, 6>,
}

/// Reads the noun phrase starting at `at`, not reaching `limit`.
pub(crate) fn read_np<'a>(para: &Para<'a>, at: TokenId, limit: TokenId) -> Option<Np<'a>> {
    {
        let kept = para.kept_phrases.borrow();
        if let Ok(found) = kept.binary_search_by_key(&(at, limit), |(key, _)| *key) {
            return Some(kept[found].1.clone());
        }
    }
    read_np_afresh(para, at, limit)
}

/// [`read_np`] at a name, keeping the phrase for later reads at the same start and limit.
pub(crate) fn read_and_keep_np<'a>(para: &Para<'a>, at: TokenId, limit: TokenId) -> Option<Np<'a>> {
    let np = read_np(para, at, limit)?;
    // Names are read in text order, so the list stays sorted mostly by appending; it is
    // searched by halves (a paragraph may be a whole article on one line).
    let mut kept = para.kept_phrases.borrow_mut();
    if let Err(place) = kept.binary_search_by_key(&(at, limit), |(key, _)| *key) {
        kept.insert(place, ((at, limit), np.clone()));
    }
    Some(np)
}

/// [`read_np`] without the kept phrases.
fn read_np_afresh<'a>(para: &Para<'a>, at: TokenId, limit: TokenId) -> Option<Np<'a>> {
    let mut np = read_core(para, at, limit)?;
    extend(para, &mut np, limit);
    Some(np)
}

/// Skips what may open a clause before its subject: conjunctions and sentence adverbs
/// ("But", "However,"), and an opening adverbial ended by a comma ("After the launch
/// failure,", "Asked whether …,", "In a statement after the vote,").
pub(crate) fn skip_openers(para: &Para<'_>, mut at: TokenId, limit: TokenId) -> TokenId {
    // "PORT ALDANE, Kestria (AFP) - ": a dateline before the first sentence.
    if para
        .word(at)
        .is_some_and(|w| w.chars().count() > 1 && w.chars().all(|c| !c.is_lowercase()))
        && let Some(dash) = (at.ix()..limit.ix().min(at.ix() + 12))
            .map(TokenId::from_ix)
            .find(|&t| para.punct_is(t, '-') || para.punct_is(t, '—') || para.punct_is(t, '–'))
        && TokenRange::new(at, dash).iter().all(|t| {
            para.tok(t)
                .is_some_and(|x| !x.is_word() && !x.is_quote() || para.is_name_word(t))
        })
    {
        at = dash.next();
    }
    loop {
        if para.word(at).is_none() {
            return at;
        }
        if para.word_in(at, &para.lexicon.openers) {
            at = at.next();
            if para.punct_is(at, ',') {
                at = at.next();
            }
            continue;
        }
        let adverbial = para.word_in(at, &para.lexicon.prepositions)
            || para.word_in(at, &para.lexicon.clause_words)
            || para.word_in(at, &para.lexicon.adverbial_openers);
        if adverbial {
            let mut k = at;
            let stop = limit.min(at.plus(MAX_CLAUSE_TOKENS));
            while k < stop && !para.punct_is(k, ',') && !para.is_quote(k) {
                k = k.next();
            }
            if k < stop && para.punct_is(k, ',') {
                at = k.next();
                continue;
            }
        }
        return at;
    }
}

fn is_determiner(para: &Para<'_>, id: TokenId) -> bool {
    para.word_in(id, &para.lexicon.determiners)
}

/// "my", "his", "their" …: a possessive pronoun opening a phrase.
fn possessive_pronoun(para: &Para<'_>, at: TokenId) -> bool {
    para.word_in(at, &para.lexicon.possessive_pronouns)
}

/// "a", "one", "another" …: an indefinite determiner opening a phrase.
fn is_indefinite(para: &Para<'_>, at: TokenId) -> bool {
    para.word_in(at, &para.lexicon.indefinites)
}

/// A word that can sit inside a common-noun phrase before its head.
fn is_np_word(para: &Para<'_>, id: TokenId) -> bool {
    let Some(tok) = para.tok(id).filter(|t| t.is_word()) else {
        return false;
    };
    let lx = para.lexicon;
    let stops = lx.clause_words.bit()
        | lx.prepositions.bit()
        | lx.copulas.bit()
        | lx.cue_verbs.bit()
        | lx.participles.bit()
        | lx.between_words.bit();
    tok.class & stops == 0
}

/// The class bits of the nouns that head a phrase a speaker can be.
fn head_bits(lx: &Lexicon) -> u64 {
    lx.role_nouns.bit()
        | lx.anonymous_heads.bit()
        | lx.group_nouns.bit()
        | lx.organisation_heads.bit()
        | lx.document_heads.bit()
}

/// The lexicon classes of a word token (0 for any other token).
fn class_of(para: &Para<'_>, id: TokenId) -> u64 {
    para.tok(id).filter(|t| t.is_word()).map_or(0, |t| t.class)
}

/// A noun that heads a common-noun phrase a speaker can be ("official", "council",
/// "striker", "statement").
pub(crate) fn is_head(para: &Para<'_>, id: TokenId) -> bool {
    class_of(para, id) & head_bits(para.lexicon) != 0
}

/// A common noun for people ("Strikers", "Analysts"), which may open a sentence capitalised.
fn is_person_noun(para: &Para<'_>, id: TokenId) -> bool {
    let lx = para.lexicon;
    class_of(para, id) & (lx.group_nouns.bit() | lx.anonymous_heads.bit() | lx.role_nouns.bit()) != 0
}

fn read_core<'a>(para: &Para<'a>, at: TokenId, limit: TokenId) -> Option<Np<'a>> {
    let lx = para.lexicon;
    let first = para.word(at)?;
    if at >= limit {
        return None;
    }
    if let Some(pronoun) = Pronoun::read(first) {
        return Some(simple(Referent::Pronoun(pronoun), TokenRange::new(at, at.next())));
    }
    // A possessive owner ("Belmarch’s chief negotiator") or a determiner.
    let mut k = at;
    let mut indefinite = false;
    let mut owner = false;
    if is_determiner(para, k) && !para.is_name_word(k) {
        indefinite = is_indefinite(para, at);
        k = k.next();
    }
    // Words up to the head: names, role words, and other words that lead to a head noun.
    let mut end = k;
    let mut last_run: Option<(TokenId, ReadName<'a>, TokenId)> = None;
    while end < limit && end.ix() - k.ix() < MAX_PHRASE_WORDS {
        let Some(word) = para.word(end) else {
            // "Dockworkers' Federation", "F. Kennedy": an apostrophe or initial inside a name.
            if (para.punct_is(end, '\'') || para.punct_is(end, '’') || para.punct_is(end, '.'))
                && end > k
                && para.is_name_word(end.next())
                && para
                    .tok(end.prev().unwrap_or(end))
                    .is_some_and(|p| p.end == para.tok(end).map_or(0, |t| t.start))
            {
                end = end.next();
                continue;
            }
            break;
        };
        // "Strikers, many still in their vests,": a plural common noun opening a sentence.
        let common_capital = para.is_name_word(end) && is_person_noun(para, end) && !para.is_name_word(end.next());
        if para.is_name_word(end) && !common_capital {
            // A name run, read whole ("Institute for Fiscal Studies").
            let Some((run_name, run_end)) = para.name_at(end, limit) else {
                break;
            };
            last_run = Some((end, run_name, run_end));
            end = run_end;
            if para.word(end.prev().unwrap_or(end)).is_some_and(is_possessive) && end > k {
                owner = true;
                // "Clear Water’s founder": the owner is part of the phrase; go on to its head.
                continue;
            }
            // A name ends the phrase unless a head noun follows ("the Allied Workers union").
            let head_follows = |n: usize| {
                is_head(para, end.plus(n))
                    && para
                        .word(end.plus(n))
                        .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()))
            };
            let modifiers_to_head =
                (0..3).any(|n| head_follows(n) && (0..n).all(|m| para.word_in(end.plus(m), &lx.role_modifiers)));
            if modifiers_to_head {
                continue;
            }
            break;
        }
        if !is_np_word(para, end) && !is_head(para, end) {
            break;
        }
        if is_possessive(word) {
            owner = true;
            end = end.next();
            continue;
        }
        if is_head(para, end) {
            end = end.next();
            continue;
        }
        // Another word leads on only if a head noun or a name follows within three words.
        let leads_on = (1..=3).any(|n| {
            let id = end.plus(n);
            id < limit
                && (is_head(para, id) || para.is_name_word(id))
                && (1..n).all(|m| is_np_word(para, end.plus(m)) && !para.is_name_word(end.plus(m)))
        });
        if leads_on && (word.chars().all(|c| c.is_lowercase() || c == '-') || para.word_in(end, &lx.role_modifiers)) {
            end = end.next();
            continue;
        }
        break;
    }
    if end <= k && !(end == k && end > at) {
        return None;
    }
    let range = TokenRange::new(at, end);
    let body = TokenRange::new(k, end);
    // Ends in a name: a person or body, with any title before it.
    let last = end.prev()?;
    let common_capital =
        |t: TokenId| is_person_noun(para, t) && !t.prev().is_some_and(|p| p >= at && para.is_name_word(p));
    if para.is_name_word(last) && !common_capital(last) {
        // The last name run read is the name; what stands before it is a title.
        let (name_start, name) = match last_run.clone() {
            Some((start, name, run_end)) if run_end == end => (start, name),
            _ => {
                let start = (k.ix()..end.ix()).map(TokenId::from_ix).find(|&t| {
                    para.is_name_word(t)
                        && (t == k
                            || !para.is_name_word(t.prev().unwrap_or(t))
                            || para.word(t.prev().unwrap_or(t)).is_some_and(is_possessive))
                        && para.name_at(t, end).is_some_and(|(_, e)| e == end)
                })?;
                (start, para.name_at(start, end)?.0)
            }
        };
        let mut np = simple(Referent::Name(name.clone()), range);
        np.describes_body = name_start
            .prev()
            .is_some_and(|p| p >= at && para.word_in(p, &lx.organisation_heads) && !para.is_name_word(p));
        let title_range = TokenRange::new(at, name_start);
        np.role_nouns = title_range
            .iter()
            .filter(|&t| para.word_in(t, &lx.role_nouns))
            .filter_map(|t| para.word(t))
            .chain(
                name.title
                    .iter()
                    .flat_map(|t| t.split_whitespace())
                    .filter(|w| lx.role_nouns.contains(w)),
            )
            .collect();
        if !title_range.is_empty() && !np.role_nouns.is_empty() {
            let start = if para.word(at).is_some_and(|w| w.eq_ignore_ascii_case("the")) {
                at.next()
            } else {
                at
            };
            np.role = Some(para.slice(TokenRange::new(start, name_start)));
        } else if let Some(title) = name.title {
            np.role = Some(title);
        }
        // A person named with a title word that is also a name word keeps it ("Judge Marsh").
        if let Some(honorific) = first_honorific(para, name_start, at) {
            np.role_nouns.push(honorific);
        }
        return Some(np);
    }
    let head = para.word(last)?;
    let phrase = para.slice(body);
    let head_in = |set: &super::lexicon::WordSet| para.word_in(last, set);
    let referent = if head_in(&lx.group_nouns) && !indefinite {
        Referent::Group(para.slice(range))
    } else if head_in(&lx.document_heads) && !indefinite {
        Referent::Document(phrase)
    } else if head_in(&lx.organisation_heads) && !indefinite {
        Referent::Organisation { phrase, head }
    } else if (indefinite || possessive_pronoun(para, at)) && (head_in(&lx.anonymous_heads) || head_in(&lx.role_nouns))
    {
        // "a port official", "my grandfather", "her lawyer": someone not named.
        Referent::Anonymous(para.slice(range))
    } else if head_in(&lx.role_nouns) && (!indefinite || owner) {
        Referent::RoleNoun {
            noun: head,
            owned: owner,
        }
    } else if head_in(&lx.anonymous_heads) && head.ends_with('s') {
        Referent::Group(para.slice(range))
    } else {
        return None;
    };
    let mut np = simple(referent, range);
    if let Referent::RoleNoun { noun, .. } = np.referent {
        np.role_nouns.push(noun);
        np.role = Some(phrase);
    }
    Some(np)
}

/// An honorific-like title that is also a role ("Judge", "Councillor") right before a name.
fn first_honorific<'a>(para: &Para<'a>, name_start: TokenId, floor: TokenId) -> Option<&'a str> {
    let prev = name_start.prev().filter(|&p| p >= floor)?;
    let word = para.word(prev)?;
    (para.word_in(prev, &para.lexicon.role_nouns) || para.lexicon.honorific(word).is_some()).then_some(word)
}

fn simple(referent: Referent<'_>, range: TokenRange) -> Np<'_> {
    Np {
        referent,
        range,
        ends: Small::one(range.end),
        role: None,
        role_is_appositive: false,
        acronym: None,
        describes_body: false,
        aged: false,
        role_nouns: Small::default(),
    }
}

/// Reads what may follow a core phrase: an acronym in parentheses, prepositional phrases,
/// an appositive; a role first and the name after it swap places ("Kallio’s agent, Ann Doyle,").
fn extend<'a>(para: &Para<'a>, np: &mut Np<'a>, limit: TokenId) {
    let mut at = np.range.end;
    // "(IFS)"
    if para.punct_is(at, '(')
        && let Some(word) = para.word(at.next())
        && para.punct_is(at.plus(2), ')')
        && word.chars().filter(|c| c.is_uppercase()).count() >= 2
    {
        np.acronym = Some(word);
        at = at.plus(3);
        np.ends.push(at);
    }
    // "Kenji Watanabe of Kyoto University", "Rahul Menon of consultancy TransitWorks":
    // a person's affiliation.
    if let Referent::Name(name) = &np.referent
        && !name.organisation
        && para.word(at).is_some_and(|w| matches!(w, "of" | "from" | "at"))
    {
        let j = if is_determiner(para, at.next()) {
            at.plus(2)
        } else {
            at.next()
        };
        let affiliation = read_core(para, j, limit)
            .map(|inner| inner.range.end)
            .or_else(|| para.name_at(j, limit).map(|(_, e)| e));
        if let Some(end) = affiliation {
            at = end;
            np.ends.push(at);
        }
    }
    // "a commentator on the state broadcaster SRT", "a spokesman for the ministry".
    let takes_pp = matches!(
        np.referent,
        Referent::Anonymous(_) | Referent::Group(_) | Referent::Organisation { .. } | Referent::RoleNoun { .. }
    );
    if takes_pp {
        let mut k = at;
        for _ in 0..2 {
            if k < limit
                && para
                    .word(k)
                    .is_some_and(|w| matches!(w, "of" | "for" | "at" | "on" | "from" | "in" | "with"))
            {
                let Some(inner) = read_core(para, k.next(), limit).or_else(|| {
                    let mut j = k.next();
                    if is_determiner(para, j) {
                        j = j.next();
                    }
                    para.name_at(j, limit)
                        .map(|(name, e)| simple(Referent::Name(name), TokenRange::new(j, e)))
                }) else {
                    break;
                };
                k = inner.range.end;
                np.ends.push(k);
                if let Referent::Anonymous(_) | Referent::Group(_) = np.referent {
                    let whole = para.slice(TokenRange::new(np.range.start, k));
                    np.referent = match np.referent {
                        Referent::Anonymous(_) => Referent::Anonymous(whole),
                        _ => Referent::Group(whole),
                    };
                }
            } else {
                break;
            }
        }
    }
    // "Residents opposed to the mine, …", "Researchers who have modelled the basin …": a
    // group described by the words after it, up to a comma.
    if matches!(np.referent, Referent::Group(_))
        && para
            .word(at)
            .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && !para.word_in(at, &para.lexicon.cue_verbs))
    {
        let mut k = at;
        let stop = limit.min(at.plus(MAX_CLAUSE_TOKENS));
        while k < stop && para.tok(k).is_some_and(|t| t.is_word()) {
            k = k.next();
        }
        if para.punct_is(k, ',') {
            at = k;
            np.ends.push(at);
        }
    }
    // ", APPOSITIVE," after the phrase.
    if !para.punct_is(at, ',') {
        return;
    }
    // "Carla Mendes, 45, a teacher in Lisbon,": an age before the role.
    if matches!(np.referent, Referent::Name(_))
        && para
            .word(at.next())
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && para.punct_is(at.plus(2), ',')
    {
        at = at.plus(2);
        np.ends.push(at);
        np.aged = true;
    }
    let first = at.next();
    let mut last = first;
    while last < limit
        && last.ix() - first.ix() < MAX_ROLE_TOKENS
        && para
            .tok(last)
            .is_some_and(|t| !t.is_quote() && !t.is_punct(',') && !t.is_punct(';') && !t.is_punct(':'))
    {
        last = last.next();
    }
    if last == first {
        return;
    }
    let closes = last >= limit || para.punct_is(last, ',') || para.punct_is(last, ':');
    let inner = TokenRange::new(first, last);
    // The phrase may end after the appositive's closing comma.
    let after = if para.punct_is(last, ',') { last.next() } else { last };
    match np.referent {
        Referent::Name(_) => {
            // "Ana Ruiz, a lecturer at Vigo University,"
            if let Some(role) = role_text(para, inner) {
                np.role = Some(role);
                np.role_is_appositive = true;
                np.role_nouns.extend(
                    inner
                        .iter()
                        .filter(|&t| para.word_in(t, &para.lexicon.role_nouns))
                        .filter_map(|t| para.word(t)),
                );
                np.ends.push(after);
            } else if closes {
                // "Ferris, who has represented Kallio since his academy days,"
                np.ends.push(after);
            }
        }
        Referent::RoleNoun { .. } | Referent::Organisation { .. } | Referent::Anonymous(_) if closes => {
            // "The lifeboat’s skipper, Aled Brennan," — the name is who the role describes.
            if let Some(person) = read_np(para, first, last)
                && person.ends.contains(&last)
                && let Referent::Name(name) = &person.referent
                && (!name.organisation || !matches!(np.referent, Referent::Anonymous(_)))
            {
                let role_range = TokenRange::new(
                    if para.word_is(np.range.start, "the") {
                        np.range.start.next()
                    } else {
                        np.range.start
                    },
                    np.range.end,
                );
                let mut nouns = np.role_nouns;
                nouns.extend(person.role_nouns.iter().copied());
                let last = np.range.end.prev().unwrap_or(np.range.end);
                if let Some(noun) = para.word(last).filter(|_| para.word_in(last, &para.lexicon.role_nouns)) {
                    nouns.push(noun);
                }
                // "Another analyst, Mr Rahul Menon," describes without giving a role.
                let role = (!matches!(np.referent, Referent::Anonymous(_))).then(|| para.slice(role_range));
                *np = Np {
                    referent: person.referent.clone(),
                    range: np.range,
                    ends: Small::one(after),
                    role,
                    role_is_appositive: true,
                    acronym: None,
                    describes_body: false,
                    aged: false,
                    role_nouns: nouns,
                };
            }
        }
        _ => {}
    }
}

/// Role words, kept only if they read as a role: a role noun, or a phrase opening with an article.
pub(crate) fn role_text<'a>(para: &Para<'a>, range: TokenRange) -> Option<&'a str> {
    let mut range = range;
    // "Carla Mendes, 45, a teacher in Lisbon,": the age is not the role.
    if range.len() > 2
        && para
            .word(range.start)
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
        && para.punct_is(range.start.next(), ',')
    {
        range.start = range.start.plus(2);
    }
    let lx = para.lexicon;
    let first_word = range.iter().find(|&t| para.word(t).is_some());
    if first_word.is_some_and(|t| para.word_in(t, &lx.clause_words) || para.word_in(t, &lx.prepositions)) {
        return None;
    }
    // A role noun among the words, or among the parts of a hyphenated one ("co-founder").
    let has_role_noun = |t: TokenId| match para.word(t) {
        Some(word) if word.contains('-') => word.split('-').any(|part| lx.role_nouns.contains(part)),
        Some(_) => para.word_in(t, &lx.role_nouns),
        None => false,
    };
    let reads_as_role = first_word
        .and_then(|t| para.word(t))
        .is_some_and(|w| ["a", "an", "the"].iter().any(|d| w.eq_ignore_ascii_case(d)))
        || range.iter().any(has_role_noun);
    let mut end = range.end;
    while end > range.start && para.tok(end.prev().unwrap_or(end)).is_some_and(|t| !t.is_word()) {
        end = end.prev().unwrap_or(end);
    }
    reads_as_role.then(|| para.slice(TokenRange::new(range.start, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn np(text: &str) -> (String, Option<String>) {
        let lexicon = Lexicon::builtin();
        let para = Para::new(text, &lexicon);
        let limit = TokenId::from_ix(para.toks.len());
        let np = read_np(&para, TokenId(0), limit).unwrap_or_else(|| panic!("no phrase in {text}"));
        (np.referent.label(), np.role.map(str::to_owned))
    }

    #[test]
    fn noun_phrases() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Ana Ruiz, a lecturer at Vigo University, said",
                "Ana Ruiz",
                Some("a lecturer at Vigo University"),
            ),
            (
                "deputy harbourmaster Anneliese Voor conceded",
                "Anneliese Voor",
                Some("deputy harbourmaster"),
            ),
            (
                "The lifeboat’s skipper, Aled Brennan, said",
                "Aled Brennan",
                Some("lifeboat’s skipper"),
            ),
            ("the striker said", "role:striker", Some("striker")),
            ("a port official called", "anon:a port official", None),
            (
                "a commentator on the state broadcaster SRT said",
                "anon:a commentator on the state broadcaster SRT",
                None,
            ),
            ("Campaigners, some of whom", "group:Campaigners", None),
            (
                "The Telerian foreign ministry on Monday",
                "org:Telerian foreign ministry",
                None,
            ),
            ("Khevra’s foreign ministry said", "org:Khevra’s foreign ministry", None),
            ("the statement said", "doc:statement", None),
            ("she said", "pron:she", None),
            (
                "Homeland Front leader Vesna Arkadi wrote",
                "Vesna Arkadi",
                Some("Homeland Front leader"),
            ),
            (
                "The Central Electoral Commission (CEC) said",
                "Central Electoral Commission",
                None,
            ),
            (
                "The Kestrian Dockworkers' Federation late on Tuesday",
                "Kestrian Dockworkers' Federation",
                None,
            ),
            ("Sofia West, an analyst, said", "Sofia West", Some("an analyst")),
        ];
        for (text, who, role) in cases {
            let (got, got_role) = np(text);
            assert_eq!((got.as_str(), got_role.as_deref()), (*who, *role), "{text}");
        }
    }
}
