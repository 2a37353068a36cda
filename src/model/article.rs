//! An article and its paragraphs.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::{Quote, Report, Span, Speaker, SpeakerId, Statement, Text};

/// One parsed article: its text split into paragraphs, and who said what in it.
///
/// It serialises with what is counted rather than stored: each list item's position as
/// `index`, each paragraph's character range as `start` and `end`, and each quote's and
/// report's words as `text`.
#[derive(Debug, Clone)]
pub struct Article {
    /// The headline, when the text opens with one (serialised as `headline`).
    pub title: Option<String>,
    /// The byline ("By Ana Ruiz" gives "Ana Ruiz"), when the opening block has one
    /// (serialised as `text_byline`).
    pub byline: Option<String>,
    /// Publication date as `YYYY-MM-DD`, when the text has a dateline.
    pub date: Option<String>,
    /// The dateline as written ("July 24, 2024").
    pub date_text: Option<String>,
    /// Every non-empty line of the text, in order. Quotes are read from body
    /// paragraphs only, so a pull quote does not count its words twice.
    pub paragraphs: Vec<Paragraph>,
    /// Every pair of quotation marks in body paragraphs, in order.
    pub quotes: Vec<Quote>,
    /// Every body paragraph that reports what someone said.
    pub statements: Vec<Statement>,
    /// Every statement the writer reports in their own words, sentence by sentence.
    pub reports: Vec<Report>,
    /// Everyone who is quoted or reported, in order of first appearance.
    pub speakers: Vec<Speaker>,
}

impl Serialize for Article {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut fields = serializer.serialize_struct("Article", 9)?;
        fields.serialize_field("headline", &self.title)?;
        fields.serialize_field("text_byline", &self.byline)?;
        fields.serialize_field("date", &self.date)?;
        fields.serialize_field("date_text", &self.date_text)?;
        fields.serialize_field("paragraphs", &ParagraphsWritten(&self.paragraphs))?;
        // Quotes and reports come in text order: each one's characters are counted on from
        // the one before, so that a whole article written as one paragraph stays linear.
        let quote_cursor = CharCursor::default();
        let quote_words = |q: &Quote| self.placed(&quote_cursor, q.paragraph, q.bytes);
        fields.serialize_field("quotes", &Numbered(&self.quotes, Some(&quote_words)))?;
        fields.serialize_field("statements", &Numbered(&self.statements, None))?;
        let report_cursor = CharCursor::default();
        let report_words = |r: &Report| self.placed(&report_cursor, r.paragraph, r.bytes);
        fields.serialize_field("reports", &Numbered(&self.reports, Some(&report_words)))?;
        fields.serialize_field("speakers", &self.speakers)?;
        fields.end()
    }
}

/// Where the last character count stopped: a paragraph, a byte offset in it and the
/// characters before that offset.
#[derive(Default)]
struct CharCursor(std::cell::Cell<Option<(u32, usize, usize)>>);

/// Words of a paragraph as they are written out: their character range in it and the words.
#[derive(Serialize)]
struct Placed<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

/// A list written with each item's position as its first field, `index`, and, when it has
/// words, where they are and what they are (`start`, `end`, `text`).
struct Numbered<'a, T>(&'a [T], Option<&'a dyn Fn(&T) -> Placed<'a>>);

impl<T: Serialize> Serialize for Numbered<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Item<'a, T> {
            index: usize,
            #[serde(flatten)]
            item: &'a T,
            #[serde(flatten)]
            words: Option<Placed<'a>>,
        }
        let Numbered(items, words) = self;
        serializer.collect_seq(items.iter().enumerate().map(|(index, item)| Item {
            index,
            item,
            words: words.map(|words| words(item)),
        }))
    }
}

/// The paragraphs, written with their positions and character ranges.
struct ParagraphsWritten<'a>(&'a [Paragraph]);

impl Serialize for ParagraphsWritten<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        paragraphs_with_offsets(self.0, serializer)
    }
}

impl Article {
    /// The text of paragraph `index`; empty past the last.
    pub fn paragraph_text(&self, index: u32) -> &str {
        self.paragraphs.get(index as usize).map_or("", |p| p.text.as_str())
    }

    /// The character range of the bytes `bytes` of paragraph `paragraph`, within it: where
    /// a quote's or a report's words are, as the JSON gives it.
    pub fn char_range(&self, paragraph: u32, bytes: Span) -> std::ops::Range<usize> {
        let placed = self.placed(&CharCursor::default(), paragraph, bytes);
        placed.start..placed.end
    }

