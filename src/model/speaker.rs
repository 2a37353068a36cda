//! Speakers: people and organisations who are quoted or reported.

use std::fmt;
use std::num::NonZeroU32;

use serde::{Serialize, Serializer};

/// A speaker's place in its article's list of speakers; slugs and URLs are made outside the parser.
///
/// It holds the place plus one, never zero, so that an `Option<SpeakerId>` (a paragraph's,
/// a quote's speaker) takes four bytes, not eight. It reads and serialises as the place.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpeakerId(NonZeroU32);

impl SpeakerId {
    /// The speaker at place `index` (none past `u32::MAX - 1` places).
    pub fn new(index: usize) -> Option<SpeakerId> {
        u32::try_from(index)
            .ok()
            .and_then(|i| i.checked_add(1))
            .and_then(NonZeroU32::new)
            .map(SpeakerId)
    }

    /// As a list index.
    pub fn index(self) -> usize {
        (self.0.get() - 1) as usize
    }
}

impl fmt::Debug for SpeakerId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SpeakerId({})", self.index())
    }
}

impl Serialize for SpeakerId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.0.get() - 1)
    }
}

/// Someone quoted or reported in an article.
#[derive(Debug, Clone, Serialize)]
pub struct Speaker {
    /// Its place in the article's speakers.
    pub id: SpeakerId,
    /// Full name as introduced ("Jenny Town").
    pub name: Box<str>,
    /// The form used after the first mention ("Town").
    pub short_name: Box<str>,
    /// Role as the text gives it, if it does.
    pub role: Option<Box<str>>,
    /// Where the role came from.
    pub role_source: Option<RoleSource>,
    /// A person or an organisation.
    pub kind: SpeakerKind,
    /// A commentator on the story, rather than someone the story is about.
    pub commentator: bool,
    /// Number of quotes attributed to them.
    pub quote_count: u32,
    /// Number of statements attributed to them.
    pub statement_count: u32,
    /// Gender, where the text shows it (honorifics, gendered nouns, pronouns).
    pub gender: Option<Gender>,
}

/// Whether a speaker is a person or a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// A ministry, agency, company or other body.
    Organisation,
}

/// Where a speaker's role was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleSource {
    /// An appositive at first mention ("Jenny Town, a senior fellow at …").
    Appositive,
    /// A title before the name ("defence minister Ana Ruiz").
    Title,
    /// Set by an editor in the article's sidecar (`[[speaker]]`).
    Editor,
}

/// A speaker's gender as the text shows it (honorifics, pronouns), used to resolve pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Referred to as "he" or "Mr".
    Male,
    /// Referred to as "she" or "Ms".
    Female,
}

/// A URL slug: lower-case letters and digits joined by single hyphens, accents folded.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    let mut pending_hyphen = false;
    for c in name.chars() {
        let folded = fold_accent(c);
        if folded.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.extend(folded.to_lowercase());
        } else if c == '\'' || c == '’' {
            continue;
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

/// URL slugs for an article's speakers, by [`SpeakerId`]: one per speaker, from the full
/// name, unique within the list ("ana-ruiz", "ana-ruiz-2").
pub fn speaker_slugs(speakers: &[Speaker]) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    speakers
        .iter()
        .map(|s| {
            let base = slugify(&s.name);
            let base = if base.is_empty() {
                format!("speaker-{}", s.id.index() + 1)
            } else {
                base
            };
            unique_slug(&base, &mut taken)
        })
        .collect()
}

/// `base`, or `base-2`, `base-3`, … : the first not yet in `taken`, which it joins.
pub fn unique_slug<S: std::hash::BuildHasher>(base: &str, taken: &mut std::collections::HashSet<String, S>) -> String {
    let mut slug = base.to_owned();
    let mut n = 2;
    while !taken.insert(slug.clone()) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    slug
}

/// The text with its first letter upper-cased ("foreign ministry" → "Foreign ministry").
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' => 'Y',
        'ś' | 'š' | 'ş' => 's',
        'Ś' | 'Š' | 'Ş' => 'S',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'ř' => 'r',
        'Ř' => 'R',
        'ğ' => 'g',
        'Ğ' => 'G',
        'ț' | 'ţ' => 't',
        'Ț' | 'Ţ' => 'T',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs() {
        for (name, slug) in [
            ("Jenny Town", "jenny-town"),
            ("Chang Ho-jin", "chang-ho-jin"),
            ("Cho", "cho"),
            ("Seán O’Brien", "sean-obrien"),
            ("  the  foreign ministry ", "the-foreign-ministry"),
            ("Zoë Ćirić", "zoe-ciric"),
            ("", ""),
        ] {
            assert_eq!(slugify(name), slug, "{name}");
        }
    }
}
