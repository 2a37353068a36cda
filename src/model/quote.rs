//! Quotes, reported statements, and how each was attributed.

use serde::Serialize;

use super::{MaybeIndex, SharedStr, Span, SpeakerId, narrow};

/// Words between a pair of quotation marks in a body paragraph.
#[derive(Debug, Clone, Serialize)]
pub struct Quote {
    /// Index of the paragraph holding it.
    pub paragraph: u32,
    /// A quoted sentence or clause, or a few words inside the writer's sentence.
    pub kind: QuoteKind,
    /// The words that attribute it ("said", "told reporters", "according to"); shared.
    pub cue: Option<SharedStr>,
    /// The speaker; `None` when nobody is saying it or the text does not say who.
    pub speaker: Option<SpeakerId>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// Index of the quote this one continues: the first half of a split quote,
    /// or the previous paragraph of a quote running over several.
    pub continues: MaybeIndex,
    /// Byte range of the quoted words within the paragraph, without the marks: the words
    /// are read from there ([`Quote::words`]), not kept twice.
    #[serde(skip)]
    pub bytes: Span,
    /// Byte range of the sentence holding the quote, within the paragraph: the
    /// context a fragment is never shown without.
    #[serde(skip)]
    pub sentence: Span,
}

impl Quote {
    /// The quoted words, without the marks, cut from `paragraph` (the text of its paragraph).
    pub fn words<'a>(&self, paragraph: &'a str) -> &'a str {
        self.bytes.cut(paragraph)
    }

    /// The quoted words as a reader reads them: without a comma, semicolon or colon at
    /// the end (those belong to the writer's sentence), nor a full stop closing a fragment.
    /// `paragraph` is the text of its paragraph.
    pub fn reading<'a>(&self, paragraph: &'a str) -> &'a str {
        let text = self.words(paragraph).trim();
        let text = text.trim_end_matches([',', ';', ':']).trim_end();
        if self.kind == QuoteKind::Fragment {
            text.trim_end_matches('.').trim_end()
        } else {
            text
        }
    }

    /// Whether this quote is the second half of a quote a cue splits in one sentence
    /// (“The plan,” she said, “is dead.”), so that it reads as one with `first`, the article's
    /// quote number `first_at`; `paragraph` is the text of the paragraph both are in.
    pub fn completes(&self, first: &Quote, first_at: usize, paragraph: &str) -> bool {
        self.continues.get() == Some(first_at)
            && self.attribution == Attribution::SplitQuote
            && self.paragraph == first.paragraph
            && self.kind == QuoteKind::Direct
            && first.kind == QuoteKind::Direct
            && !first.words(paragraph).trim_end().ends_with(['.', '?', '!', '…'])
    }
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

/// How a pronoun found the person it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Antecedent {
    /// The speaker of the previous sentence.
    PreviousSpeaker,
    /// The subject of the previous sentence.
    PreviousSubject,
    /// The subject of the same sentence, named before the pronoun.
    SentenceSubject,
    /// The person whose words the article has been reporting, with no one else named since.
    CurrentSpeaker,
    /// The only recent speaker the pronoun fits, by the gender the text gives them.
    OnlyFitting,
}

