//! Stage 2: tell body copy from page furniture (dateline, captions, related links, pull quotes, footer).

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::lexicon::Lexicon;
use super::lines::Line;
use super::quotes::{find_quotes, is_quote_mark};
use crate::model::ParagraphRole;

/// Longest line, in words, that can be a headline-like piece of furniture.
const MAX_FURNITURE_WORDS: usize = 30;
/// Longest credit after a caption marker ("Photo: EPA-EFE"), in words.
const MAX_CREDIT_WORDS: usize = 6;
/// Bytes at the end of a line searched for a caption credit.
const CAPTION_TAIL_BYTES: usize = 120;
/// Longest credit line under a pull quote, in words.
const MAX_PULL_CREDIT_WORDS: usize = 14;

/// The role of each line, and the article's date when its first line is a dateline.
pub(crate) struct Layout {
    /// One role per line.
    pub roles: Vec<ParagraphRole>,
    /// `YYYY-MM-DD` and the text it came from.
    pub date: Option<(String, String)>,
    /// The headline line, when the text opens with one.
    pub headline: Option<usize>,
    /// The byline's name, when the opening block has one.
    pub byline: Option<String>,
    /// For each pull-quote line, the index of the body line that holds the same words.
    pub pulled_from: FxHashMap<usize, usize>,
}

