//! The parser is total: any text gives an article, never a panic, and what it reports points into the text.

#![allow(clippy::unwrap_used)] // a failed unwrap in a test is a failed test

use proptest::prelude::*;
use whosaid::model::{Article, ParagraphRole};
use whosaid::parse::{Lexicon, parse};

/// Pieces that stress the parser: every quote mark, cues, names, line breaks,
/// a byte-order mark, control and right-to-left characters.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "„",
    "«",
    "»",
    "‘",
    "’",
    "'",
    " ",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "\u{feff}",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{202e}",
    "\u{200f}",
    "שלום",
    "مرحبا",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "Ana Ruiz",
    "Lee Jae-won",
    ",",
    ".",
    ":",
    "Mr",
    "Dr.",
    "the ministry",
    "an official",
    "Photo: AP",
    "Leave a Reply",
    "July 4, 2024",
    "—",
    "…",
    "Kim’s",
    "von",
    "titled",
    "So-called",
    "KCNA",
    "e\u{301}",
    "🙂",
    "\t",
];

fn check(text: &str, article: &Article) {
    let chars: Vec<char> = text.chars().collect();
    for (p, range) in article.paragraphs.iter().zip(article.paragraph_offsets()) {
        assert!(range.start <= range.end && range.end <= chars.len());
        let slice: String = chars[range].iter().collect();
        assert_eq!(slice, p.text);
    }
    let paragraph_chars: Vec<Vec<char>> = article.paragraphs.iter().map(|p| p.text.chars().collect()).collect();
    for q in &article.quotes {
        let p = &article.paragraphs[q.paragraph as usize];
        assert_eq!(p.role, ParagraphRole::Body);
        let words = article.quote_words(q);
        assert_eq!(&p.text[q.bytes.range()], words);
        let pchars = &paragraph_chars[q.paragraph as usize];
        assert_eq!(
            pchars[article.char_range(q.paragraph, q.bytes)]
                .iter()
                .collect::<String>(),
            words
        );
        if let Some(slug) = &q.speaker {
            assert!(article.speaker(*slug).is_some());
        }
    }
    for s in &article.statements {
        assert_eq!(article.paragraphs[s.paragraph as usize].role, ParagraphRole::Body);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        let article = parse(&text, &Lexicon::builtin());
        check(&text, &article);
    }

    #[test]
    fn adversarial_text(pieces in prop::collection::vec(prop::sample::select(PIECES), 0..200)) {
        let text = pieces.concat();
        let article = parse(&text, &Lexicon::builtin());
        check(&text, &article);
    }
}

#[test]
fn one_five_megabyte_line() {
    let unit = "“Unbalanced, said Ana Ruiz, a lecturer at Vigo, “and ” she said \" according to the ministry — ";
    let text = unit.repeat(5 * 1024 * 1024 / unit.len() + 1);
    assert!(text.len() >= 5 * 1024 * 1024);
    let article = parse(&text, &Lexicon::builtin());
    check(&text, &article);
    assert_eq!(article.paragraphs.len(), 1);
}

#[test]
fn empty_and_blank_text() {
    for text in ["", "\n\n", "\u{feff}", "\r\n\r\n  \t"] {
        let article = parse(text, &Lexicon::builtin());
        assert!(article.paragraphs.is_empty() && article.quotes.is_empty());
    }
}