/// How a quote or statement came to have its speaker (or none): the sieve that decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Attribution {
    /// The speaker is named in the cue of the same sentence.
    Named,
    /// A pronoun in the cue ("she said") stands for the speaker.
    Pronoun {
        /// The pronoun as written.
        pronoun: SharedStr,
        /// How it was resolved.
        antecedent: Antecedent,
    },
    /// The cue uses a role noun ("the analyst said") the article gave the speaker.
    RoleNoun {
        /// The noun.
        noun: SharedStr,
    },
    /// The cue names a document ("the statement said"), which speaks for whoever issued it.
    Document {
        /// The document as written.
        document: SharedStr,
    },
    /// The second part of a split quote (“The plan,” she said, “is dead.”).
    SplitQuote,
    /// The quote follows a line that introduces it with a colon ("Kery said only:").
    ColonIntroduction,
    /// The quote sits under a name label in interview style ("Thea Markussen, director:").
    NameLabel,
    /// The paragraph continues a quote left open at the end of the previous one.
    Continuation,
    /// The paragraph is only quotation, and the previous paragraph reports this speaker.
    IntroducedBefore,
    /// A quoted sentence with no cue in its paragraph, after a sentence about this person.
    SubjectBefore,
    /// The cue is in another sentence of the same paragraph.
    SameParagraph,
    /// Words the speaker quotes inside their own quote.
    InnerQuote,
    /// A quote inside a quote, voiced by someone the outer speaker names.
    VoicedInQuote,
    /// An unnamed source ("an official said") whose words a named person is later quoted saying.
    NamedLater {
        /// How the text first described the source.
        source: SharedStr,
    },
    /// The source is unnamed ("an official said"): no speaker is given.
    Anonymous {
        /// How the text describes the source.
        source: SharedStr,
    },
    /// The source is a group of people ("Campaigners said"): no one speaker is given.
    Group {
        /// How the text describes the group.
        source: SharedStr,
    },
    /// The quote is a title or label said by nobody.
    Title,
    /// An editor set the speaker in the article's sidecar (`[[correction]]`).
    Corrected,
    /// No sieve was sure, so no speaker is given; the reason says why.
    NotGiven {
        /// Why nobody is named.
        reason: SharedStr,
    },
}

impl Attribution {
    /// The sieve's short name, as used in JSON ("named", "pronoun", …).
    pub fn method(&self) -> &'static str {
        match self {
            Attribution::Named => "named",
            Attribution::Pronoun { .. } => "pronoun",
            Attribution::RoleNoun { .. } => "role_noun",
            Attribution::Document { .. } => "document",
            Attribution::SplitQuote => "split_quote",
            Attribution::ColonIntroduction => "colon_introduction",
            Attribution::NameLabel => "name_label",
            Attribution::Continuation => "continuation",
            Attribution::IntroducedBefore => "introduced_before",
            Attribution::SubjectBefore => "subject_before",
            Attribution::SameParagraph => "same_paragraph",
            Attribution::InnerQuote => "inner_quote",
            Attribution::VoicedInQuote => "voiced_in_quote",
            Attribution::NamedLater { .. } => "named_later",
            Attribution::Anonymous { .. } => "anonymous",
            Attribution::Group { .. } => "group",
            Attribution::Title => "title",
            Attribution::Corrected => "corrected",
            Attribution::NotGiven { .. } => "not_given",
        }
    }

    /// The words the attribution keeps (a pronoun, a role noun, a source, a reason), if any.
    pub fn words_mut(&mut self) -> Option<&mut SharedStr> {
        match self {
            Attribution::Pronoun { pronoun: words, .. }
            | Attribution::RoleNoun { noun: words }
            | Attribution::Document { document: words }
            | Attribution::NamedLater { source: words }
            | Attribution::Anonymous { source: words }
            | Attribution::Group { source: words }
            | Attribution::NotGiven { reason: words } => Some(words),
            Attribution::Named
            | Attribution::SplitQuote
            | Attribution::ColonIntroduction
            | Attribution::NameLabel
            | Attribution::Continuation
            | Attribution::IntroducedBefore
            | Attribution::SubjectBefore
            | Attribution::SameParagraph
            | Attribution::InnerQuote
            | Attribution::VoicedInQuote
            | Attribution::Title
            | Attribution::Corrected => None,
        }
    }

    /// A plain-language note for readers on how the attribution was made.
    pub fn note(&self, speaker_name: Option<&str>) -> String {
        let who = speaker_name.unwrap_or("the speaker");
        match self {
            Attribution::Named => format!("The sentence names {who}."),
            Attribution::Pronoun { pronoun, antecedent } => {
                let how = match antecedent {
                    Antecedent::PreviousSpeaker => "who spoke in the sentence before",
                    Antecedent::PreviousSubject => "the subject of the sentence before",
                    Antecedent::SentenceSubject => "named earlier in the same sentence",
                    Antecedent::CurrentSpeaker => {
                        "whose words the article has been reporting, with no one else named since"
                    }
                    Antecedent::OnlyFitting => "the only recent speaker it fits",
                };
                format!("“{pronoun}” is {who}, {how}.")
            }
            Attribution::RoleNoun { noun } => format!("The article calls {who} “the {noun}”."),
            Attribution::Document { document } => format!("The {document} speaks for {who}, who issued it."),
            Attribution::SplitQuote => format!("The second part of a quote split by a cue naming {who}."),
            Attribution::ColonIntroduction => format!("Introduced with a colon after {who} is named."),
            Attribution::NameLabel => format!("Under the label naming {who}."),
            Attribution::Continuation => format!("Continues {who}’s quote from the paragraph before."),
            Attribution::IntroducedBefore => format!("The paragraph before reports {who}; this one only quotes."),
            Attribution::SubjectBefore => format!("The sentence before is about {who}, and no one else is named."),
            Attribution::SameParagraph => format!("Another sentence of the paragraph names {who}."),
            Attribution::InnerQuote => format!("Words {who} quotes inside their own quote."),
            Attribution::VoicedInQuote => format!("Inside another quote, voiced as {who}’s words."),
            Attribution::NamedLater { source } => {
                format!("First given to “{source}”; {who} is later quoted saying the same words.")
            }
            Attribution::Anonymous { source } => format!("An unnamed source: “{source}”."),
            Attribution::Group { source } => format!("A group, not one speaker: “{source}”."),
            Attribution::Title => "A title or label: nobody is saying it.".to_owned(),
            Attribution::Corrected => "Corrected by the editor.".to_owned(),
            Attribution::NotGiven { reason } => format!("Speaker not given: {reason}."),
        }
    }
}

