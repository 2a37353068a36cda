//! The parser: article text in, [`Article`] out. Pure: no I/O, no async, never panics on any input.
//!
//! It is a pipeline of small stages, each in its own module:
//! 1. [`lines`] splits the text into lines (each line is a paragraph);
//! 2. [`layout`] tells body copy from the dateline, captions, related links,
//!    pull quotes and footer;
//! 3. [`tokens`] finds the quotation marks and the words and sentences around them;
//! 4. [`cues`] finds attribution cues ("she said", "according to …");
//! 5. [`attribute`] resolves cues to speakers and attributes every quote and
//!    reported paragraph.
//!
//! ```
//! use whosaid::parse::{parse, Lexicon};
//!
//! let text = "“The port will close,” said Ana Ruiz, a lecturer at Vigo University.\n\
//!             “Nobody will build here again,” she added.";
//! let article = parse(text, &Lexicon::builtin());
//! assert_eq!(article.speakers[0].name, "Ana Ruiz");
//! assert_eq!(article.quotes[1].speaker.as_deref(), Some("ana-ruiz"));
//! ```

mod attribute;
mod cues;
mod layout;
mod lexicon;
mod lines;
mod names;
mod tokens;

pub use lexicon::{BUILTIN_LEXICON, Lexicon, LexiconError};

use crate::model::{Article, Paragraph, ParagraphRole};

/// Parses one article's text.
pub fn parse(source: &str, lexicon: &Lexicon) -> Article {
    let lines = lines::split_lines(source);
    let layout = layout::layout(&lines, lexicon);
    let body: Vec<(usize, &str)> = lines
        .iter()
        .enumerate()
        .filter(|&(i, _)| layout.roles[i] == ParagraphRole::Body)
        .map(|(i, line)| (i, line.text))
        .collect();
    let attributed = attribute::attribute(&body, lexicon);
    let speaker_of = |index: usize| {
        // A pull quote is spoken by whoever the body copy it repeats is attributed to.
        let source = layout.pulled_from.get(&index).copied().unwrap_or(index);
        attributed.paragraph_speakers.get(&source).cloned()
    };
    let paragraphs = lines
        .iter()
        .enumerate()
        .map(|(index, line)| Paragraph {
            index,
            role: layout.roles[index],
            text: line.text.to_owned(),
            start: line.char_start,
            end: line.char_end,
            speaker: speaker_of(index),
        })
        .collect();
    let (date, date_text) = layout.date.map_or((None, None), |(iso, text)| (Some(iso), Some(text)));
    Article {
        slug: String::new(),
        title: None,
        source: None,
        date,
        date_text,
        paragraphs,
        quotes: attributed.quotes,
        statements: attributed.statements,
        speakers: attributed.speakers,
    }
}
