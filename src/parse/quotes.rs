//! Stage 3a: find the quotation marks in a paragraph, as written anywhere: curly and straight,
//! double and single, « » and „ “, nested quotes inside quotes, and apostrophes told apart.

use std::ops::Range;

/// The family a quotation mark belongs to; a quote closes with a mark of its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MarkFamily {
    /// “…”, „…“ and ‟…”.
    Double,
    /// "…" (the same mark opens and closes).
    StraightDouble,
    /// ‘…’ and ‚…’.
    Single,
    /// '…' (the same mark opens and closes).
    StraightSingle,
    /// «…».
    Guillemet,
}

/// One pair of quotation marks (or an opening mark left open at the paragraph's end).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Bytes of the quoted text, between the marks, trimmed of spaces.
    pub inner: Range<usize>,
    /// Byte offset just past the closing mark; `None` when the quote runs on past the paragraph.
    pub close: Option<usize>,
    /// 0 for a quote in the writer's text, 1 for a quote inside a quote, and so on.
    pub depth: u8,
    /// Index (in the same list) of the quote this one sits inside.
    pub parent: Option<usize>,
    /// The marks used.
    pub family: MarkFamily,
}

impl QuoteSpan {
    /// Byte offset just past the whole quote, marks included.
    pub(crate) fn outer_end(&self) -> usize {
        self.close.unwrap_or(self.inner.end)
    }
}

/// Whether `c` is any double quotation mark this parser knows (straight or curly, « »).
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(c, '“' | '”' | '„' | '‟' | '«' | '»' | '"')
}

/// An open mark waiting for its close.
struct Open {
    at: usize,
    width: usize,
    family: MarkFamily,
    /// Opened with „ (closed by “ as well as ”).
    low: bool,
    slot: usize,
}

/// Every quote in `text`, in order of their opening marks, nested ones included.
///
/// A closing mark with nothing open is ignored; a quote left open at the end of the
/// text runs to the end when it is in the writer's text (a quote continued in the
/// next paragraph), and is dropped when it sits inside another quote.
pub(crate) fn find_quotes(text: &str) -> Vec<QuoteSpan> {
    find_quotes_into(text, &mut QuoteScratch::default(), Vec::new())
}

/// The lists [`find_quotes_into`] works in, kept so that one paragraph's room serves the next.
#[derive(Default)]
pub(crate) struct QuoteScratch {
    slots: Vec<Slot>,
    stack: Vec<Open>,
}

/// [`find_quotes`], into a list whose room is reused (it is cleared first), working in
/// `scratch`'s lists.
pub(crate) fn find_quotes_into(text: &str, scratch: &mut QuoteScratch, mut out: Vec<QuoteSpan>) -> Vec<QuoteSpan> {
    out.clear();
    let bytes = text.as_bytes();
    // « and » start with 0xC2: most paragraphs have no such byte, and then it is not
    // looked for again at every mark.
    let rare = memchr::memchr(0xC2, bytes).is_some();
    // Most lines of furniture hold no mark at all: nothing to do.
    let Some(first_mark) = next_mark_byte(bytes, 0, rare) else {
        return out;
    };
    let QuoteScratch { slots, stack } = scratch;
    slots.clear();
    stack.clear();
    // The text before the first mark was searched above: the loop starts at the mark.
    let mut at = first_mark;
    while let Some(mark) = next_mark_byte(bytes, at, rare) {
        at = mark;
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let width = c.len_utf8();
        // Dashes and ellipses share the marks' first byte: passed over before the
        // characters around them are read.
        if !(is_quote_mark(c) || matches!(c, '‘' | '‚' | '’' | '\'')) {
            at += width;
            continue;
        }
        let prev = text[..at].chars().next_back();
        let next = text[at + width..].chars().next();
        let open_family = |family: MarkFamily| stack.iter().rposition(|o| o.family == family);
        let slots = &mut *slots;
        let mut opener = |family: MarkFamily, low: bool, stack: &mut Vec<Open>| {
            let slot = slots.len();
            slots.push(Slot {
                quote: None,
                parent: stack.last().map(|o| o.slot),
                kept_as: None,
            });
            stack.push(Open {
                at,
                width,
                family,
                low,
                slot,
            });
        };
        match c {
            '“' => {
                if let Some(top) = stack.iter().rposition(|o| o.family == MarkFamily::Double && o.low) {
                    close_at(stack, slots, top, text, at, width);
                } else if next.is_some_and(|n| !n.is_whitespace()) {
                    opener(MarkFamily::Double, false, stack);
                }
            }
            '„' | '‟' => opener(MarkFamily::Double, c == '„', stack),
            '«' => opener(MarkFamily::Guillemet, false, stack),
            '”' => {
                if let Some(k) = open_family(MarkFamily::Double).or_else(|| open_family(MarkFamily::StraightDouble)) {
                    close_at(stack, slots, k, text, at, width);
                }
            }
            '»' => {
                if let Some(k) = open_family(MarkFamily::Guillemet) {
                    close_at(stack, slots, k, text, at, width);
                }
            }
            '"' => {
                if let Some(k) = open_family(MarkFamily::StraightDouble).filter(|_| closes_straight(prev, next)) {
                    close_at(stack, slots, k, text, at, width);
                } else if let Some(k) = open_family(MarkFamily::Double).filter(|_| closes_straight(prev, next)) {
                    // “Mixed marks" closed by a straight mark.
                    close_at(stack, slots, k, text, at, width);
                } else if opens_straight(prev, next) {
                    opener(MarkFamily::StraightDouble, false, stack);
                }
            }
            '‘' | '‚' if next.is_some_and(|n| !n.is_whitespace()) && !is_elided_year(&text[at + width..]) => {
                opener(MarkFamily::Single, false, stack);
            }
            '’' => {
                if let Some(k) = open_family(MarkFamily::Single)
                    && closes_single(text, at, width, prev, next, '’')
                {
                    close_at(stack, slots, k, text, at, width);
                }
            }
            '\'' => {
                if let Some(k) = open_family(MarkFamily::StraightSingle)
                    && closes_single(text, at, width, prev, next, '\'')
                {
                    close_at(stack, slots, k, text, at, width);
                } else if prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:“\"".contains(p))
                    && next.is_some_and(char::is_alphabetic)
                    && has_straight_single_close(&text[at + width..])
                {
                    opener(MarkFamily::StraightSingle, false, stack);
                }
            }
            _ => {}
        }
        at += width;
    }
    // A quote in the writer's text left open runs on into the next paragraph; an
    // unclosed quote inside another was most likely an apostrophe.
    if let Some(bottom) = stack.first() {
        let start = bottom.at + bottom.width;
        slots[bottom.slot].quote = trimmed(text, bottom.at, start..text.len(), None, bottom.family);
    }
    finish(slots, out)
}

