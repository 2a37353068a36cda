//! Synthetic articles in the style of the shipped one, for benchmarks and scale tests.
//!
//! Deterministic: the same seed gives the same corpus. Speakers get invented
//! names in Western and family-name-first orders; each article mixes the
//! quoting habits the parser handles (trailing and leading cues, inverted
//! cues with roles, pronouns, split and multi-paragraph quotes, fragments,
//! "according to", unnamed sources) with background paragraphs that quote
//! no one (about three in ten, as in the shipped article), captions, related
//! links and a footer.

/// A small, fast, seeded random number generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed (any value).
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ra", "ten", "vo", "sa", "ni", "bel", "dor", "fa", "gu", "han", "jo", "ki", "lu", "mar", "no",
    "pe", "ri", "sol", "ta", "ur", "ve", "wen", "ya", "zo", "an", "el", "is",
];
const GIVEN_SUFFIX: &[&str] = &["a", "o", "en", "ia", "us", "el", "ine", "ar"];
const KOREAN_STYLE: &[&str] = &["jin", "min", "woo", "hee", "sun", "yeon", "ho", "jae", "ok", "bin"];
const ROLES: &[&str] = &[
    "a professor of international relations at {} University",
    "a senior fellow at the {} Institute",
    "the director of the {} Centre for Strategic Studies",
    "an economist at {} Bank",
    "a former diplomat who served in {}",
    "a researcher at the {} Foundation",
];
const TOPICS: &[&str] = &[
    "the trade talks",
    "the summit",
    "the sanctions regime",
    "the new pipeline",
    "the port deal",
    "the election",
];
const CUE_VERBS: &[&str] = &["said", "added", "noted", "warned", "argued", "stressed"];
const CLAUSES: &[&str] = &[
    "the talks could stall before the end of the year",
    "neither side wanted to be seen to blink first",
    "markets had already priced in a long dispute",
    "the agreement would be hard to enforce",
    "the region was more fragile than it looked",
    "officials were preparing for a second round",
];
const QUOTES: &[&str] = &[
    "We have seen this pattern before, and it rarely ends well",
    "Nobody in the room expected a breakthrough",
    "It is a signal, not a policy",
    "The real question is who pays for it",
    "This is about leverage more than trust",
    "There is no plan B, and everyone knows it",
];
const BACKGROUND: &[&str] = &[
    "The two governments signed a framework agreement last spring, but most of its provisions have yet to take effect, and the committee that was meant to oversee them has met only twice since it was formed.",
    "Trade between the neighbours has grown steadily over the past decade, driven largely by energy exports, although shipping costs and new customs rules have slowed the pace of growth this year.",
    "The visit is the first by a head of state in more than twenty years, and it comes at a time when both sides are looking for partners beyond their traditional allies in the region.",
    "Officials from both countries spent much of the week negotiating over the wording of a joint statement, which was eventually released late on Friday evening after several delays.",
    "A previous round of talks collapsed in the autumn after a dispute over fishing rights, which both sides have since described as a misunderstanding that should not be repeated.",
];
const FRAGMENTS: &[&str] = &[
    "deeply worrying",
    "a calculated gamble",
    "largely symbolic",
    "a point of no return",
    "long overdue",
];

/// A speaker invented for a synthetic article.
#[derive(Debug, Clone)]
pub struct FakeSpeaker {
    /// Full name.
    pub full: String,
    /// The name used after the first mention.
    pub short: String,
    /// "he" or "she".
    pub pronoun: &'static str,
    /// Role at first mention.
    pub role: String,
}

