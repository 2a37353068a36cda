//! Stage 5: resolve cues to speakers and give every quote and reported paragraph its speaker.

use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::cues::{Cue, Source, appositive_after_name, find_cues};
use super::lexicon::Lexicon;
use super::names::{ReadName, family_name, family_name_first, is_name_word, read_name, run_starting_at, title_before};
use super::tokens::{QuoteSpan, Tok, TokKind, find_quotes, sentences_into, tokenize_into};
use crate::model::{
    Attribution, Gender, Quote, QuoteKind, RoleSource, Speaker, SpeakerKind, Statement, slugify, unique_slug,
};

/// What attribution produces for an article's body paragraphs.
pub(crate) struct Attributed {
    /// Every quote, in order.
    pub quotes: Vec<Quote>,
    /// Every reported paragraph.
    pub statements: Vec<Statement>,
    /// Everyone quoted or reported, in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// The speaker slug of each paragraph index that has one.
    pub paragraph_speakers: HashMap<usize, Arc<str>>,
}

/// Attributes the body paragraphs, given as (paragraph index, text) in order.
pub(crate) fn attribute(body: &[(usize, &str)], lexicon: &Lexicon) -> Attributed {
    let mut state = State::default();
    for &(index, text) in body {
        state.paragraph(index, text, lexicon);
    }
    state.finish(lexicon)
}

/// One person or organisation known to the article so far.
#[derive(Debug)]
struct Entry {
    name: String,
    words: Vec<String>,
    kind: SpeakerKind,
    gender: Option<Gender>,
    title_role: Option<String>,
    appositive_role: Option<String>,
    /// An appositive seen where the person was named but did not speak.
    mentioned_role: Option<String>,
    /// The single word the text used for them, if it did.
    short_used: Option<String>,
    /// When they were last mentioned or quoted (a running count).
    last_seen: usize,
    /// When they first spoke, if they did.
    first_spoke: Option<usize>,
    quotes: usize,
    statements: usize,
}

/// Who a cue or paragraph is attributed to.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Speaker(usize),
    Anonymous(String),
    Nobody,
}

#[derive(Debug, Clone)]
struct ResolvedCue<'a> {
    cue: Cue<'a>,
    who: Who,
    attribution: Attribution,
}

/// How many recent speakers and people a pronoun looks back over.
const RECENT: usize = 32;

#[derive(Default)]
struct State {
    entries: Vec<Entry>,
    /// People by full name.
    people: FxHashMap<String, usize>,
    /// Organisations by lower-cased name.
    organisations: FxHashMap<String, usize>,
    /// People by each word of their name.
    by_word: FxHashMap<String, Vec<usize>>,
    /// People most recently named, most recent last.
    recent_people: Vec<usize>,
    /// Speakers in the order they last spoke, most recent last.
    history: Vec<usize>,
    /// Who spoke in the last reported paragraph.
    current: Option<(Who, Attribution)>,
    clock: usize,
    quotes: Vec<Quote>,
    quote_speakers: Vec<Option<usize>>,
    statements: Vec<Statement>,
    statement_speakers: Vec<Option<usize>>,
    /// A quote left open at the end of the last body paragraph.
    open_quote: Option<usize>,
    /// Cue words, each stored once ("said" for every "said").
    cue_words: FxHashMap<String, Arc<str>>,
    /// Buffers reused from paragraph to paragraph.
    scratch: Scratch,
    /// A person the last body paragraph introduced without quoting them.
    introduced: Option<usize>,
}

/// A person named in a paragraph.
struct Mention {
    sentence: usize,
    id: usize,
    /// Named at the start of the sentence with an appositive: a new voice.
    introduces: bool,
}

/// Who a pronoun in a paragraph might mean, besides earlier speakers.
struct PronounContext {
    /// People named in earlier sentences of the paragraph, most recent first.
    named: Vec<usize>,
    /// A person just introduced, in this paragraph or the one before.
    introduced: Option<usize>,
}

/// Per-paragraph working buffers.
#[derive(Default)]
struct Scratch {
    toks: Vec<Tok>,
    sents: Vec<std::ops::Range<usize>>,
    quote_toks: Vec<usize>,
    tok_sentence: Vec<usize>,
}

impl State {
    /// The shared copy of a cue's words.
    fn cue(&mut self, words: &str) -> Arc<str> {
        if let Some(shared) = self.cue_words.get(words) {
            return shared.clone();
        }
        let shared: Arc<str> = Arc::from(words);
        self.cue_words.insert(words.to_owned(), shared.clone());
        shared
    }

