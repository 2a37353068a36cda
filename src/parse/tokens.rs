//! Stage 3: find the quotation marks in a paragraph and cut the rest into words, punctuation and sentences.

use std::ops::Range;

use super::lexicon::Lexicon;

/// One pair of quotation marks (or an opening mark left open at the paragraph's end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Bytes of the quoted text, between the marks.
    pub inner: Range<usize>,
    /// Byte offset just past the closing mark; `None` when the quote runs on.
    pub close: Option<usize>,
}

impl QuoteSpan {
    /// Byte offset just past the whole quote, marks included.
    pub(crate) fn outer_end(&self) -> usize {
        self.close.unwrap_or(self.inner.end)
    }
}

fn is_opening_mark(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‟')
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Whether `c` is any double quotation mark this parser knows.
pub(crate) fn is_quote_mark(c: char) -> bool {
    is_opening_mark(c) || is_closing_mark(c) || c == '"'
}

/// The quotes in `text`: curly, straight and mixed double marks. A lone
/// closing mark is ignored; an opening mark never closed runs to the end.
pub(crate) fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    let bytes = text.as_bytes();
    let mut quotes = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    // Every mark is '"' or starts with byte 0xE2 (“ ” „ ‟) or 0xC2 (« »):
    // skip everything else without decoding it.
    while let Some(step) = bytes[at..].iter().position(|&b| matches!(b, b'"' | 0xE2 | 0xC2)) {
        at += step;
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        match open {
            None if is_opening_mark(c) => open = Some(at),
            None if c == '"' => {
                let prev = text[..at].chars().next_back();
                let next = text[at + 1..].chars().next();
                if opens_straight(prev, next) {
                    open = Some(at);
                }
            }
            Some(start) if is_closing_mark(c) || c == '"' || (c == '“' && text[start..].starts_with('„')) => {
                let inner = start + text[start..].chars().next().map_or(1, char::len_utf8)..at;
                push_quote(&mut quotes, text, start, inner, Some(at + width));
                open = None;
            }
            _ => {}
        }
        at += width;
    }
    if let Some(start) = open {
        let inner_start = start + text[start..].chars().next().map_or(1, char::len_utf8);
        push_quote(&mut quotes, text, start, inner_start..text.len(), None);
    }
    quotes
}

/// A straight mark opens a quote after white space or an opening bracket, before a non-space.
fn opens_straight(prev: Option<char>, next: Option<char>) -> bool {
    let after_gap = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
    let before_text = next.is_some_and(|n| !n.is_whitespace());
    after_gap && before_text
}

fn push_quote(quotes: &mut Vec<QuoteSpan>, text: &str, open: usize, inner: Range<usize>, close: Option<usize>) {
    let body = &text[inner.clone()];
    let trimmed_start = inner.start + (body.len() - body.trim_start().len());
    let trimmed_end = inner.start + body.trim_end().len();
    if trimmed_start < trimmed_end {
        quotes.push(QuoteSpan {
            open,
            inner: trimmed_start..trimmed_end,
            close,
        });
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    /// Letters and digits, with inner hyphens and apostrophes ("Jae-won", "Ruiz’s").
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole quote, marks included: the index into the paragraph's quotes.
    Quote(usize),
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

    /// Whether it is a quote.
    pub(crate) fn is_quote(&self) -> bool {
        matches!(self.kind, TokKind::Quote(_))
    }
}

/// Cuts `text` into tokens; each quote in `quotes` becomes one opaque token.
#[cfg(test)]
pub(crate) fn tokenize(text: &str, quotes: &[QuoteSpan], lexicon: &Lexicon) -> Vec<Tok> {
    let mut toks = Vec::new();
    tokenize_into(text, quotes, lexicon, &mut toks);
    toks
}

/// [`tokenize`] into a buffer the caller reuses from paragraph to paragraph.
pub(crate) fn tokenize_into(text: &str, quotes: &[QuoteSpan], lexicon: &Lexicon, toks: &mut Vec<Tok>) {
    toks.clear();
    let mut next_quote = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if let Some(q) = quotes.get(next_quote)
            && q.open == at
        {
            toks.push(Tok {
                kind: TokKind::Quote(next_quote),
                start: q.open,
                end: q.outer_end(),
                name: false,
            });
            at = q.outer_end().max(at + 1);
            next_quote += 1;
            continue;
        }
        let (c, width) = char_at(text, at);
        if is_word_char(c) {
            let start = at;
            let mut end = at + width;
            let quote_at = quotes.get(next_quote).map_or(usize::MAX, |q| q.open);
            while end < bytes.len() {
                let (n, n_width) = char_at(text, end);
                // Hyphens and apostrophes join words ("Jae-won", "Ruiz’s").
                let joiner = matches!(n, '-' | '\'' | '’')
                    && end + n_width < bytes.len()
                    && is_word_char(char_at(text, end + n_width).0)
                    && quote_at != end;
                if !(is_word_char(n) || joiner) {
                    break;
                }
                end += n_width;
            }
            let word = &text[start..end];
            let name = c.is_uppercase() && !lexicon.not_names.contains(word);
            toks.push(Tok {
                kind: TokKind::Word,
                start,
                end,
                name,
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
            });
            at += width;
        }
    }
}

