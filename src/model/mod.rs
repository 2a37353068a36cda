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
pub use text::Text;
