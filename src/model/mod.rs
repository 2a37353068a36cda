//! The domain model: articles, paragraphs, quotes, statements and speakers, as plain serialisable data.

mod article;
mod quote;
mod speaker;

pub use article::{Article, Paragraph, ParagraphRole};
pub use quote::{Attribution, Quote, QuoteKind, Statement};
pub use speaker::{Gender, RoleSource, Speaker, SpeakerKind, capitalise, slugify, unique_slug};