    fn tick(&mut self) -> usize {
        self.clock += 1;
        self.clock
    }

    fn paragraph(&mut self, index: usize, text: &str, lexicon: &Lexicon) {
        // Buffers reused from paragraph to paragraph: most of an article's
        // allocations would otherwise be these.
        let mut scratch = std::mem::take(&mut self.scratch);
        self.paragraph_with(index, text, lexicon, &mut scratch);
        self.scratch = scratch;
    }

    fn paragraph_with(&mut self, index: usize, text: &str, lexicon: &Lexicon, scratch: &mut Scratch) {
        let spans = find_quotes(text);
        tokenize_into(text, &spans, lexicon, &mut scratch.toks);
        sentences_into(text, &scratch.toks, &spans, &mut scratch.sents);
        let toks = &scratch.toks;
        let sents = &scratch.sents;
        let named = self.record_mentions(text, toks, sents, lexicon);
        let carried = self.introduced.take();
        let cues: Vec<ResolvedCue> = find_cues(text, toks, sents, lexicon)
            .into_iter()
            .map(|cue| {
                // "Mr Rahul Menon was more sympathetic. Soft clay, he said, …": a
                // person the paragraph named in an earlier sentence, whose gender
                // the text gives, is who a pronoun means.
                let sentence = cue.sentence;
                let before: Vec<&Mention> = named.iter().rev().filter(|m| m.sentence < sentence).collect();
                let context = PronounContext {
                    named: before.iter().map(|m| m.id).collect(),
                    introduced: before.iter().find(|m| m.introduces).map(|m| m.id).or(carried),
                };
                self.resolve(cue, &context, lexicon)
            })
            .collect();
        // "Li Na, an economist at …, was more optimistic." introduces the
        // speaker of the next paragraph's pronoun.
        if cues.is_empty() {
            self.introduced = named
                .iter()
                .rev()
                .find(|m| m.introduces && self.entries[m.id].first_spoke.is_none())
                .map(|m| m.id);
        }

        let quote_toks = &mut scratch.quote_toks;
        quote_toks.clear();
        quote_toks.extend(
            toks.iter()
                .enumerate()
                .filter_map(|(i, t)| matches!(t.kind, TokKind::Quote(_)).then_some(i)),
        );
        let tok_sentence = &mut scratch.tok_sentence;
        tok_sentence.clear();
        tok_sentence.resize(toks.len(), 0);
        for (n, sentence) in sents.iter().enumerate() {
            for slot in &mut tok_sentence[sentence.clone()] {
                *slot = n;
            }
        }
        // Only quotes look cues up by position: a paragraph without one needs no index.
        let cue_index = if spans.is_empty() {
            CueIndex::default()
        } else {
            CueIndex::new(&cues)
        };
        let starts_with_quote = spans.first().is_some_and(|q| q.open == 0);
        let main = cues.iter().find(|c| c.who != Who::Nobody);
        let mut chars = CharCursor::default();

        let mut paragraph_quotes = Vec::new();
        let mut uses_current = false;
        let mut previous_adjacent: Option<(usize, usize)> = None;
        for (k, span) in spans.iter().enumerate() {
            let Some(&qtok) = quote_toks.get(k) else {
                continue;
            };
            let sentence = tok_sentence[qtok];
            let sentence_start = sents.get(sentence).map_or(0, |s| s.start);
            let kind = quote_kind(text, toks, qtok, sentence_start, span, &cue_index);
            let after = cue_index
                .starting_at(qtok + 1)
                .or_else(|| {
                    toks.get(qtok + 1)
                        .filter(|t| t.is_punct(','))
                        .and(cue_index.starting_at(qtok + 2))
                })
                .filter(|&c| cues[c].cue.sentence == sentence);
            let before = cue_index
                .ending_at(qtok)
                .or_else(|| {
                    (qtok > 0 && matches!(toks[qtok - 1].kind, TokKind::Punct(',' | ':')))
                        .then(|| cue_index.ending_at(qtok - 1))
                        .flatten()
                })
                .filter(|&c| cues[c].cue.sentence == sentence);
            let adjacent = after.or(before);
            let in_sentence = || cue_index.in_sentence(sentence, qtok);
            let continues = match (previous_adjacent, before) {
                (Some((prev_quote, cue)), Some(b)) if b == cue => Some(prev_quote),
                _ if k == 0 && starts_with_quote => self.open_quote,
                _ => None,
            };

            let (who, attribution, cue_words) = if is_title(text, toks, qtok, span, kind, adjacent.is_some(), lexicon) {
                (Who::Nobody, Attribution::Title, None)
            } else if let Some(c) = adjacent.or_else(in_sentence) {
                let c = &cues[c];
                (c.who.clone(), c.attribution.clone(), Some(self.cue(c.cue.words)))
            } else if let Some(c) = cue_index.nearest(sentence).map(|c| &cues[c]) {
                let attribution = match &c.attribution {
                    Attribution::Named => Attribution::SameParagraph,
                    other => other.clone(),
                };
                (c.who.clone(), attribution, Some(self.cue(c.cue.words)))
            } else if (starts_with_quote || kind == QuoteKind::Direct)
                && let Some((who, attribution)) = self.current.clone()
            {
                uses_current = true;
                let attribution = match attribution {
                    Attribution::Anonymous { source } => Attribution::Anonymous { source },
                    _ => Attribution::Continuation,
                };
                (who, attribution, None)
            } else {
                (Who::Nobody, Attribution::Unattributed, None)
            };
            if let Some(a) = after {
                previous_adjacent = Some((self.quotes.len(), a));
            } else {
                previous_adjacent = None;
            }

            let speaker = match who {
                Who::Speaker(id) => Some(id),
                _ => None,
            };
            if let Some(id) = speaker {
                self.entries[id].quotes += 1;
                self.mark_spoke(id);
            }
            let attribution = match (&who, attribution) {
                (Who::Anonymous(source), _) => Attribution::Anonymous { source: source.clone() },
                (Who::Nobody, Attribution::Named | Attribution::Pronoun { .. } | Attribution::SameParagraph) => {
                    Attribution::Unattributed
                }
                (_, attribution) => attribution,
            };
            paragraph_quotes.push(self.quotes.len());
            self.quotes.push(Quote {
                index: self.quotes.len(),
                paragraph: index,
                start: chars.at(text, span.inner.start),
                end: chars.at(text, span.inner.end),
                text: text[span.inner.clone()].to_owned(),
                kind,
                cue: cue_words,
                speaker: None,
                attribution,
                continues,
                bytes: span.inner.clone(),
            });
            self.quote_speakers.push(speaker);
        }
        self.open_quote = match spans.last() {
            Some(last) if last.close.is_none() => paragraph_quotes.last().copied(),
            _ => None,
        };

        let reported = if let Some(c) = main {
            Some((c.who.clone(), c.attribution.clone(), Some(self.cue(c.cue.words))))
        } else if uses_current {
            self.current.clone().map(|(who, attribution)| {
                let attribution = match attribution {
                    Attribution::Anonymous { .. } => attribution,
                    _ => Attribution::Continuation,
                };
                (who, attribution, None)
            })
        } else {
            None
        };
        if let Some((who, attribution, cue)) = reported {
            let speaker = match who {
                Who::Speaker(id) => Some(id),
                _ => None,
            };
            if let Some(id) = speaker {
                self.entries[id].statements += 1;
                self.mark_spoke(id);
            }
            let attribution = match &who {
                Who::Anonymous(source) => Attribution::Anonymous { source: source.clone() },
                _ => attribution,
            };
            self.current = Some((who, attribution.clone()));
            self.statements.push(Statement {
                index: self.statements.len(),
                paragraph: index,
                speaker: None,
                cue,
                attribution,
                quotes: paragraph_quotes,
            });
            self.statement_speakers.push(speaker);
        }
    }

