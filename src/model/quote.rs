//! Quotes, reported statements, and how each was attributed.

use std::ops::Range;
use std::sync::Arc;

use serde::Serialize;

/// Words between a pair of quotation marks in a body paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// Position among the article's quotes, from 0.
    pub index: usize,
    /// Index of the paragraph holding it.
    pub paragraph: usize,
    /// Character offset of the quoted text within the paragraph (after the opening mark).
    pub start: usize,
    /// Character offset just past the quoted text (before the closing mark, if any).
    pub end: usize,
    /// The quoted words, without the marks.
    pub text: String,
    /// A quoted sentence or clause, or a few words inside the writer's sentence.
    pub kind: QuoteKind,
    /// The words that attribute it ("said", "told reporters", "according to"); shared.
    pub cue: Option<Arc<str>>,
    /// Slug of the speaker (shared); `None` when nobody is saying it or nobody could be found.
    pub speaker: Option<Arc<str>>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// Index of the quote this one continues: the first half of a split quote,
    /// or the previous paragraph of a quote running over several.
    pub continues: Option<usize>,
    /// Byte range of the quoted text within the paragraph.
    #[serde(skip)]
    pub bytes: Range<usize>,
}

/// Whether a quote is a whole utterance or words embedded in the writer's sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A quoted sentence or clause, set off by a cue.
    Direct,
    /// A few quoted words inside the writer's own sentence.
    Fragment,
}

impl QuoteKind {
    /// The lower-case name used in URLs and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Fragment => "fragment",
        }
    }
}

/// How a quote or statement came to have its speaker (or none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Attribution {
    /// The speaker is named in the cue of the same sentence.
    Named,
    /// A pronoun in the cue ("she said") was resolved to the speaker.
    Pronoun {
        /// The pronoun as written.
        pronoun: String,
    },
    /// The cue is in another sentence of the same paragraph.
    SameParagraph,
    /// The paragraph is only quotation and continues the previous speaker.
    Continuation,
    /// The source is unnamed ("an official said"): no speaker is given.
    Anonymous {
        /// How the text describes the source.
        source: String,
    },
    /// The quote is a title or label said by nobody.
    Title,
    /// No cue was found: a scare quote, or a speaker the text does not give.
    Unattributed,
}

impl Attribution {
    /// A short note for readers on how the attribution was made.
    pub fn note(&self, speaker_name: Option<&str>) -> String {
        let who = speaker_name.unwrap_or("the speaker");
        match self {
            Attribution::Named => format!("{who} is named in the sentence"),
            Attribution::Pronoun { pronoun } => format!("“{pronoun}” resolved to {who}"),
            Attribution::SameParagraph => format!("{who} is named in the same paragraph"),
            Attribution::Continuation => {
                format!("continues {who}’s words from the previous paragraph")
            }
            Attribution::Anonymous { source } => format!("unnamed source: {source}"),
            Attribution::Title => "a title or label: nobody is saying it".to_owned(),
            Attribution::Unattributed => "no speaker is given in the text".to_owned(),
        }
    }
}

/// A body paragraph that reports what someone said, with or without quote marks.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Position among the article's statements, from 0.
    pub index: usize,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Slug of the speaker (shared); `None` for unnamed sources.
    pub speaker: Option<Arc<str>>,
    /// The words that attribute it (shared).
    pub cue: Option<Arc<str>>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// Indexes of the quotes inside it.
    pub quotes: Vec<usize>,
}
