//! The domain model: articles, paragraphs, quotes, statements and speakers, as plain serialisable data.

mod article;
mod quote;
mod speaker;
mod text;

pub use article::{Article, Paragraph, ParagraphRole};
pub use quote::{Antecedent, Attribution, Quote, QuoteKind, QuoteRange, Report, Statement};
pub use speaker::{
    Gender, RoleSource, Speaker, SpeakerId, SpeakerKind, capitalise, slugify, speaker_slugs, unique_slug,
};
pub use text::{SharedStr, Span, Text};

/// An index or offset as the model and the corpus store it: four bytes, not eight, since no
/// article or corpus holds four billion of anything (an index past that reads as the last one).
pub fn narrow(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

/// An index that may be absent, in four bytes rather than an `Option<u32>`'s eight: the model
/// and the corpus hold one in every quote and every row, so each byte counts. `u32::MAX`
/// stands for none. It serialises as the index or `null`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MaybeIndex(u32);

impl MaybeIndex {
    /// No index.
    pub const NONE: MaybeIndex = MaybeIndex(u32::MAX);

    /// The index, if there is one.
    pub fn get(self) -> Option<usize> {
        (self.0 != u32::MAX).then_some(self.0 as usize)
    }
}

impl Default for MaybeIndex {
    fn default() -> Self {
        MaybeIndex::NONE
    }
}

impl From<Option<usize>> for MaybeIndex {
    /// None, and an index too large to hold, are none.
    fn from(index: Option<usize>) -> Self {
        MaybeIndex(index.and_then(|i| u32::try_from(i).ok()).unwrap_or(u32::MAX))
    }
}

impl serde::Serialize for MaybeIndex {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.get().serialize(serializer)
    }
}