    fn mark_spoke(&mut self, id: usize) {
        let now = self.tick();
        let entry = &mut self.entries[id];
        entry.first_spoke.get_or_insert(now);
        entry.last_seen = now;
        remember(&mut self.history, id);
    }

    /// Notes every person named in a paragraph, with any title before the name.
    /// Returns the people named, in text order.
    fn record_mentions(
        &mut self,
        text: &str,
        toks: &[Tok],
        sents: &[std::ops::Range<usize>],
        lexicon: &Lexicon,
    ) -> Vec<Mention> {
        let mut named = Vec::new();
        for (n, sentence) in sents.iter().enumerate() {
            let mut i = sentence.start;
            while i < sentence.end {
                if !is_name_word(toks, i) {
                    i += 1;
                    continue;
                }
                let Some(run) = run_starting_at(toks, text, lexicon, i, sentence.end) else {
                    i += 1;
                    continue;
                };
                i = run.end;
                // One capitalised word tells nothing unless something marks a gender.
                let marked = |k: usize| {
                    lexicon.honorific(toks[k].text(text)).is_some() || lexicon.noun_gender(toks[k].text(text)).is_some()
                };
                if run.len() == 1 && !(marked(run.start) || (run.start > sentence.start && marked(run.start - 1))) {
                    continue;
                }
                let Some(name) = read_name(toks, text, lexicon, run.clone()) else {
                    continue;
                };
                if name.organisation {
                    continue;
                }
                let title = name
                    .title
                    .or_else(|| title_before(toks, text, lexicon, run.start, sentence.start));
                let appositive = appositive_after_name(text, toks, lexicon, run.end, sentence.end);
                let gender = name
                    .gender
                    .or_else(|| {
                        (run.start > sentence.start)
                            .then(|| toks[run.start - 1].text(text))
                            .and_then(|w| lexicon.noun_gender(w))
                    })
                    .or_else(|| {
                        appositive
                            .and_then(|a| a.split_whitespace().last())
                            .and_then(|w| lexicon.noun_gender(w))
                    });
                let id = if name.is_full() {
                    Some(self.person(&name))
                } else if gender.is_some() {
                    self.find_short(name.first_word(), gender, lexicon)
                } else {
                    None
                };
                if let Some(id) = id {
                    // A full name opening its sentence and followed by a comma
                    // introduces someone: "Li Na, an economist at …,".
                    let opens = run.start == sentence.start
                        || (run.start == sentence.start + 1
                            && toks[sentence.start].is_word()
                            && !toks[sentence.start].name);
                    let introduces = name.is_full() && opens && toks.get(run.end).is_some_and(|t| t.is_punct(','));
                    named.push(Mention {
                        sentence: n,
                        id,
                        introduces,
                    });
                    let entry = &mut self.entries[id];
                    entry.gender = entry.gender.or(gender);
                    if entry.title_role.is_none() {
                        entry.title_role = title.map(str::to_owned);
                    }
                    if entry.mentioned_role.is_none() {
                        entry.mentioned_role = appositive.map(str::to_owned);
                    }
                }
            }
        }
        named
    }