    /// Words of paragraph `paragraph` with their character range in it. The characters
    /// before them are counted on from where `cursor` stopped when they lie after it in the
    /// same paragraph, else from the paragraph's start.
    fn placed(&self, cursor: &CharCursor, paragraph: u32, bytes: Span) -> Placed<'_> {
        let text = self.paragraph_text(paragraph);
        let at = bytes.start();
        let before = text.get(..at);
        let start = match (cursor.0.get(), before) {
            // Not a character boundary, or past the end: as if at the start.
            (_, None) => 0,
            (Some((p, byte, chars)), Some(_)) if p == paragraph && byte <= at => {
                chars + text.get(byte..at).map_or(0, |gap| gap.chars().count())
            }
            (_, Some(before)) => before.chars().count(),
        };
        // Only a count that reached a character boundary is carried on.
        if before.is_some() {
            cursor.0.set(Some((paragraph, at, start)));
        }
        let words = bytes.cut(text);
        Placed {
            start,
            end: start + words.chars().count(),
            text: words,
        }
    }

    /// A quote's words, without the marks.
    pub fn quote_words(&self, quote: &Quote) -> &str {
        quote.words(self.paragraph_text(quote.paragraph))
    }

    /// A quote's words as a reader reads them (see [`Quote::reading`]).
    pub fn quote_reading(&self, quote: &Quote) -> &str {
        quote.reading(self.paragraph_text(quote.paragraph))
    }

    /// A report's words as written.
    pub fn report_words(&self, report: &Report) -> &str {
        report.words(self.paragraph_text(report.paragraph))
    }

    /// Each paragraph's character range in the source text (`start..end`), in order.
    pub fn paragraph_offsets(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        character_offsets(&self.paragraphs)
    }

    /// The speaker with this id.
    pub fn speaker(&self, id: SpeakerId) -> Option<&Speaker> {
        self.speakers.get(id.index())
    }

    /// The first body paragraph: the lead.
    pub fn lead(&self) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| p.role == ParagraphRole::Body)
    }

    /// Quotes in paragraph `index`, in order.
    pub fn quotes_in(&self, index: usize) -> impl Iterator<Item = (usize, &Quote)> {
        self.quotes
            .iter()
            .enumerate()
            .filter(move |(_, q)| q.paragraph as usize == index)
    }
}

/// A line of the article: its role, its text and who speaks in it.
///
/// 24 bytes: its position, and where it starts and ends in the source text, are counted when
/// the article is written out (see [`Article::paragraph_offsets`]), not stored.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// What the line is: body copy or page furniture.
    pub role: ParagraphRole,
    /// The text, without its line ending: a piece of the article's whole text.
    pub text: Text,
    /// The person whose speech the paragraph reports, if any.
    pub speaker: Option<SpeakerId>,
}

/// Serialises the paragraphs with their positions and their character offsets in the source
/// text, counted as they are written: `index`, `role`, `text`, `start`, `end`, `speaker`.
fn paragraphs_with_offsets<S: Serializer>(paragraphs: &[Paragraph], serializer: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct Written<'a> {
        index: usize,
        role: ParagraphRole,
        text: &'a Text,
        start: usize,
        end: usize,
        speaker: Option<SpeakerId>,
    }
    let offsets = character_offsets(paragraphs);
    serializer.collect_seq(
        paragraphs
            .iter()
            .zip(offsets)
            .enumerate()
            .map(|(index, (p, range))| Written {
                index,
                role: p.role,
                text: &p.text,
                start: range.start,
                end: range.end,
                speaker: p.speaker,
            }),
    )
}

/// Each paragraph's character range in the source text, counted in one pass over the text.
fn character_offsets(paragraphs: &[Paragraph]) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut byte = 0;
    let mut chars = 0;
    paragraphs.iter().map(move |p| {
        let whole = p.text.source_text();
        let at = p.text.offset();
        chars += whole.get(byte..at).map_or(0, |gap| gap.chars().count());
        byte = at.max(byte);
        let start = chars;
        let end = start + p.text.chars().count();
        start..end
    })
}

/// What part a line plays on the page. Only `Body` is content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphRole {
    /// The article's own copy.
    Body,
    /// The headline: a short first line without closing punctuation.
    Headline,
    /// The byline ("By Ana Ruiz").
    Byline,
    /// The publication date line.
    Dateline,
    /// A photo caption with its credit.
    Caption,
    /// A link to another story.
    Related,
    /// A quote pulled out for display, or its credit line.
    Pullquote,
    /// The page's footer: comment forms, sign-ups, copyright.
    Footer,
}

impl ParagraphRole {
    /// The lower-case name used in JSON and CSS.
    pub fn as_str(self) -> &'static str {
        match self {
            ParagraphRole::Body => "body",
            ParagraphRole::Headline => "headline",
            ParagraphRole::Byline => "byline",
            ParagraphRole::Dateline => "dateline",
            ParagraphRole::Caption => "caption",
            ParagraphRole::Related => "related",
            ParagraphRole::Pullquote => "pullquote",
            ParagraphRole::Footer => "footer",
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::{Lexicon, parse};

    #[test]
    fn computed_fields_serialise_as_stored_ones_did() {
        let text = "\u{feff}Héllo there.\r\n\r\n  “We will go,” said Ana Ruiz, a lecturer.\n“It is late,” she said.";
        let article = parse(text, &Lexicon::builtin());
        let json = serde_json::to_value(&article).unwrap();
        let chars: Vec<char> = text.chars().collect();
        for (i, paragraph) in json["paragraphs"].as_array().unwrap().iter().enumerate() {
            let (start, end) = (paragraph["start"].as_u64().unwrap(), paragraph["end"].as_u64().unwrap());
            let slice: String = chars[start as usize..end as usize].iter().collect();
            assert_eq!(paragraph["text"], slice.as_str(), "paragraph {i}");
            assert_eq!(paragraph["index"], i);
        }
        for (list, count) in [("statements", 2), ("quotes", 2)] {
            let items = json[list].as_array().unwrap();
            assert_eq!(items.len(), count, "{list}");
            for (i, item) in items.iter().enumerate() {
                assert_eq!(item["index"], i, "the position: {item}");
                assert!(item.get("paragraph").is_some());
            }
        }
        assert_eq!(json["quotes"][1]["continues"], serde_json::Value::Null);
    }
}
