//! View helpers shared by the page families: highlighted text, speaker labels, citations, dates.

use std::ops::Range;

use crate::corpus::{Corpus, CorpusSpeaker, SaidText, SearchQuery, StoredArticle, Terms, fold};
use crate::model::Attribution;

/// A run of text, marked or not. Templates escape `text`; nothing here is trusted HTML.
#[derive(Debug, Clone)]
pub struct Segment {
    /// The words.
    pub text: String,
    /// How the run is marked, if it is.
    pub mark: Option<Mark>,
}

/// A highlight: a quote (with its speaker's colour and label) or a search match.
#[derive(Debug, Clone)]
pub struct Mark {
    /// CSS classes.
    pub class: String,
    /// Speaker label shown after the quote, if any.
    pub label: Option<String>,
    /// Anchor id to give the highlight, if any.
    pub id: Option<String>,
}

impl Segment {
    fn plain(text: &str) -> Self {
        Segment {
            text: text.to_owned(),
            mark: None,
        }
    }
}

/// Cuts `text` around highlighted byte ranges (sorted, not overlapping).
pub fn highlight(text: &str, marks: Vec<(Range<usize>, Mark)>) -> Vec<Segment> {
    let mut out = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for (range, mark) in marks {
        if range.start < at
            || range.end > text.len()
            || !text.is_char_boundary(range.start)
            || !text.is_char_boundary(range.end)
        {
            continue;
        }
        if range.start > at {
            out.push(Segment::plain(&text[at..range.start]));
        }
        out.push(Segment {
            text: text[range.clone()].to_owned(),
            mark: Some(mark),
        });
        at = range.end;
    }
    if at < text.len() || out.is_empty() {
        out.push(Segment::plain(&text[at..]));
    }
    out
}

/// What a search looks for, to mark its matches in a text.
pub struct Highlight<'a> {
    /// The parsed search.
    pub query: &'a SearchQuery,
    /// The term maker it was parsed with.
    pub terms: &'a Terms,
}

impl Highlight<'_> {
    /// Whether a word of a text is a match.
    pub fn hit(&self, word: &str) -> bool {
        !self.query.is_empty() && self.query.marks(&fold(word), self.terms)
    }
}

/// Marks every word of `text` the search matches (by stem, spelling, prefix or phrase).
pub fn search_marks(text: &str, search: Option<&Highlight<'_>>) -> Vec<Segment> {
    let Some(search) = search.filter(|h| !h.query.is_empty()) else {
        return vec![Segment::plain(text)];
    };
    let marks = word_spans(text)
        .filter(|range| search.hit(&text[range.clone()]))
        .map(|range| {
            (
                range,
                Mark {
                    class: "hit".to_owned(),
                    label: None,
                    id: None,
                },
            )
        })
        .collect();
    highlight(text, marks)
}

/// The byte ranges of the words of a text.
fn word_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = None;
    let mut spans = Vec::new();
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push(s..text.len());
    }
    spans.into_iter()
}

/// Longest text shown whole in a listing, in bytes; a longer one shows the sentence around
/// its first match.
pub const SNIPPET_BYTES: usize = 320;

/// A long text cut to the sentence holding the first match, with “…” where it was cut;
/// short texts, and texts without a match, stay whole.
pub fn snippet(text: SaidText, search: Option<&Highlight<'_>>) -> SaidText {
    let Some(search) = search.filter(|h| !h.query.is_empty()) else {
        return text;
    };
    if text.text.len() <= SNIPPET_BYTES {
        return text;
    }
    let Some(hit) = word_spans(&text.text).find(|r| search.hit(&text.text[r.clone()])) else {
        return text;
    };
    let ends: Vec<usize> = text
        .text
        .match_indices(['.', '?', '!'])
        .map(|(i, m)| i + m.len())
        .filter(|&i| text.text[i..].starts_with(' '))
        .collect();
    let mut start = ends.iter().rev().find(|&&e| e <= hit.start).map_or(0, |&e| e);
    while text.text[start..].starts_with(char::is_whitespace) {
        start += 1;
    }
    let end = ends
        .iter()
        .find(|&&e| e > hit.start)
        .copied()
        .unwrap_or(text.text.len());
    if start == 0 && end == text.text.len() {
        return text;
    }
    let mut cut = String::new();
    if start > 0 {
        cut.push_str("… ");
    }
    let offset = cut.len();
    cut.push_str(&text.text[start..end]);
    if end < text.text.len() {
        cut.push_str(" …");
    }
    let quoted = text
        .quoted
        .iter()
        .filter_map(|r| {
            let s = r.start.max(start);
            let e = r.end.min(end);
            (s < e).then(|| s - start + offset..e - start + offset)
        })
        .collect();
    SaidText { text: cut, quoted }
}