    /// The entry for a full name, created on first mention.
    fn person(&mut self, name: &ReadName<'_>) -> usize {
        let now = self.tick();
        let id = match self.people.get(name.name) {
            Some(&id) => id,
            None => {
                let id = self.entries.len();
                self.people.insert(name.name.to_owned(), id);
                for word in name.words() {
                    self.by_word.entry(word.to_owned()).or_default().push(id);
                }
                self.entries.push(Entry {
                    name: name.name.to_owned(),
                    words: name.words().map(str::to_owned).collect(),
                    kind: SpeakerKind::Person,
                    gender: None,
                    title_role: None,
                    appositive_role: None,
                    mentioned_role: None,
                    short_used: None,
                    last_seen: now,
                    first_spoke: None,
                    quotes: 0,
                    statements: 0,
                });
                id
            }
        };
        remember(&mut self.recent_people, id);
        let entry = &mut self.entries[id];
        entry.last_seen = now;
        entry.gender = entry.gender.or(name.gender);
        if entry.title_role.is_none() {
            entry.title_role = name.title.map(str::to_owned);
        }
        id
    }

    /// The person a one-word reference means: the most recent person with a
    /// full name containing that word, the family name first; two people
    /// sharing it are told apart by recency and gender, never merged.
    fn find_short(&self, word: &str, gender: Option<Gender>, lexicon: &Lexicon) -> Option<usize> {
        self.by_word
            .get(word)?
            .iter()
            .map(|&id| (id, &self.entries[id]))
            .filter(|(_, e)| gender.is_none() || e.gender.is_none() || e.gender == gender)
            .max_by_key(|(_, e)| (family_name(&e.words, lexicon) == word, e.words.len() > 1, e.last_seen))
            .map(|(id, _)| id)
    }