/// Assigns a role to every line.
pub(crate) fn layout(lines: &[Line<'_>], lexicon: &Lexicon) -> Layout {
    let mut roles = vec![ParagraphRole::Body; lines.len()];
    let mut date = None;
    let mut headline = None;
    let mut byline = None;
    // The opening block: the lines before the first full sentence of copy. A date line,
    // "By NAME" and a short first line without closing punctuation are the dateline, the
    // byline and the headline, not links to other stories.
    for (i, line) in lines.iter().enumerate().take(OPENING_LINES) {
        if let Some(iso) = parse_date(line.text) {
            roles[i] = ParagraphRole::Dateline;
            if date.is_none() {
                date = Some((iso, line.text.to_owned()));
            }
        } else if let Some(name) = byline_name(line.text) {
            roles[i] = ParagraphRole::Byline;
            byline.get_or_insert(name);
        } else if i == 0 && is_headline_like(line.text) && line.text.split_whitespace().count() >= 3 {
            roles[i] = ParagraphRole::Headline;
            headline = Some(i);
        } else if is_sentence(line.text) {
            break;
        }
    }
    let footer_markers = Markers::new(&lexicon.footer_markers);
    let related_markers = Markers::new(&lexicon.related_markers);
    let caption_markers = Markers::new(&lexicon.caption_markers);
    if let Some(footer) = lines.iter().position(|l| footer_markers.start(l.text)) {
        for role in &mut roles[footer..] {
            *role = ParagraphRole::Footer;
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if roles[i] != ParagraphRole::Body {
            continue;
        }
        if is_caption(line.text, &caption_markers) {
            roles[i] = ParagraphRole::Caption;
        } else if related_markers.start(line.text) {
            roles[i] = ParagraphRole::Related;
        }
    }

    let mut pulled_from = FxHashMap::default();
    let mut is_credit = vec![false; lines.len()];
    let mut line_quotes = LineQuotes::new(lines.len());
    for (i, line) in lines.iter().enumerate() {
        if roles[i] != ParagraphRole::Body || is_credit[i] {
            continue;
        }
        let headline_like = is_headline_like(line.text);
        if !headline_like && !is_quoted_at_both_ends(line.text) {
            continue;
        }
        let credit = lines
            .get(i + 1)
            .filter(|next| roles[i + 1] == ParagraphRole::Body && is_credit_line(next.text))
            .map(|_| i + 1);
        // A quotation standing alone without a credit line is body copy, whatever it repeats:
        // only a credited one is read for its quotes.
        let whole_quote = !headline_like && credit.is_some() && is_whole_quote(line.text);
        if !headline_like && !whole_quote {
            continue;
        }
        let source = nearby_body_holding(lines, &roles, &mut line_quotes, i);
        match source {
            Some(at) => {
                roles[i] = ParagraphRole::Pullquote;
                pulled_from.insert(i, at);
                if let Some(c) = credit {
                    roles[c] = ParagraphRole::Pullquote;
                    pulled_from.insert(c, at);
                    is_credit[c] = true;
                }
            }
            // A credited quotation that repeats no quote is body copy; an unpunctuated
            // headline that repeats no quote links to another story.
            None if whole_quote => {}
            None => roles[i] = ParagraphRole::Related,
        }
    }
    Layout {
        roles,
        date,
        headline,
        byline,
        pulled_from,
    }
}

/// How many lines the opening block (headline, byline, date) may hold.
const OPENING_LINES: usize = 6;

/// The name in a byline: "By Ana Ruiz", "By Ana Ruiz and Tomas Berg, Reuters".
pub(crate) fn byline_name(text: &str) -> Option<String> {
    let rest = text
        .trim()
        .strip_prefix("By ")
        .or_else(|| text.trim().strip_prefix("BY "))?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 10
        && words[0].starts_with(char::is_uppercase)
        && !rest.trim_end().ends_with(['.', '?', '!']);
    named.then(|| rest.trim().to_owned())
}

/// A full sentence of copy: it ends as a sentence does and has more than a few words.
fn is_sentence(text: &str) -> bool {
    !is_headline_like(text) && text.split_whitespace().nth(5).is_some()
}

/// Fewest words a pull quote has; shorter lines are labels, not quotes.
const MIN_PULL_QUOTE_WORDS: usize = 3;
/// How many lines either side of a pull quote its body copy may stand.
const PULL_QUOTE_REACH: usize = 12;

/// A body line near line `at` whose quotes hold line `at`'s words (normalised): the copy a
/// pull quote repeats.
fn nearby_body_holding(
    lines: &[Line<'_>],
    roles: &[ParagraphRole],
    line_quotes: &mut LineQuotes,
    at: usize,
) -> Option<usize> {
    // The line's words are normalised only once a nearby quote writes its last word: most
    // candidate lines repeat nothing.
    let key = OnceCell::new();
    let key = || key.get_or_init(|| normalise(lines[at].text)).as_str();
    // The key's last word, as written, must appear before the line is normalised.
    let last_word = lines[at]
        .text
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .find(|w| !w.is_empty())
        .unwrap_or_default();
    let from = at.saturating_sub(PULL_QUOTE_REACH);
    let to = (at + PULL_QUOTE_REACH + 1).min(lines.len());
    // Pull quotes repeat quoted words: compare with the quotes of nearby body lines.
    let last_word_finder = memchr::memmem::Finder::new(last_word);
    let writes_last_word = |text: &str| last_word_finder.find(text.as_bytes()).is_some();
    (from..to)
        .find(|&k| {
            let text = lines[k].text;
            k != at
                && roles[k] == ParagraphRole::Body
                && writes_last_word(text)
                && !is_headline_like(text)
                && line_quotes.of(k, text).iter().any(|quoted| {
                    writes_last_word(&text[quoted.inner.clone()]) && quoted.normalised(text).contains(key())
                })
        })
        .filter(|_| key().split(' ').count() >= MIN_PULL_QUOTE_WORDS)
}

/// The quotes of lines near pull quotes, each line read once: one body line is compared with
/// every pull quote within reach of it.
struct LineQuotes {
    /// Per line, once read, its quotes.
    read: Vec<Option<Vec<QuotedWords>>>,
}

/// One quote of a line: its inner bytes, and its words normalised the first time they are
/// compared.
struct QuotedWords {
    inner: Range<usize>,
    normalised: OnceCell<String>,
}

impl QuotedWords {
    /// The quote's words as [`normalise`] gives them; `text` is the line it is in.
    fn normalised(&self, text: &str) -> &str {
        self.normalised.get_or_init(|| normalise(&text[self.inner.clone()]))
    }
}

impl LineQuotes {
    fn new(lines: usize) -> Self {
        LineQuotes {
            read: (0..lines).map(|_| None).collect(),
        }
    }

    /// The quotes of line `k`, whose text is `text`.
    fn of(&mut self, k: usize, text: &str) -> &[QuotedWords] {
        self.read[k].get_or_insert_with(|| {
            find_quotes(text)
                .into_iter()
                .map(|q| QuotedWords {
                    inner: q.inner,
                    normalised: OnceCell::new(),
                })
                .collect()
        })
    }
}

/// A list of line markers with the bytes they start with, so that most lines are passed over
/// with one test.
struct Markers<'m> {
    markers: &'m [String],
    first_bytes: [bool; 256],
    /// Every marker ends with a colon ("Photo:"): a line with no colon in reach ends in none.
    all_end_in_colon: bool,
}

impl<'m> Markers<'m> {
    fn new(markers: &'m [String]) -> Self {
        let mut first_bytes = [false; 256];
        for marker in markers {
            if let Some(&byte) = marker.as_bytes().first() {
                first_bytes[usize::from(byte)] = true;
            }
        }
        Markers {
            markers,
            first_bytes,
            all_end_in_colon: markers.iter().all(|m| m.ends_with(':')),
        }
    }

    /// Whether `text` starts with one of the markers.
    fn start(&self, text: &str) -> bool {
        text.as_bytes()
            .first()
            .is_some_and(|&byte| self.first_bytes[usize::from(byte)])
            && self.markers.iter().any(|m| text.starts_with(m.as_str()))
    }
}

/// A line ending in a caption marker and a short credit, or starting with a marker.
fn is_caption(text: &str, markers: &Markers<'_>) -> bool {
    if markers.start(text) {
        return true;
    }
    // A credit is short and ends the line: only the line's tail can hold it.
    let mut tail_start = text.len().saturating_sub(CAPTION_TAIL_BYTES);
    while !text.is_char_boundary(tail_start) {
        tail_start -= 1;
    }
    let tail = &text[tail_start..];
    let tail_has_colon = memchr::memchr(b':', tail.as_bytes()).is_some();
    if !tail_has_colon && markers.all_end_in_colon {
        return false;
    }
    markers.markers.iter().any(|marker| {
        if marker.ends_with(':') && !tail_has_colon {
            return false;
        }
        let Some(at) = tail.rfind(marker.as_str()).map(|at| tail_start + at) else {
            return false;
        };
        let credit = text[at + marker.len()..].trim().trim_end_matches(')');
        let before = text[..at].trim_end();
        let words = credit.split_whitespace().count();
        words > 0
            && words <= MAX_CREDIT_WORDS
            && !credit.ends_with(['.', '!', '?'])
            && (before.is_empty() || before.ends_with(['.', '!', '?', '(', '|', '-', '–', '—']))
    })
}

/// Whether a line reads as a headline or label: short, no closing punctuation.
fn is_headline_like(text: &str) -> bool {
    let last = text.chars().last().unwrap_or('.');
    !(matches!(last, '.' | '!' | '?' | '…' | ':' | ';' | ')' | '’' | '\'') || is_quote_mark(last))
        && text.split_whitespace().nth(MAX_FURNITURE_WORDS).is_none()
}

/// A line that opens with a quotation mark and ends with one.
fn is_quoted_at_both_ends(text: &str) -> bool {
    text.chars().next().is_some_and(|c| is_quote_mark(c) || c == '‘')
        && text.chars().next_back().is_some_and(|c| is_quote_mark(c) || c == '’')
}

/// A line that is one quotation from its first character to its last.
fn is_whole_quote(text: &str) -> bool {
    if !is_quoted_at_both_ends(text) {
        return false;
    }
    let quotes = find_quotes(text);
    quotes.len() == 1 && quotes[0].open == 0 && quotes[0].close == Some(text.len())
}

/// "Ana Ruiz, defence analyst": a capitalised name, a comma, a short description.
fn is_credit_line(text: &str) -> bool {
    // A credit does not end as a sentence does: most lines are passed over on their last
    // character, before they are searched.
    if !is_headline_like(text) {
        return false;
    }
    let Some((name, _)) = text.split_once(", ") else {
        return false;
    };
    let name_words = name.split_whitespace().count();
    text.split_whitespace().nth(MAX_PULL_CREDIT_WORDS).is_none()
        && (1..=4).contains(&name_words)
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !text.contains(is_quote_mark)
}

/// Lower-cased words only, for comparing a pull quote with body text: the runs of letters,
/// digits and apostrophes, joined by single spaces.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut between_words = false;
    for c in text.chars() {
        if !(c.is_alphanumeric() || c == '\'' || c == '’') {
            between_words = true;
            continue;
        }
        if between_words && !out.is_empty() {
            out.push(' ');
        }
        between_words = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Reads a dateline ("July 24, 2024", "24 July 2024", "Wed, Jul 24, 2024",
/// "2024-07-24", "Published: 24 July 2024 10:30 HKT") into `YYYY-MM-DD`.
/// Any other word on the line means it is not a dateline.
pub(crate) fn parse_date(text: &str) -> Option<String> {
    // A date line is short: a line of more words is passed over without counting them all.
    if text.split_whitespace().nth(10).is_some() {
        return None;
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for word in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
    {
        let lower = word.trim_end_matches('.').to_lowercase();
        if let Some((y, m, d)) = iso_date(&lower) {
            (year, month, day) = (Some(y), Some(m), Some(d));
        } else if let Some(m) = month_number(&lower) {
            month = Some(m);
        } else if let Ok(n) = lower.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).parse::<u32>() {
            if (1900..=2200).contains(&n) {
                year = Some(n);
            } else if (1..=31).contains(&n) && day.is_none() {
                day = Some(n);
            } else {
                return None;
            }
        } else if !is_date_filler(&lower) {
            return None;
        }
    }
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) if d <= days_in_month(y, m) => Some(format!("{y:04}-{m:02}-{d:02}")),
        _ => None,
    }
}

fn iso_date(word: &str) -> Option<(u32, u32, u32)> {
    let mut parts = word.splitn(3, '-');
    let y = parts.next()?.parse::<u32>().ok()?;
    let m = parts.next()?.parse::<u32>().ok()?;
    let d = parts.next()?.get(..2)?.parse::<u32>().ok()?;
    ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word) && word.len() <= 4))
        .map(|i| i as u32 + 1)
}