/// A paragraph with its quotes highlighted in their speakers' colours and labelled.
/// `anchors` decides whether quotes carry their anchor ids on this page.
pub fn paragraph_with_quotes(corpus: &Corpus, article: usize, paragraph: usize, anchors: bool) -> Vec<Segment> {
    quotes_marked(corpus, article, paragraph, anchors, None)
}

/// Like [`paragraph_with_quotes`], for a page about speaker `own`: their quotes carry their
/// anchors and no label, since the page already says whose they are.
pub fn paragraph_for_speaker(corpus: &Corpus, article: usize, paragraph: usize, own: usize) -> Vec<Segment> {
    quotes_marked(corpus, article, paragraph, false, Some(own))
}

fn quotes_marked(corpus: &Corpus, article: usize, paragraph: usize, anchors: bool, own: Option<usize>) -> Vec<Segment> {
    let a = &corpus.articles[article];
    let text = &a.paragraphs[paragraph].text;
    let rows = article_rows(corpus, article);
    let marks = a
        .quotes_in(paragraph)
        .map(|(at, quote)| {
            let row = rows.clone().find(|&r| corpus.said[r].source().includes_quote(at));
            let speaker = row.and_then(|r| corpus.said[r].speaker()).map(|s| &corpus.speakers[s]);
            let class = match speaker {
                Some(s) => format!("q sp-{}", s.colour),
                None => "q nobody".to_owned(),
            };
            let is_own = own.is_some() && row.and_then(|r| corpus.said[r].speaker()) == own;
            let label =
                (!is_own).then(|| speaker.map_or_else(|| "no speaker".to_owned(), |s| s.short_name.to_string()));
            // The first half of a split quote carries the anchor.
            let first_half = row.is_some_and(|r| corpus.said[r].source().first_quote() == Some(at));
            let id = if (anchors || is_own) && first_half {
                row.map(|r| corpus.anchor(r))
            } else {
                None
            };
            (quote.bytes.range(), Mark { class, label, id })
        })
        .collect();
    highlight(text, marks)
}

/// The rows of one article: a contiguous run, since rows are laid out article by article.
pub fn article_rows(corpus: &Corpus, article: usize) -> std::ops::Range<usize> {
    let first = corpus.said.partition_point(|r| r.article() < article);
    let end = corpus.said.partition_point(|r| r.article() <= article);
    first..end
}

/// An item's words with quoted words marked and search matches marked.
pub fn said_segments(text: &SaidText, search: Option<&Highlight<'_>>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut runs: Vec<(Range<usize>, bool)> = Vec::new();
    for range in &text.quoted {
        if range.start < at || range.end > text.text.len() {
            continue;
        }
        if range.start > at {
            runs.push((at..range.start, false));
        }
        runs.push((range.clone(), true));
        at = range.end;
    }
    if at < text.text.len() || runs.is_empty() {
        runs.push((at..text.text.len(), false));
    }
    for (range, quoted) in runs {
        let Some(run) = text.text.get(range) else { continue };
        for mut segment in search_marks(run, search) {
            if quoted {
                segment.mark = Some(match segment.mark {
                    Some(mut mark) => {
                        mark.class.push_str(" quoted");
                        mark
                    }
                    None => Mark {
                        class: "quoted".to_owned(),
                        label: None,
                        id: None,
                    },
                });
            }
            out.push(segment);
        }
    }
    out
}