fn capitalised_word(rng: &mut Rng, syllables: usize) -> String {
    let mut word = String::new();
    for _ in 0..syllables {
        word.push_str(rng.pick(SYLLABLES));
    }
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// An invented speaker, in Western or family-name-first order.
pub fn fake_speaker(rng: &mut Rng) -> FakeSpeaker {
    let family = capitalised_word(rng, 2);
    let (full, short) = if rng.below(3) == 0 {
        let given = format!("{}-{}", capitalised_word(rng, 1), rng.pick(KOREAN_STYLE));
        (format!("{family} {given}"), family)
    } else {
        let given = format!("{}{}", capitalised_word(rng, 1), rng.pick(GIVEN_SUFFIX));
        (format!("{given} {family}"), family)
    };
    let place = capitalised_word(rng, 2);
    FakeSpeaker {
        full,
        short,
        pronoun: if rng.below(2) == 0 { "he" } else { "she" },
        role: rng.pick(ROLES).replace("{}", &place),
    }
}

/// The parser benchmark's corpus: at least `megabytes` MiB of 30-paragraph synthetic articles
/// (seed 2024), every tenth of them the shipped article.
pub fn parse_bench_corpus(megabytes: usize) -> Vec<String> {
    let mut rng = Rng::new(2024);
    let mut articles = Vec::new();
    let mut size = 0;
    while size < megabytes * 1024 * 1024 {
        let text = if articles.len() % 10 == 0 {
            crate::corpus::SHIPPED_ARTICLE.to_owned()
        } else {
            article(&mut rng, 30).0
        };
        size += text.len();
        articles.push(text);
    }
    articles
}

/// One synthetic article of roughly `paragraphs` paragraphs, and its speakers.
pub fn article(rng: &mut Rng, paragraphs: usize) -> (String, Vec<FakeSpeaker>) {
    let speakers: Vec<FakeSpeaker> = (0..2 + rng.below(4)).map(|_| fake_speaker(rng)).collect();
    let mut out = String::with_capacity(paragraphs * 200);
    let month = rng.pick(&["January", "March", "May", "July", "September", "November"]);
    out.push_str(&format!("{month} {}, {}\n", 1 + rng.below(28), 2015 + rng.below(10)));
    let topic = rng.pick(TOPICS);
    for (n, speaker) in speakers.iter().enumerate() {
        let quote = rng.pick(QUOTES);
        let clause = rng.pick(CLAUSES);
        let verb = rng.pick(CUE_VERBS);
        out.push_str(&match rng.below(3) {
            0 => format!("“{quote},” said {}, {}.\n", speaker.full, speaker.role),
            1 => format!("{}, {}, {verb} that {clause}.\n", speaker.full, speaker.role),
            _ => format!("On {topic}, {clause}, {} {verb}.\n", speaker.full),
        });
        let fragment = rng.pick(FRAGMENTS);
        out.push_str(&format!(
            "The outcome was “{fragment}”, {} {}.\n\n",
            speaker.pronoun,
            rng.pick(CUE_VERBS)
        ));
        if n == 0 {
            out.push_str(&format!("Delegates arrive for {topic} in the capital. Photo: AFP\n"));
        }
    }
    let mut written = speakers.len() * 2 + 2;
    while written < paragraphs {
        let speaker = &speakers[rng.below(speakers.len())];
        let quote = rng.pick(QUOTES);
        let clause = rng.pick(CLAUSES);
        if rng.below(10) < 3 {
            out.push_str(rng.pick(BACKGROUND));
            out.push_str("\n\n");
            written += 1;
            continue;
        }
        out.push_str(&match rng.below(7) {
            0 => format!("“{quote},” {} told reporters.\n\n", speaker.short),
            1 => format!("{clause}, according to {}.\n\n", speaker.short),
            2 => format!("“{quote},” {} said, “and {clause}.”\n\n", speaker.pronoun),
            3 => format!("“{quote}.\n“And {clause}.”\n\n"),
            4 => format!("An official said {clause}.\n\n"),
            5 => format!("But {} {} that {clause}.\n\n", speaker.short, rng.pick(CUE_VERBS)),
            _ => format!(
                "The so-called “{}” has not arrived, and {clause}.\n\n",
                rng.pick(FRAGMENTS)
            ),
        });
        written += 1;
    }
    out.push_str(&format!(
        "What {topic} means for the region\n\nLeave a Reply\n\nYour email address will not be published.\n"
    ));
    (out, speakers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Lexicon, parse};

    #[test]
    fn generated_articles_parse_to_their_speakers() {
        let mut rng = Rng::new(7);
        for _ in 0..20 {
            let (text, speakers) = article(&mut rng, 20);
            let parsed = parse(&text, &Lexicon::builtin());
            for speaker in &speakers {
                assert!(
                    parsed.speakers.iter().any(|s| *s.name == *speaker.full),
                    "{} missing from {:?}\n{text}",
                    speaker.full,
                    parsed.speakers.iter().map(|s| &s.name).collect::<Vec<_>>()
                );
            }
        }
    }
}