/// What the writer reports someone said, in the writer's words: the clause after
/// "said that", or the sentence before "according to X". Quoted words inside it stay.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Index of the paragraph holding it.
    pub paragraph: u32,
    /// The speaker; `None` for unnamed sources and groups.
    pub speaker: Option<SpeakerId>,
    /// The words that attribute it (shared).
    pub cue: Option<SharedStr>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// Indexes of the quotes inside it.
    pub quotes: Box<[u32]>,
    /// Byte range of the reported words within the paragraph, quotation marks included: the
    /// words are read from there ([`Report::words`]).
    #[serde(skip)]
    pub bytes: Span,
}

impl Report {
    /// The reported words as written, cut from `paragraph` (the text of its paragraph).
    pub fn words<'a>(&self, paragraph: &'a str) -> &'a str {
        self.bytes.cut(paragraph)
    }
}

/// A run of an article's quotes by index, such as one paragraph's: eight bytes where a list
/// takes sixteen and an allocation of its own. It serialises as the list of indexes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct QuoteRange {
    start: u32,
    end: u32,
}

impl QuoteRange {
    /// The quotes `range`.
    pub fn new(range: std::ops::Range<usize>) -> Self {
        QuoteRange {
            start: narrow(range.start),
            end: narrow(range.end.max(range.start)),
        }
    }

    /// Whether quote `index` is one of them.
    pub fn contains(self, index: usize) -> bool {
        (self.start as usize..self.end as usize).contains(&index)
    }

    /// Their indexes, in order.
    pub fn iter(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// How many there are.
    pub fn len(self) -> usize {
        self.iter().len()
    }

    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }
}

impl Serialize for QuoteRange {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

/// A body paragraph that reports what someone said, with or without quote marks.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    /// Index of the paragraph.
    pub paragraph: u32,
    /// The speaker; `None` for unnamed sources.
    pub speaker: Option<SpeakerId>,
    /// The words that attribute it (shared).
    pub cue: Option<SharedStr>,
    /// How the speaker was found.
    pub attribution: Attribution,
    /// The quotes inside it: all of its paragraph's, which are consecutive in the article.
    pub quotes: QuoteRange,
}

#[cfg(test)]
mod tests {
    use super::QuoteRange;

    #[test]
    fn a_quote_range_reads_and_serialises_as_its_indexes() {
        let range = QuoteRange::new(3..6);
        assert!(range.contains(3) && range.contains(5) && !range.contains(6) && !range.contains(2));
        assert_eq!(range.iter().collect::<Vec<_>>(), [3, 4, 5]);
        assert_eq!(range.len(), 3);
        assert_eq!(serde_json::to_string(&range).unwrap(), "[3,4,5]");
        let empty = QuoteRange::new(4..4);
        assert!(empty.is_empty() && !empty.contains(4));
        assert_eq!(serde_json::to_string(&empty).unwrap(), "[]");
        assert_eq!(size_of::<QuoteRange>(), 8);
    }
}