/// A quote opened while reading: what it became once closed, the slot of the quote open
/// around it, and its index in the final list once kept.
struct Slot {
    quote: Option<QuoteSpan>,
    parent: Option<usize>,
    kept_as: Option<usize>,
}

/// Where the next byte that may start a mark stands, from `from` on: every mark is '"',
/// '\'' or starts with byte 0xE2 (“ ” „ ‟ ‘ ’ ‚) or 0xC2 (« »); 0xC2 is looked for only when
/// the text has one (`rare`).
fn next_mark_byte(bytes: &[u8], from: usize, rare: bool) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let common = memchr::memchr3(b'"', b'\'', 0xE2, rest);
    if !rare {
        return common.map(|at| from + at);
    }
    // 0xC2 is rare: it is looked for only before the next of the others.
    let guillemet = memchr::memchr(0xC2, &rest[..common.unwrap_or(rest.len())]);
    guillemet.or(common).map(|at| from + at)
}

/// Closes the open mark at stack position `k`; marks opened inside it and never closed are dropped.
fn close_at(stack: &mut Vec<Open>, slots: &mut [Slot], k: usize, text: &str, at: usize, width: usize) {
    stack.truncate(k + 1);
    if let Some(open) = stack.pop() {
        let inner = open.at + open.width..at;
        slots[open.slot].quote = trimmed(text, open.at, inner, Some(at + width), open.family);
    }
}

fn trimmed(
    text: &str,
    open: usize,
    inner: Range<usize>,
    close: Option<usize>,
    family: MarkFamily,
) -> Option<QuoteSpan> {
    let body = &text[inner.clone()];
    let start = inner.start + (body.len() - body.trim_start().len());
    let end = inner.start + body.trim_end().len();
    (start < end).then_some(QuoteSpan {
        open,
        inner: start..end,
        close,
        depth: 0,
        parent: None,
        family,
    })
}

/// Drops empty slots and renumbers parents and depths, into `out` (empty).
fn finish(slots: &mut [Slot], mut out: Vec<QuoteSpan>) -> Vec<QuoteSpan> {
    out.reserve(slots.len());
    for slot in 0..slots.len() {
        let Some(mut quote) = slots[slot].quote.take() else {
            continue;
        };
        // The nearest enclosing quote that survived, and that really encloses it.
        let mut parent = slots[slot].parent;
        while let Some(p) = parent {
            if slots[p].kept_as.is_some() {
                break;
            }
            parent = slots[p].parent;
        }
        quote.parent = parent.and_then(|p| slots[p].kept_as).filter(|&p: &usize| {
            let outer: &QuoteSpan = &out[p];
            outer.inner.start <= quote.open && quote.outer_end() <= outer.outer_end().max(outer.inner.end)
        });
        quote.depth = quote.parent.map_or(0, |p| out[p].depth.saturating_add(1));
        slots[slot].kept_as = Some(out.len());
        out.push(quote);
    }
    out
}

/// A straight double mark opens a quote after white space, an opening bracket or
/// dash, or straight after a sentence's end (`she said."We won."`), before a non-space.
fn opens_straight(prev: Option<char>, next: Option<char>) -> bool {
    let after_gap = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:‘".contains(p));
    let after_stop = prev.is_some_and(|p| ".!?".contains(p)) && next.is_some_and(char::is_uppercase);
    let before_text = next.is_some_and(|n| !n.is_whitespace());
    (after_gap || after_stop) && before_text
}

