//! The parser: article text in, [`Article`] out. Pure: no I/O, no async, never panics on any input.
//!
//! It is a pipeline of small stages, each in its own module:
//! 1. [`lines`] splits the text into lines (each line is a paragraph);
//! 2. [`layout`] tells body copy from the dateline, captions, related links,
//!    pull quotes and footer;
//! 3. paragraph analysis, once per body paragraph: [`quotes`] finds the quotation
//!    marks as written (double, single, straight, « », „ “, nested), [`tokens`] cuts
//!    the words and sentences around them (typed `TokenId`s and `SentenceId`s), and
//!    [`mentions`] reads noun phrases: names (with [`names`]), pronouns, role nouns,
//!    bodies, groups, unnamed sources, documents, appositive roles and acronyms;
//! 4. [`cues`] finds attribution cues with a table of rules, one per cue form
//!    ("she said", "said X", "according to …", "…, saying …", "points out");
//! 5. [`register`] keeps every person, body, outlet, place and event the article
//!    names, with aliases, gender where the text gives it, and type;
//! 6. [`attribute`] resolves subjects and cue sources, then passes every quote
//!    through ordered sieves; the first sure sieve names the speaker, and when none
//!    is sure the speaker is not given, with the reason.
//!
//! ```
//! use whosaid::parse::{parse, Lexicon};
//!
//! let text = "“The port will close,” said Ana Ruiz, a lecturer at Vigo University.\n\
//!             “Nobody will build here again,” she added.";
//! let article = parse(text, &Lexicon::builtin());
//! assert_eq!(&*article.speakers[0].name, "Ana Ruiz");
//! assert_eq!(article.quotes[1].speaker, Some(article.speakers[0].id));
//! ```

mod attribute;
mod cues;
mod layout;
mod lexicon;
mod lines;
mod mentions;
mod names;
mod quotes;
mod register;
mod tokens;
mod word_table;

pub use lexicon::{BUILTIN_LEXICON, Lexicon, LexiconError, WordSet};

use crate::model::{Article, Paragraph, ParagraphRole, Text};

/// Reads plain text as an article is laid out, without attributing anything: the headline,
/// byline and date of its opening block, and its body paragraphs (what `whosaid add` stores).
pub fn read_plain_text(source: &str) -> crate::extract::Extracted {
    let lines = lines::split_lines(source);
    let layout = layout::layout(&lines, &Lexicon::builtin());
    crate::extract::Extracted {
        title: layout
            .headline
            .and_then(|i| lines.get(i))
            .map(|l| l.text.trim().to_owned()),
        date: layout.date.map(|(iso, _)| iso),
        outlet: None,
        byline: layout.byline,
        url: None,
        paragraphs: lines
            .iter()
            .zip(&layout.roles)
            .filter(|(_, role)| **role == ParagraphRole::Body)
            .map(|(line, _)| line.text.trim().to_owned())
            .collect(),
    }
}

/// Parses one article's text.
pub fn parse(source: &str, lexicon: &Lexicon) -> Article {
    let lines = lines::split_lines(source);
    let layout = layout::layout(&lines, lexicon);
    // The article's text is held once; paragraphs, quotes and reports are ranges into it.
    let whole = Text::whole(source);
    let texts: Vec<Text> = lines
        .iter()
        .map(|line| whole.slice(line.byte_start..line.byte_start + line.text.len()))
        .collect();
    let body: Vec<(usize, Text)> = texts
        .iter()
        .enumerate()
        .filter(|&(i, _)| layout.roles[i] == ParagraphRole::Body)
        .map(|(i, text)| (i, text.clone()))
        .collect();
    let attributed = attribute::attribute(&body, lexicon);
    let speaker_of = |index: usize| {
        // A pull quote is spoken by whoever the body copy it repeats is attributed to.
        let source = layout.pulled_from.get(&index).copied().unwrap_or(index);
        attributed.paragraph_speakers.get(&source).copied()
    };
    let paragraphs = texts
        .into_iter()
        .enumerate()
        .map(|(index, text)| Paragraph {
            role: layout.roles[index],
            text,
            speaker: speaker_of(index),
        })
        .collect();
    let (date, date_text) = layout.date.map_or((None, None), |(iso, text)| (Some(iso), Some(text)));
    Article {
        title: layout
            .headline
            .and_then(|i| lines.get(i))
            .map(|l| l.text.trim().to_owned()),
        byline: layout.byline,
        date,
        date_text,
        paragraphs,
        quotes: fitted(attributed.quotes),
        statements: fitted(attributed.statements),
        reports: fitted(attributed.reports),
        speakers: fitted(attributed.speakers),
    }
}

/// A list without the spare room it grew: a parsed article is kept for the server's life.
fn fitted<T>(mut list: Vec<T>) -> Vec<T> {
    list.shrink_to_fit();
    list
}