/// "24 July 2024" from "2024-07-24".
pub fn long_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    match (m.parse::<usize>(), d.parse::<u32>()) {
        (Ok(m @ 1..=12), Ok(d)) => format!("{d} {} {y}", MONTHS[m - 1]),
        _ => iso.to_owned(),
    }
}

/// An article's title, or a stand-in built from its lead.
pub fn article_title(article: &StoredArticle) -> String {
    article.title.clone().unwrap_or_else(|| {
        let lead = article.lead().map_or("Untitled article", |p| p.text.as_str());
        let short: String = lead.chars().take(80).collect();
        if short.len() < lead.len() {
            format!("{short}…")
        } else {
            short
        }
    })
}

/// How to cite an article: "“Title”, Source, 24 July 2024".
pub fn article_citation(article: &StoredArticle) -> String {
    let mut parts = vec![format!("“{}”", article_title(article))];
    if let Some(source) = &article.source {
        parts.push(source.clone());
    }
    if let Some(date) = &article.date {
        parts.push(long_date(date));
    }
    parts.join(", ")
}

/// The note on how a quote or statement was attributed.
pub fn attribution_note(attribution: &Attribution, speaker: Option<&CorpusSpeaker>) -> String {
    attribution.note(speaker.map(|s| &*s.name))
}

/// "1 quote", "3 quotes".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match &s.mark {
                Some(_) => format!("[{}]", s.text),
                None => s.text.clone(),
            })
            .collect()
    }

    #[test]
    fn search_marks_stems_spellings_and_prefixes() {
        let terms = Terms::default();
        let query = SearchQuery::parse("chin* destabilizing concerns", &terms);
        let h = Highlight {
            query: &query,
            terms: &terms,
        };
        assert_eq!(
            render(&search_marks("China is concerned: destabilising, machine", Some(&h))),
            "[China] is [concerned]: [destabilising], machine"
        );
        let query = SearchQuery::parse("ün*", &terms);
        let h = Highlight {
            query: &query,
            terms: &terms,
        };
        assert_eq!(render(&search_marks("Ünïcode under", Some(&h))), "[Ünïcode] [under]");
    }

    #[test]
    fn a_long_text_shows_the_sentence_around_its_match() {
        let terms = Terms::default();
        let query = SearchQuery::parse("harbour", &terms);
        let h = Highlight {
            query: &query,
            terms: &terms,
        };
        let long = format!(
            "{} The harbour will close. {}",
            "Filler words here. ".repeat(12),
            "More filler. ".repeat(12)
        );
        let cut = snippet(
            SaidText {
                text: long,
                quoted: Vec::new(),
            },
            Some(&h),
        );
        assert_eq!(cut.text, "… The harbour will close. …");
    }

    #[test]
    fn quoted_words_and_search_matches_are_both_marked() {
        let words = "the closure was “a disaster” for jobs";
        let quoted = words.find('“').unwrap()..words.find('”').unwrap() + '”'.len_utf8();
        let text = SaidText {
            text: words.to_owned(),
            quoted: vec![quoted],
        };
        let terms = Terms::default();
        let query = SearchQuery::parse("disaster jobs", &terms);
        let h = Highlight {
            query: &query,
            terms: &terms,
        };
        let segments = said_segments(&text, Some(&h));
        let classes: Vec<(String, Option<String>)> = segments
            .iter()
            .map(|s| (s.text.clone(), s.mark.as_ref().map(|m| m.class.clone())))
            .collect();
        assert_eq!(
            classes,
            [
                ("the closure was ".to_owned(), None),
                ("“a ".to_owned(), Some("quoted".to_owned())),
                ("disaster".to_owned(), Some("hit quoted".to_owned())),
                ("”".to_owned(), Some("quoted".to_owned())),
                (" for ".to_owned(), None),
                ("jobs".to_owned(), Some("hit".to_owned())),
            ]
        );
    }

    #[test]
    fn dates() {
        assert_eq!(long_date("2024-07-24"), "24 July 2024");
        assert_eq!(long_date("nonsense"), "nonsense");
    }
}