/// The character at byte `at` (a char boundary) and its width; ASCII without decoding.
fn char_at(text: &str, at: usize) -> (char, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        return (char::from(byte), 1);
    }
    let c = text[at..].chars().next().unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "No", "Gen", "Lt", "Col", "Sgt", "Capt", "Rep", "Sen", "Gov",
    "Inc", "Ltd", "Co", "vs", "etc", "Rev", "Fr", "Mt", "Ft", "approx", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec", "Adm", "Maj", "Brig",
];

/// Token ranges of the sentences in a paragraph.
#[cfg(test)]
pub(crate) fn sentences(text: &str, toks: &[Tok], quotes: &[QuoteSpan]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    sentences_into(text, toks, quotes, &mut out);
    out
}

/// [`sentences`] into a reused buffer.
pub(crate) fn sentences_into(text: &str, toks: &[Tok], quotes: &[QuoteSpan], out: &mut Vec<Range<usize>>) {
    out.clear();
    let mut start = 0;
    for i in 0..toks.len() {
        let ends_here = match toks[i].kind {
            TokKind::Punct('.' | '!' | '?' | '…') => {
                let abbreviation = toks[i].is_punct('.')
                    && i > 0
                    && toks[i - 1].is_word()
                    && toks[i - 1].end == toks[i].start
                    && is_abbreviation(toks[i - 1].text(text));
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
            TokKind::Quote(q) => {
                quotes[q].close.is_some() && {
                    let inner = &text[quotes[q].inner.clone()];
                    inner.ends_with(['.', '!', '?'])
                }
            }
            _ => false,
        };
        let next_starts = toks.get(i + 1).is_none_or(|n| starts_sentence(n, text));
        if ends_here && next_starts {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
}

fn is_abbreviation(word: &str) -> bool {
    ABBREVIATIONS.contains(&word) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
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

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text).into_iter().map(|q| &text[q.inner]).collect()
    }

    #[test]
    fn quote_marks() {
        let cases: &[(&str, &[&str])] = &[
            ("“Yes,” she said.", &["Yes,"]),
            ("\"Yes,\" she said, \"and no.\"", &["Yes,", "and no."]),
            ("Mixed “marks\" here", &["marks"]),
            ("a 12\" screen", &[]),
            ("lone ” closer", &[]),
            ("“Runs on to the end", &["Runs on to the end"]),
            ("empty “” marks", &[]),
            ("„German“ style", &["German"]),
            ("«Guillemets» too", &["Guillemets"]),
        ];
        for (text, expected) in cases {
            assert_eq!(quoted(text), *expected, "{text}");
        }
    }

    #[test]
    fn quotes_become_single_tokens() {
        let text = "“We won,” Ana Ruiz’s aide said.";
        let quotes = find_quotes(text);
        let toks = tokenize(text, &quotes, &Lexicon::builtin());
        let words: Vec<_> = toks.iter().map(|t| t.text(text)).collect();
        assert_eq!(words, ["“We won,”", "Ana", "Ruiz’s", "aide", "said", "."]);
    }

    #[test]
    fn sentences_skip_abbreviations_and_split_after_quotes() {
        let text = "Mr. Lee said so. “It ended.” Then Dr. Oduya left 5.25 per cent";
        let quotes = find_quotes(text);
        let toks = tokenize(text, &quotes, &Lexicon::builtin());
        let s = sentences(text, &toks, &quotes);
        let firsts: Vec<_> = s.iter().map(|r| toks[r.start].text(text)).collect();
        assert_eq!(firsts, ["Mr", "“It ended.”", "Then"]);
    }
}
