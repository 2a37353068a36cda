//! A piece of an article's text, shared: the whole text is held once and each piece is a byte range (a [`Span`]) into it.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Serialize, Serializer};

use super::narrow;

/// Words of an article (a paragraph, a quote, a report) as a byte range into the article's
/// whole text, which every piece shares: cloning one copies no text. It reads as a `&str`.
///
/// The whole text sits behind a thin pointer (an `Arc` of a boxed `str`, not an `Arc<str>`,
/// whose pointer carries the length too), so a piece is 16 bytes: an article has hundreds.
#[derive(Clone, Default)]
pub struct Text {
    source: Arc<Box<str>>,
    span: Span,
}

impl Text {
    /// The whole of `text`, held once for the pieces cut from it (see [`Text::slice`]) to share.
    pub fn whole(text: &str) -> Self {
        Text::new(Arc::new(Box::from(text)), 0..text.len())
    }

    /// The piece `range` of `source`; empty when the range does not fall on character
    /// boundaries inside it (or lies past 4 GiB).
    fn new(source: Arc<Box<str>>, range: Range<usize>) -> Self {
        let fits = u32::try_from(range.end).is_ok() && source.get(range.clone()).is_some();
        if fits {
            Text {
                source,
                span: Span::new(range),
            }
        } else {
            Text::default()
        }
    }

    /// The piece `range` of this piece (a byte range within it), sharing the same text.
    pub fn slice(&self, range: Range<usize>) -> Text {
        let start = self.span.start();
        Text::new(self.source.clone(), start + range.start..start + range.end)
    }

    /// Bytes of the whole text this piece shares with the article's other pieces.
    pub fn whole_len(&self) -> usize {
        self.source.len()
    }

    /// Where this piece starts in the whole text, in bytes.
    pub fn offset(&self) -> usize {
        self.span.start()
    }

    /// The whole text this piece is cut from.
    pub fn source_text(&self) -> &str {
        &self.source
    }

    /// The words.
    pub fn as_str(&self) -> &str {
        self.span.cut(&self.source)
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for Text {
    /// A piece that is a whole text of its own.
    fn from(text: &str) -> Self {
        Text::whole(text)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, other: &Text) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, other: &Text) -> bool {
        self == other.as_str()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// Words many items of an article share (a cue such as "she said"), held once behind a thin
/// pointer: eight bytes where an `Arc<str>` takes sixteen, and an `Option` of it no more. It
/// reads as a `&str`.
#[derive(Clone, PartialEq, Eq)]
pub struct SharedStr(Arc<Box<str>>);

impl SharedStr {
    /// Whether `other` is this very copy, not only the same words.
    pub fn shares_with(&self, other: &SharedStr) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl From<&str> for SharedStr {
    fn from(words: &str) -> Self {
        SharedStr(Arc::new(Box::from(words)))
    }
}

impl From<String> for SharedStr {
    fn from(words: String) -> Self {
        SharedStr(Arc::new(words.into_boxed_str()))
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

/// A byte range within a paragraph or an article's text, held in eight bytes rather than sixteen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// The span of `range`.
    pub fn new(range: Range<usize>) -> Self {
        Span {
            start: narrow(range.start),
            end: narrow(range.end),
        }
    }

    /// Its first byte.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// Just past its last byte.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// The bytes, as a range to slice with.
    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The words of `text` this span covers; empty when it does not fall on character
    /// boundaries inside it.
    pub fn cut(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_share_the_text_and_read_as_their_range() {
        let paragraph = Text::whole("“Hé,” she said.");
        let quote = paragraph.slice(3..7);
        assert_eq!(quote, "Hé,");
        assert_eq!(quote.slice(0..1).as_str(), "H");
        assert_eq!(Arc::strong_count(&paragraph.source), 2);
        assert_eq!(size_of::<Text>(), 16, "a thin pointer and two u32 offsets");
        let cue = SharedStr::from("she said");
        assert_eq!(&*cue, "she said");
        assert_eq!(cue.clone(), cue);
        assert_eq!(size_of::<Option<SharedStr>>(), 8);
        assert_eq!(serde_json::to_string(&quote).unwrap(), "\"Hé,\"");
    }

    #[test]
    fn a_range_off_character_boundaries_or_outside_is_empty() {
        let paragraph = Text::from("“Hé,” she said.");
        assert_eq!(paragraph.slice(0..1), "");
        assert_eq!(paragraph.slice(5..99), "");
        let (start, end) = (2, 1);
        assert_eq!(Text::whole("abc").slice(start..end), "");
    }
}
