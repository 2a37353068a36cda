//! Stage 3b: cut a paragraph (or the words inside one quote) into words, punctuation and
//! opaque quote tokens, and the tokens into sentences; tokens and sentences have typed ids.

use std::ops::Range;

use super::lexicon::{Lexicon, WordSet};
use super::quotes::QuoteSpan;

/// The position of a token in its paragraph's token list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TokenId(pub u32);

impl TokenId {
    /// As a list index.
    pub(crate) fn ix(self) -> usize {
        self.0 as usize
    }

    /// The token `n` places on.
    pub(crate) fn plus(self, n: usize) -> TokenId {
        TokenId(self.0.saturating_add(u32::try_from(n).unwrap_or(u32::MAX)))
    }

    /// The token before, if any.
    pub(crate) fn prev(self) -> Option<TokenId> {
        self.0.checked_sub(1).map(TokenId)
    }

    /// The token after.
    pub(crate) fn next(self) -> TokenId {
        self.plus(1)
    }

    pub(crate) fn from_ix(ix: usize) -> TokenId {
        TokenId(u32::try_from(ix).unwrap_or(u32::MAX))
    }
}

/// A half-open run of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TokenRange {
    /// First token.
    pub start: TokenId,
    /// Token just past the last.
    pub end: TokenId,
}

impl TokenRange {
    pub(crate) fn new(start: TokenId, end: TokenId) -> Self {
        TokenRange { start, end }
    }

    /// The ids in the range, in order.
    pub(crate) fn iter(self) -> impl DoubleEndedIterator<Item = TokenId> {
        (self.start.0..self.end.0).map(TokenId)
    }

    pub(crate) fn contains(self, id: TokenId) -> bool {
        self.start <= id && id < self.end
    }

    pub(crate) fn is_empty(self) -> bool {
        self.start >= self.end
    }

    pub(crate) fn len(self) -> usize {
        self.end.ix().saturating_sub(self.start.ix())
    }
}

/// The position of a sentence in its paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct SentenceId(pub u32);

impl SentenceId {
    pub(crate) fn ix(self) -> usize {
        self.0 as usize
    }

    pub(crate) fn from_ix(ix: usize) -> SentenceId {
        SentenceId(u32::try_from(ix).unwrap_or(u32::MAX))
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters and digits, with inner hyphens and apostrophes ("Jae-won", "Ruiz’s").
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole quote, marks included: the index into the paragraph's quotes (a `u32`, so
    /// that a token stays small).
    Quote(u32),
}

/// A token with its byte range in the paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tok {
    /// What it is.
    pub kind: TokKind,
    /// First byte.
    pub start: usize,
    /// Byte just past it.
    pub end: usize,
    /// A capitalised word that may be part of a name (decided once, with the lexicon).
    pub name: bool,
    /// The lexicon sets the word belongs to, as bits (see [`Lexicon::classes`]).
    pub class: u64,
}

impl Tok {
    /// Its text in `para`.
    pub(crate) fn text<'a>(&self, para: &'a str) -> &'a str {
        &para[self.start..self.end]
    }

    /// Whether it is the punctuation character `c`.
    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }

    /// Whether it is a word.
    pub(crate) fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }

    /// Whether it is a word in `set`: by its class bits when the set has a bit, else by
    /// looking its text (in `para`) up.
    #[inline]
    pub(crate) fn is_word_in(&self, para: &str, set: &WordSet) -> bool {
        match self.kind {
            TokKind::Word if set.bit() != 0 => self.class & set.bit() != 0,
            TokKind::Word => set.contains(self.text(para)),
            _ => false,
        }
    }

    /// Whether it is a quote.
    pub(crate) fn is_quote(&self) -> bool {
        matches!(self.kind, TokKind::Quote(_))
    }

    /// The quote's index, when it is one.
    pub(crate) fn quote(&self) -> Option<usize> {
        match self.kind {
            TokKind::Quote(q) => Some(q as usize),
            _ => None,
        }
    }
}