    fn organisation(&mut self, name: &str) -> usize {
        let now = self.tick();
        let key = name.to_lowercase();
        if let Some(&id) = self.organisations.get(&key) {
            self.entries[id].last_seen = now;
            return id;
        }
        self.organisations.insert(key, self.entries.len());
        self.entries.push(Entry {
            name: name.to_owned(),
            words: name.split_whitespace().map(str::to_owned).collect(),
            kind: SpeakerKind::Organisation,
            gender: None,
            title_role: None,
            appositive_role: None,
            mentioned_role: None,
            short_used: None,
            last_seen: now,
            first_spoke: None,
            quotes: 0,
            statements: 0,
        });
        self.entries.len() - 1
    }

    /// The most recent of `named` whose known gender fits a personal pronoun.
    fn named_fitting(&self, pronoun: &str, named: &[usize]) -> Option<usize> {
        let gender = pronoun_gender(pronoun)?;
        named
            .iter()
            .copied()
            .find(|&id| self.entries[id].gender == Some(gender))
    }

    /// The person just introduced, if they have not spoken and the pronoun does not contradict them.
    fn introduced_fitting(&self, pronoun: &str, introduced: Option<usize>) -> Option<usize> {
        let gender = pronoun_gender(pronoun)?;
        let id = introduced?;
        let entry = &self.entries[id];
        (entry.first_spoke.is_none() && entry.gender.is_none_or(|g| g == gender)).then_some(id)
    }

    /// The nearest earlier speaker a pronoun fits; otherwise the last person who spoke.
    fn pronoun(&mut self, pronoun: &str) -> Option<usize> {
        let gender = pronoun_gender(pronoun);
        let wanted_kind = if gender.is_some() {
            SpeakerKind::Person
        } else {
            SpeakerKind::Organisation
        };
        let candidates = self
            .history
            .iter()
            .rev()
            .copied()
            .filter(|&id| self.entries[id].kind == wanted_kind);
        let fits = candidates
            .clone()
            .find(|&id| gender.is_none() || self.entries[id].gender.is_none_or(|g| Some(g) == gender));
        // With no earlier speaker, the most recently named person the pronoun fits.
        let mentioned = || {
            self.recent_people
                .iter()
                .rev()
                .copied()
                .filter(|_| gender.is_some())
                .find(|&id| self.entries[id].gender.is_none_or(|g| Some(g) == gender))
        };
        let id = fits.or_else(|| candidates.clone().next()).or_else(mentioned)?;
        if let Some(g) = gender {
            self.entries[id].gender.get_or_insert(g);
        }
        Some(id)
    }