fn is_date_filler(word: &str) -> bool {
    let word = word.trim_end_matches(':');
    WEEKDAYS
        .iter()
        .any(|d| *d == word || (word.len() == 3 && d.starts_with(word)))
        || matches!(
            word,
            "published" | "updated" | "posted" | "on" | "at" | "am" | "pm" | "|" | "-" | "–"
        )
        || is_time(word)
        || is_timezone(word)
}

fn is_time(word: &str) -> bool {
    let word = word.trim_end_matches("am").trim_end_matches("pm");
    let mut parts = word.split([':', '.']);
    matches!(
        (parts.next().map(str::parse::<u32>), parts.next().map(str::parse::<u32>), parts.next()),
        (Some(Ok(h)), Some(Ok(m)), None) if h < 24 && m < 60
    )
}

fn is_timezone(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "est"
            | "edt"
            | "pst"
            | "pdt"
            | "hkt"
            | "kst"
            | "jst"
            | "sgt"
            | "ist"
            | "aest"
    )
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::lines::split_lines;

    #[test]
    fn normalise_keeps_lower_cased_words_joined_by_single_spaces() {
        // The definition, written the slow way.
        let by_words = |text: &str| {
            text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        };
        for text in [
            "",
            "  ",
            "“We Will NOT sign,” said Ana Ruiz.",
            "Korea’s 2024 plan -- “İstanbul”, ZOË's  turn!",
            "...lead, trail...",
            "ΣΟΦΙΑ said",
        ] {
            assert_eq!(normalise(text), by_words(text), "{text:?}");
        }
    }

    #[test]
    fn datelines() {
        for (text, iso) in [
            ("July 24, 2024", Some("2024-07-24")),
            ("24 July 2024", Some("2024-07-24")),
            ("Wed, Jul 3, 2024", Some("2024-07-03")),
            ("2023-02-28", Some("2023-02-28")),
            ("Published: 5 March 2021 10:30 HKT", Some("2021-03-05")),
            ("February 30, 2024", None),
            ("July 24, 2024, was a hot day", None),
            ("Vigo said on Sunday", None),
            ("", None),
        ] {
            assert_eq!(parse_date(text).as_deref(), iso, "{text}");
        }
    }

    fn roles(text: &str) -> Vec<&'static str> {
        let lines = split_lines(text);
        layout(&lines, &Lexicon::builtin())
            .roles
            .into_iter()
            .map(ParagraphRole::as_str)
            .collect()
    }

    #[test]
    fn furniture() {
        let text = "\
March 3, 2022
Ana Ruiz said the plan was dead.
A crane lifts a turbine blade at the port in Bilbao. Photo: Reuters
Wind farm orders fall for third year
Wind farm orders fall for third year
Nobody will build here again
Ana Ruiz, energy analyst
“Nobody will build here again,” Ruiz said.
Leave a Reply
Your email address will not be published.";
        assert_eq!(
            roles(text),
            [
                "dateline",
                "body",
                "caption",
                "related",
                "related",
                "pullquote",
                "pullquote",
                "body",
                "footer",
                "footer"
            ]
        );
    }

    #[test]
    fn quote_only_paragraph_is_body() {
        assert_eq!(roles("“We will not stop.”"), ["body"]);
    }
}