/// Cuts the bytes `range` of `text` into tokens; each quote in `quotes` (given with its
/// index, in order, all within the range) becomes one opaque token.
pub(crate) fn tokenize<'q>(
    text: &str,
    range: Range<usize>,
    quotes: impl IntoIterator<Item = (usize, &'q QuoteSpan)>,
    lexicon: &Lexicon,
) -> Vec<Tok> {
    tokenize_into(Vec::new(), text, range, quotes, lexicon)
}

/// [`tokenize`], into a list whose room is reused (it is cleared first): one paragraph's
/// list serves the next.
pub(crate) fn tokenize_into<'q>(
    mut toks: Vec<Tok>,
    text: &str,
    range: Range<usize>,
    quotes: impl IntoIterator<Item = (usize, &'q QuoteSpan)>,
    lexicon: &Lexicon,
) -> Vec<Tok> {
    // About one token per five bytes of English: sized once rather than grown.
    toks.clear();
    toks.reserve(range.len() / 5 + 8);
    let mut quotes = quotes.into_iter();
    // The next quote, and where it opens (past the end when none is left): one comparison
    // a token tells whether it is reached.
    let mut next_quote = quotes.next();
    let mut quote_open = next_quote.map_or(usize::MAX, |(_, q)| q.open);
    let bytes = text.as_bytes();
    let mut at = range.start;
    let end_of_text = range.end.min(bytes.len());
    while at < end_of_text {
        if quote_open <= at
            && let Some((index, q)) = next_quote
        {
            toks.push(Tok {
                kind: TokKind::Quote(u32::try_from(index).unwrap_or(u32::MAX)),
                start: q.open,
                end: q.outer_end(),
                name: false,
                class: 0,
            });
            at = q.outer_end().max(at + 1);
            next_quote = quotes.next();
            quote_open = next_quote.map_or(usize::MAX, |(_, q)| q.open);
            continue;
        }
        // Spaces, the commonest byte between tokens, are skipped without decoding.
        if bytes[at] == b' ' {
            at += 1;
            continue;
        }
        let (c, width) = char_at(text, at);
        if is_word_char(c) {
            let start = at;
            let mut end = at + width;
            loop {
                // Plain ASCII letters and digits, one table load a byte.
                while end < end_of_text && ASCII_WORD_BYTE[usize::from(bytes[end])] {
                    end += 1;
                }
                if end >= end_of_text {
                    break;
                }
                // Any other ASCII byte but a hyphen or an apostrophe ends the word.
                let next_byte = bytes[end];
                if next_byte.is_ascii() && next_byte != b'-' && next_byte != b'\'' {
                    break;
                }
                let (n, n_width) = char_at(text, end);
                // Hyphens and apostrophes join words ("Jae-won", "Ruiz’s").
                let joiner = matches!(n, '-' | '\'' | '’')
                    && end + n_width < end_of_text
                    && is_word_char(char_at(text, end + n_width).0)
                    && quote_open != end;
                if !(is_word_char(n) || joiner) {
                    break;
                }
                end += n_width;
            }
            let word = &text[start..end];
            let name = c.is_uppercase() && !lexicon.not_names.contains(word);
            // "June Ashby": a month that is also a given name, before another name.
            if name
                && let Some(prev) = toks.last_mut()
                && prev.is_word()
                && !prev.name
                && prev.end + 1 == start
                && lexicon.month_names.contains(prev.text(text))
            {
                prev.name = true;
            }
            toks.push(Tok {
                kind: TokKind::Word,
                start,
                end,
                name,
                class: lexicon.classes(word),
            });
            at = end;
        } else if c.is_whitespace() || c == '\0' {
            at += width;
        } else {
            toks.push(Tok {
                kind: TokKind::Punct(c),
                start: at,
                end: at + width,
                name: false,
                class: 0,
            });
            at += width;
        }
    }
    toks
}