    /// Resolves a cue's source; `context` says who the paragraph named before it.
    fn resolve<'a>(&mut self, cue: Cue<'a>, context: &PronounContext, lexicon: &Lexicon) -> ResolvedCue<'a> {
        let (who, attribution) = match &cue.source {
            Source::Name(name) => {
                let id = if name.is_full() {
                    self.person(name)
                } else if let Some(id) = self.find_short(name.first_word(), name.gender, lexicon) {
                    let now = self.tick();
                    let entry = &mut self.entries[id];
                    entry.last_seen = now;
                    entry.gender = entry.gender.or(name.gender);
                    if entry.words.len() > 1 {
                        entry.short_used.get_or_insert_with(|| name.first_word().to_owned());
                    }
                    id
                } else {
                    self.person(name)
                };
                if self.entries[id].appositive_role.is_none() {
                    self.entries[id].appositive_role = cue.role.map(str::to_owned);
                }
                (Who::Speaker(id), Attribution::Named)
            }
            Source::Organisation(name) => (Who::Speaker(self.organisation(name)), Attribution::Named),
            Source::Anonymous(source) => (
                Who::Anonymous(source.clone()),
                Attribution::Anonymous { source: source.clone() },
            ),
            Source::Document(document) => match self.pronoun("it") {
                Some(id) => (
                    Who::Speaker(id),
                    Attribution::Pronoun {
                        pronoun: (*document).to_owned(),
                    },
                ),
                None => (Who::Nobody, Attribution::Unattributed),
            },
            Source::Pronoun(pronoun) => match self
                .named_fitting(pronoun, &context.named)
                .or_else(|| self.introduced_fitting(pronoun, context.introduced))
                .or_else(|| self.pronoun(pronoun))
            {
                Some(id) => (
                    Who::Speaker(id),
                    Attribution::Pronoun {
                        pronoun: (*pronoun).to_owned(),
                    },
                ),
                None => (Who::Nobody, Attribution::Unattributed),
            },
        };
        if let Who::Speaker(id) = who {
            remember(&mut self.history, id);
        }
        ResolvedCue { cue, who, attribution }
    }

    fn finish(self, lexicon: &Lexicon) -> Attributed {
        let mut order: Vec<usize> = (0..self.entries.len())
            .filter(|&id| self.entries[id].first_spoke.is_some())
            .collect();
        order.sort_by_key(|&id| self.entries[id].first_spoke);
        let mut slugs: HashMap<usize, Arc<str>> = HashMap::new();
        let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
        let mut speakers = Vec::with_capacity(order.len());
        for id in order {
            let entry = &self.entries[id];
            let base = slugify(&entry.name);
            let base = if base.is_empty() {
                format!("speaker-{}", speakers.len() + 1)
            } else {
                base
            };
            let slug = unique_slug(&base, &mut taken);
            slugs.insert(id, Arc::from(slug.as_str()));
            let appositive = entry.appositive_role.as_ref().or(entry.mentioned_role.as_ref());
            let (role, role_source) = match (appositive, &entry.title_role) {
                (Some(role), _) => (Some(role.clone()), Some(RoleSource::Appositive)),
                (None, Some(title)) => (Some(title.clone()), Some(RoleSource::Title)),
                (None, None) => (None, None),
            };
            let short_name = match (&entry.short_used, entry.kind) {
                (Some(short), _) => short.clone(),
                (None, SpeakerKind::Person) if family_name_first(&entry.words, lexicon) || entry.words.len() > 1 => {
                    family_name(&entry.words, lexicon)
                }
                _ => entry.name.clone(),
            };
            speakers.push(Speaker {
                slug,
                name: entry.name.clone(),
                short_name,
                role,
                role_source,
                kind: entry.kind,
                commentator: entry.kind == SpeakerKind::Person && (appositive.is_some() || entry.statements >= 2),
                quote_count: entry.quotes,
                statement_count: entry.statements,
            });
        }
        let slug_of = |id: Option<usize>| id.and_then(|id| slugs.get(&id).cloned());
        let mut quotes = self.quotes;
        for (quote, speaker) in quotes.iter_mut().zip(self.quote_speakers) {
            quote.speaker = slug_of(speaker);
        }
        let mut statements = self.statements;
        let mut paragraph_speakers = HashMap::new();
        for (statement, speaker) in statements.iter_mut().zip(self.statement_speakers) {
            statement.speaker = slug_of(speaker);
            if let Some(slug) = &statement.speaker {
                paragraph_speakers.insert(statement.paragraph, slug.clone());
            }
        }
        Attributed {
            quotes,
            statements,
            speakers,
            paragraph_speakers,
        }
    }
}

