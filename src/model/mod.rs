//! The domain model: articles, paragraphs, quotes, statements and speakers, as plain serialisable data.

mod article;
mod quote;
mod speaker;
mod text;

pub use article::{Article, Paragraph, ParagraphRole};
pub use quote::{Antecedent, Attribution, Quote, QuoteKind, Report, Statement};
pub use speaker::{
    Gender, RoleSource, Speaker, SpeakerId, SpeakerKind, capitalise, slugify, speaker_slugs, unique_slug,
};
pub use text::{SharedStr, Span, Text};

/// An index or offset as the model and the corpus store it: four bytes, not eight, since no
/// article or corpus holds four billion of anything (an index past that reads as the last one).
pub fn narrow(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}