/// A straight mark closes after text, or before a space, punctuation or the end.
fn closes_straight(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) || next.is_none_or(|n| !n.is_alphanumeric())
}

/// Whether a right single mark at `at` closes a single quote rather than being an
/// apostrophe: not inside a word (don’t, Korea’s), not after a space (the ’90s), and
/// not a plural possessive (the players’ union) when a later mark can close instead.
fn closes_single(text: &str, at: usize, width: usize, prev: Option<char>, next: Option<char>, mark: char) -> bool {
    if prev.is_none_or(char::is_whitespace) || next.is_some_and(char::is_alphanumeric) {
        return false;
    }
    let rest = &text[at + width..];
    let plural_possessive = prev == Some('s')
        && rest.starts_with(' ')
        && rest[1..].chars().next().is_some_and(char::is_lowercase)
        && later_single_close(rest, mark);
    !plural_possessive
}

/// Whether `rest` holds another mark that could close a single quote.
fn later_single_close(rest: &str, mark: char) -> bool {
    let mut prev = None;
    let mut chars = rest.chars().peekable();
    while let Some(c) = chars.next() {
        if c == mark
            && prev.is_some_and(|p: char| !p.is_whitespace())
            && chars.peek().is_none_or(|n| !n.is_alphanumeric())
        {
            return true;
        }
        prev = Some(c);
    }
    false
}

fn has_straight_single_close(rest: &str) -> bool {
    later_single_close(rest, '\'')
}

/// ‘90s written with the wrong mark: digits then "s".
fn is_elided_year(rest: &str) -> bool {
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits == 2 && rest[digits..].starts_with('s')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_bytes_are_found_in_order_rare_ones_too() {
        let text = "a « b » “c” 'd' \"e\" — f".as_bytes();
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(mark) = next_mark_byte(text, at, true) {
            found.push(text[mark]);
            at = mark + 1;
        }
        // « and » start with 0xC2; “ ” and — with 0xE2.
        assert_eq!(found, [0xC2, 0xC2, 0xE2, 0xE2, b'\'', b'\'', b'"', b'"', 0xE2]);
        assert_eq!(next_mark_byte(b"no marks here", 0, true), None);
        assert_eq!(next_mark_byte(b"x", 5, true), None);
        // Without 0xC2 looked for, the others are found alike.
        assert_eq!(next_mark_byte("a “c”".as_bytes(), 0, false), Some(2));
    }

    #[test]
    fn dashes_and_ellipses_are_not_marks() {
        assert_eq!(quoted("He left — “fine…” — she said"), [("fine…", 0)]);
        assert_eq!(quoted("« Oui », dit-il"), [("Oui", 0)]);
    }

    fn quoted(text: &str) -> Vec<(&str, u8)> {
        find_quotes(text)
            .into_iter()
            .map(|q| (&text[q.inner], q.depth))
            .collect()
    }

    #[test]
    fn quote_marks_as_written() {
        let cases: &[(&str, &[(&str, u8)])] = &[
            ("“Yes,” she said.", &[("Yes,", 0)]),
            ("\"Yes,\" she said, \"and no.\"", &[("Yes,", 0), ("and no.", 0)]),
            ("Mixed “marks\" here", &[("marks", 0)]),
            ("a 12\" screen", &[]),
            ("lone ” closer", &[]),
            ("“Runs on to the end", &[("Runs on to the end", 0)]),
            ("empty “” marks", &[]),
            ("„German“ style", &[("German", 0)]),
            ("«Guillemets» too", &[("Guillemets", 0)]),
            ("she said.\"We are pleased.\"", &[("We are pleased.", 0)]),
            ("‘Jonah’s the heartbeat,’ he said.", &[("Jonah’s the heartbeat,", 0)]),
            ("since the ’90s, ‘we don’t sell’ players", &[("we don’t sell", 0)]),
            ("the players’ union called it ‘a farce’.", &[("a farce", 0)]),
            (
                "‘Run on into the next paragraph.",
                &[("Run on into the next paragraph.", 0)],
            ),
            (
                "“The toast was ‘to friendship’, and the word ‘historic’ came later,” he said.",
                &[
                    ("The toast was ‘to friendship’, and the word ‘historic’ came later,", 0),
                    ("to friendship", 1),
                    ("historic", 1),
                ],
            ),
            (
                "‘Nobody has defined “exceptional”,’ he said.",
                &[("Nobody has defined “exceptional”,", 0), ("exceptional", 1)],
            ),
            ("the ‘90s were fine", &[]),
            ("it's 'straight singles' here", &[("straight singles", 0)]),
        ];
        for (text, expected) in cases {
            assert_eq!(quoted(text), *expected, "{text}");
        }
    }

    #[test]
    fn nested_quotes_name_their_parent() {
        let quotes = find_quotes("“He said ‘no’ twice.”");
        assert_eq!(quotes[1].parent, Some(0));
        assert_eq!(quotes[0].parent, None);
    }
}