/// Whether each byte is an ASCII letter or digit.
const ASCII_WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// The character at byte `at` (a char boundary) and its width; ASCII without decoding.
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        return (char::from(byte), 1);
    }
    let c = text[at..].chars().next().unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Token ranges of the sentences in a run of tokens.
pub(crate) fn sentences(text: &str, toks: &[Tok], quotes: &[QuoteSpan], lexicon: &Lexicon) -> Vec<TokenRange> {
    sentences_into(Vec::new(), text, toks, quotes, lexicon)
}

/// [`sentences`], into a list whose room is reused (it is cleared first).
pub(crate) fn sentences_into(
    mut out: Vec<TokenRange>,
    text: &str,
    toks: &[Tok],
    quotes: &[QuoteSpan],
    lexicon: &Lexicon,
) -> Vec<TokenRange> {
    // A sentence of news copy runs to a few dozen tokens.
    out.clear();
    out.reserve(toks.len() / 24 + 1);
    let mut start = 0;
    for i in 0..toks.len() {
        let ends_here = match toks[i].kind {
            TokKind::Punct('.' | '!' | '?' | '…') => {
                let abbreviation = toks[i].is_punct('.')
                    && i > 0
                    && toks[i - 1].is_word()
                    && toks[i - 1].end == toks[i].start
                    && is_abbreviation(toks[i - 1].text(text), lexicon);
                // "5.25 per cent", "3.5bn": a decimal point.
                let decimal = toks[i].is_punct('.')
                    && i > 0
                    && toks[i - 1].end == toks[i].start
                    && toks[i - 1].text(text).ends_with(|c: char| c.is_ascii_digit())
                    && toks.get(i + 1).is_some_and(|n| {
                        n.start == toks[i].end && n.text(text).starts_with(|c: char| c.is_ascii_digit())
                    });
                !(abbreviation || decimal)
            }
            TokKind::Quote(q) => quotes
                .get(q as usize)
                .is_some_and(|quote| quote.close.is_some() && text[quote.inner.clone()].ends_with(['.', '!', '?'])),
            _ => false,
        };
        if ends_here && toks.get(i + 1).is_none_or(|n| starts_sentence(n, text)) {
            out.push(TokenRange::new(TokenId::from_ix(start), TokenId::from_ix(i + 1)));
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(TokenRange::new(TokenId::from_ix(start), TokenId::from_ix(toks.len())));
    }
    out
}

fn is_abbreviation(word: &str, lexicon: &Lexicon) -> bool {
    lexicon.abbreviations.contains(word) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

fn starts_sentence(tok: &Tok, text: &str) -> bool {
    match tok.kind {
        TokKind::Word => tok
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric()),
        TokKind::Quote(_) => true,
        TokKind::Punct(c) => matches!(c, '(' | '[' | '‘' | '\''),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::quotes::find_quotes;

    fn toks(text: &str) -> (Vec<Tok>, Vec<QuoteSpan>) {
        let quotes = find_quotes(text);
        let top = quotes.iter().enumerate().filter(|(_, q)| q.depth == 0);
        let toks = tokenize(text, 0..text.len(), top, &Lexicon::builtin());
        (toks, quotes)
    }

    #[test]
    fn quotes_become_single_tokens() {
        let text = "“We won,” Ana Ruiz’s aide said.";
        let (toks, _) = toks(text);
        let words: Vec<_> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["“We won,”", "Ana", "Ruiz’s", "aide", "said", "."]);
    }

    #[test]
    fn sentences_skip_abbreviations_and_split_after_quotes() {
        let text = "Mr. Lee said so. “It ended.” Then Dr. Oduya left 5.25 per cent";
        let (toks, quotes) = toks(text);
        let s = sentences(text, &toks, &quotes, &Lexicon::builtin());
        let firsts: Vec<_> = s.iter().map(|r| toks[r.start.ix()].text(text)).collect();
        assert_eq!(firsts, ["Mr", "“It ended.”", "Then"]);
    }
}