/// The gender a personal pronoun names; `None` for "they" and "it".
fn pronoun_gender(pronoun: &str) -> Option<Gender> {
    match pronoun {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// Moves `id` to the end of a most-recent-last list, keeping it short.
fn remember(list: &mut Vec<usize>, id: usize) {
    list.retain(|&h| h != id);
    list.push(id);
    if list.len() > RECENT {
        list.remove(0);
    }
}

/// The cues of a paragraph, looked up by position so that every quote costs
/// O(log cues). Cues come in sentence order, and in text order within one.
#[derive(Default)]
struct CueIndex {
    /// (first token, cue), sorted.
    starting_at: Vec<(usize, usize)>,
    /// (token after the cue, cue), sorted.
    ending_at: Vec<(usize, usize)>,
    /// The sentence of each cue (non-decreasing).
    sentences: Vec<usize>,
    /// The first token of each cue.
    starts: Vec<usize>,
    /// For each cue, the first trailing cue from it to the end of its sentence.
    next_trailing: Vec<Option<usize>>,
}

impl CueIndex {
    fn new(cues: &[ResolvedCue<'_>]) -> Self {
        let mut starting_at: Vec<(usize, usize)> =
            cues.iter().enumerate().map(|(i, c)| (c.cue.tokens.start, i)).collect();
        let mut ending_at: Vec<(usize, usize)> = cues.iter().enumerate().map(|(i, c)| (c.cue.tokens.end, i)).collect();
        starting_at.sort_unstable();
        ending_at.sort_unstable();
        let mut next_trailing = vec![None; cues.len()];
        for i in (0..cues.len()).rev() {
            let later = next_trailing
                .get(i + 1)
                .copied()
                .flatten()
                .filter(|_| cues.get(i + 1).is_some_and(|n| n.cue.sentence == cues[i].cue.sentence));
            next_trailing[i] = if cues[i].cue.trailing { Some(i) } else { later };
        }
        CueIndex {
            starting_at,
            ending_at,
            sentences: cues.iter().map(|c| c.cue.sentence).collect(),
            starts: cues.iter().map(|c| c.cue.tokens.start).collect(),
            next_trailing,
        }
    }

    fn starting_at(&self, tok: usize) -> Option<usize> {
        first_with_key(&self.starting_at, tok)
    }

    fn ending_at(&self, tok: usize) -> Option<usize> {
        first_with_key(&self.ending_at, tok)
    }

    /// The cue that governs a quote at `qtok` in `sentence`: a trailing cue
    /// after it ("…, Ruiz said"), else the sentence's first cue.
    fn in_sentence(&self, sentence: usize, qtok: usize) -> Option<usize> {
        let lo = self.sentences.partition_point(|&s| s < sentence);
        let hi = self.sentences.partition_point(|&s| s <= sentence);
        if lo == hi {
            return None;
        }
        let from = lo + self.starts[lo..hi].partition_point(|&start| start <= qtok);
        let trailing = (from < hi).then(|| self.next_trailing[from]).flatten();
        trailing.or(Some(lo))
    }

    /// The cue nearest a sentence in the same paragraph: the last one before it, else the first after.
    fn nearest(&self, sentence: usize) -> Option<usize> {
        let before = self.sentences.partition_point(|&s| s < sentence);
        if before > 0 {
            return Some(before - 1);
        }
        let after = self.sentences.partition_point(|&s| s <= sentence);
        (after < self.sentences.len()).then_some(after)
    }
}

/// The value of the first pair with this key in a sorted list.
fn first_with_key(pairs: &[(usize, usize)], key: usize) -> Option<usize> {
    let at = pairs.partition_point(|&(k, _)| k < key);
    pairs.get(at).filter(|&&(k, _)| k == key).map(|&(_, v)| v)
}

/// Counts characters up to a byte offset, moving forwards only, so a
/// paragraph's offsets cost one pass in all.
#[derive(Default)]
struct CharCursor {
    byte: usize,
    chars: usize,
}

impl CharCursor {
    fn at(&mut self, text: &str, byte: usize) -> usize {
        if byte < self.byte {
            *self = CharCursor::default();
        }
        self.chars += text[self.byte..byte].chars().count();
        self.byte = byte;
        self.chars
    }
}

/// A quoted sentence or clause set off by a cue or standing alone, or a
/// fragment inside the writer's own sentence.
fn quote_kind(
    text: &str,
    toks: &[Tok],
    qtok: usize,
    sentence_start: usize,
    span: &QuoteSpan,
    cues: &CueIndex,
) -> QuoteKind {
    if qtok == sentence_start {
        return QuoteKind::Direct;
    }
    let starts_upper = text[span.inner.clone()]
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let cue_ends_at = |end: usize| cues.ending_at(end).is_some();
    let direct = match toks[qtok - 1].kind {
        TokKind::Punct(':') => true,
        TokKind::Punct(',') => starts_upper || cue_ends_at(qtok - 1),
        TokKind::Word => starts_upper && cue_ends_at(qtok),
        _ => false,
    };
    if direct { QuoteKind::Direct } else { QuoteKind::Fragment }
}

/// A title or label in quotation marks ("a film titled “…”", "the so-called “…”"),
/// or a fragment in title case with no cue beside it.
fn is_title(
    text: &str,
    toks: &[Tok],
    qtok: usize,
    span: &QuoteSpan,
    kind: QuoteKind,
    has_adjacent_cue: bool,
    lexicon: &Lexicon,
) -> bool {
    let after_title_word = (1..=2).any(|back| {
        qtok >= back
            && toks[qtok - back].is_word()
            && Lexicon::is(&lexicon.title_cues, toks[qtok - back].text(text))
            && (back == 1 || matches!(toks[qtok - 1].text(text), "the" | "a" | "as" | "of"))
    });
    if after_title_word {
        return true;
    }
    if kind != QuoteKind::Fragment || has_adjacent_cue {
        return false;
    }
    let inner = &text[span.inner.clone()];
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    words.len() >= 2
        && words
            .iter()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().any(|w| w.chars().count() > 3)
}
