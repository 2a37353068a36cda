//! Stage 6: attribution. Sentence by sentence, each clause's subject and each cue's source
//! are resolved against the register (names, pronouns, role nouns, bodies, documents); then
//! every quote passes through the sieves in a fixed order, and the first sieve that is sure
//! names its speaker. When none is sure, the speaker is not given, with the reason.
//!
//! The quote sieves, in order (each answer's `attribution.method` names its sieve):
//! 1. `title` — words after "titled", "dubbed", "so-called", or a fragment in title case:
//!    nobody says them;
//! 2. a cue in the quote's own sentence (adjacent first, then the nearest before, then
//!    after): `named`, `pronoun`, `role_noun`, `document`, `anonymous`, `group`, and
//!    `split_quote` for the second half of a split quote;
//! 3. `colon_introduction` / `name_label` — a paragraph that opens with a quote after a line
//!    ending in a colon: a cue ("Kery said only:") or a name label ("Ruiz, on the budget:");
//! 4. `continuation` — a quote left open at the end of the previous paragraph goes on;
//! 5. `same_paragraph` — a cue in another sentence of the paragraph, for a quoted sentence,
//!    or for a fragment whose own sentence has no other subject;
//! 6. `subject_before` — a quoted sentence in a paragraph with no cue, after a sentence
//!    about one person;
//! 7. `introduced_before` — a paragraph of quotation only, after a paragraph that reports
//!    one speaker or makes one person its subject;
//!
//! and for a quote inside a quote: `voiced_in_quote` (the outer speaker names who said
//! it), no speaker after a linking verb ("the toast was ‘…’") or for someone the speaker
//! does not name, else `inner_quote` (the outer speaker's own words). Last, `named_later`
//! gives an unnamed source's words to the named person later quoted saying the same words.

use rustc_hash::FxHashMap;
use smallvec::SmallVec;

use super::cues::{Cue, find_cues, find_cues_into};
use super::lexicon::Lexicon;
use super::mentions::{Np, Para, ParaBuffers, Pronoun, Referent, read_and_keep_np, read_np, recycle, skip_openers};
use super::names::{family_name, family_name_first, title_before};
use super::register::{EntityId, EntityKind, Register};
use super::tokens::{SentenceId, TokKind, TokenId, TokenRange};
use crate::model::{
    Antecedent, Attribution, Gender, Quote, QuoteKind, QuoteRange, Report, RoleSource, SharedStr, Span, Speaker,
    SpeakerId, SpeakerKind, Statement, Text, narrow,
};

/// `writes_word_with` with the searcher made for one text.
#[cfg(test)]
fn writes_word(text: &str, word: &str) -> bool {
    writes_word_with(text, word, &memchr::memmem::Finder::new(word))
}

/// Whether `text` writes `word` (lower case, as given) as a whole word: not inside a longer
/// run of letters and digits. `finder` searches for `word`; it is made once for many texts.
fn writes_word_with(text: &str, word: &str, finder: &memchr::memmem::Finder<'_>) -> bool {
    let is_word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    if !word.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    let bytes = text.as_bytes();
    finder.find_iter(bytes).any(|at| {
        let end = at + word.len();
        (at == 0 || !is_word_byte(bytes[at - 1])) && bytes.get(end).is_none_or(|&b| !is_word_byte(b))
    })
}

/// How far after a sentence's subject an "its" marks the subject as a body, in tokens.
const MAX_ITS_DISTANCE: usize = 12;

/// How many later quotes an unnamed source's words are looked for in.
const NAMED_LATER_REACH: usize = 200;
/// How far either side of a quote its cues are looked for, in tokens.
const CUE_WINDOW: usize = 90;

/// How many recent speakers a pronoun may look back over for the only one it fits.
const RECENT_SPEAKERS: usize = 4;

/// The lists a paragraph fills while it is read, one item per sentence or per quote. They
/// are kept from one paragraph to the next, so that their room is reused, not allocated
/// again for every paragraph.
#[derive(Default)]
struct Scratch {
    /// The cues' room: the cues borrow their paragraph, so the list is kept empty, typed
    /// for no paragraph.
    cues: Vec<Cue<'static>>,
    resolved: Vec<Decision>,
    by_sentence: CuesBySentence,
    nearby: NearbyCues,
    facts: Vec<Facts>,
    top: Vec<usize>,
    local_index: Vec<Option<usize>>,
    quoted_speaker: Vec<Option<EntityId>>,
}

/// Empties `list` and fills it with `len` copies of `value`, in the room it has.
fn refill<T: Clone>(list: &mut Vec<T>, value: T, len: usize) {
    list.clear();
    list.resize(len, value);
}

/// What attribution produces for an article's body paragraphs.
pub(crate) struct Attributed {
    /// Every quote, in order.
    pub quotes: Vec<Quote>,
    /// Every reported paragraph.
    pub statements: Vec<Statement>,
    /// Every reported statement, sentence by sentence.
    pub reports: Vec<Report>,
    /// Everyone quoted or reported, in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// The speaker of each paragraph index that has one.
    pub paragraph_speakers: FxHashMap<usize, SpeakerId>,
}

/// Attributes the body paragraphs, given as (paragraph index, text) in order.
pub(crate) fn attribute<'a>(body: &'a [(usize, Text)], lexicon: &'a Lexicon) -> Attributed {
    let mut state = State::new(lexicon, body);
    for (index, text) in body {
        state.paragraph(*index, text);
    }
    state.finish()
}

/// Who a cue, a subject or a quote comes down to.
#[derive(Debug, Clone, PartialEq)]
enum Who {
    Entity(EntityId),
    Anonymous(String),
    Group(String),
    Nobody,
}

impl Who {
    fn entity(&self) -> Option<EntityId> {
        match self {
            Who::Entity(id) => Some(*id),
            _ => None,
        }
    }
}

/// A sieve's answer: who, how, and the cue words it rests on.
#[derive(Debug, Clone)]
struct Decision {
    who: Who,
    attribution: Attribution,
    cue: Option<SharedStr>,
}

impl Decision {
    fn not_given(reason: &str) -> Self {
        Decision {
            who: Who::Nobody,
            attribution: Attribution::NotGiven { reason: reason.into() },
            cue: None,
        }
    }
}

/// What one sentence tells the next: who spoke in it, and who it was about.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    speaker: Option<EntityId>,
    subject: Option<EntityId>,
}

/// What the previous body paragraph leaves for the next.
#[derive(Debug, Clone, Default)]
struct Previous {
    /// Who its statement reports, if anyone.
    speaker: Option<EntityId>,
    /// The person it is about, if it names one as a subject.
    subject: Option<EntityId>,
    /// It ends with a colon, introducing what follows: who, and whether as a name label.
    colon: Option<(Who, bool)>,
    /// A quote left open at its end: the quote's index.
    open_quote: Option<usize>,
}

struct State<'l> {
    lexicon: &'l Lexicon,
    register: Register,
    quotes: Vec<Quote>,
    quote_who: Vec<Who>,
    /// The word right after each quote's closing mark, when one follows directly.
    quote_next_word: Vec<Option<String>>,
    statements: Vec<Statement>,
    statement_who: Vec<Who>,
    reports: Vec<Report>,
    report_who: Vec<Who>,
    /// The last sentence read.
    previous_sentence: Facts,
    /// The person or body whose words the article is reporting.
    current: Option<EntityId>,
    /// Another person has been a sentence's subject since the current speaker last spoke.
    other_since: bool,
    /// People who spoke recently, most recent last.
    recent_speakers: Vec<EntityId>,
    previous: Previous,
    /// One shared copy of each cue and each attribution's words ("she said", "he").
    shared_words: SharedWords,
    /// The documents ("statement", "report") the last sentence read names, lower-cased.
    previous_documents: Vec<String>,
    /// The last paragraph's token, sentence and quote lists: their room serves the next paragraph.
    spare: ParaBuffers,
    /// The last paragraph's other lists, for the same reason.
    scratch: Scratch,
    /// The body paragraphs, as (paragraph index, text).
    body: &'l [(usize, Text)],
}

/// One copy of each string an article's items share, by its words.
#[derive(Default)]
struct SharedWords(FxHashMap<Box<str>, SharedStr>);

impl SharedWords {
    /// The shared copy of `words`, made the first time they are asked for.
    fn get(&mut self, words: &str) -> SharedStr {
        if let Some(shared) = self.0.get(words) {
            return shared.clone();
        }
        let shared = SharedStr::from(words);
        self.0.insert(words.into(), shared.clone());
        shared
    }
}

impl<'l> State<'l> {
    fn new(lexicon: &'l Lexicon, body: &'l [(usize, Text)]) -> Self {
        // News copy holds about a quote, a statement and a report per paragraph: room for
        // them from the start rather than growing each list a few times.
        let per_paragraph = body.len();
        State {
            lexicon,
            body,
            register: Register::new(),
            quotes: Vec::with_capacity(per_paragraph),
            quote_who: Vec::with_capacity(per_paragraph),
            quote_next_word: Vec::with_capacity(per_paragraph),
            statements: Vec::with_capacity(per_paragraph),
            statement_who: Vec::with_capacity(per_paragraph),
            reports: Vec::with_capacity(per_paragraph),
            report_who: Vec::with_capacity(per_paragraph),
            previous_sentence: Facts::default(),
            current: None,
            other_since: false,
            recent_speakers: Vec::new(),
            previous: Previous::default(),
            // An article's cues use a few dozen distinct words ("said", "she said", "told").
            shared_words: SharedWords(FxHashMap::with_capacity_and_hasher(32, Default::default())),
            previous_documents: Vec::new(),
            spare: ParaBuffers::default(),
            scratch: Scratch::default(),
        }
    }

    /// The shared copy of a cue's words.
    fn cue_words(&mut self, words: &str) -> SharedStr {
        self.shared_words.get(words)
    }

    /// Makes every attribution's words (a pronoun, a source, a reason) the article's one
    /// copy of them: sieves make their own, and an article repeats "he" and "she" many times.
    fn share_attribution_words(&mut self) {
        let attributions = self.quotes.iter_mut().map(|q| &mut q.attribution);
        let attributions = attributions
            .chain(self.statements.iter_mut().map(|s| &mut s.attribution))
            .chain(self.reports.iter_mut().map(|r| &mut r.attribution));
        for words in attributions.filter_map(Attribution::words_mut) {
            *words = self.shared_words.get(words);
        }
    }

    /// The words at `bytes` of body paragraph `paragraph`, as a piece of the article's text.
    fn piece(&self, paragraph: usize, bytes: std::ops::Range<usize>) -> Text {
        self.body
            .binary_search_by_key(&paragraph, |(index, _)| *index)
            .map(|at| self.body[at].1.slice(bytes))
            .unwrap_or_default()
    }

    /// The words of quote `i`.
    fn quote_words(&self, i: usize) -> Text {
        let quote = &self.quotes[i];
        self.piece(quote.paragraph as usize, quote.bytes.range())
    }

    fn paragraph(&mut self, index: usize, text: &str) {
        let lexicon = self.lexicon;
        let para = Para::reusing(text, lexicon, std::mem::take(&mut self.spare));
        let Scratch {
            cues,
            mut resolved,
            mut by_sentence,
            mut nearby,
            mut facts,
            mut top,
            mut local_index,
            mut quoted_speaker,
        } = std::mem::take(&mut self.scratch);
        self.record_mentions(&para);
        let cues = find_cues_into(&para, recycle(cues));
        by_sentence.fill(&cues, para.sentences.len());

        // Pass 1: sentence by sentence, subjects and cue sources.
        resolved.clear();
        refill(&mut facts, Facts::default(), para.sentences.len());
        for (n, sentence) in para.sentences.iter().enumerate() {
            let subject = self.sentence_subject(&para, *sentence);
            let mut sentence_speaker = None;
            let mut unnamed_voice = false;
            for c in by_sentence.range(n) {
                let cue = &cues[c];
                let decision = self.resolve_cue(&para, cue, subject);
                // "A union lawyer says it is “shameful.” Maria Costa added that …": the
                // lawyer is Costa.
                if let Who::Entity(id) = decision.who
                    && para.word_in(cue.verb, &lexicon.continuing_verbs)
                    && let Some(prev) = n.checked_sub(1).and_then(|p| by_sentence.range(p).last())
                    && let Who::Anonymous(source) = resolved[prev].who.clone()
                {
                    resolved[prev].who = Who::Entity(id);
                    resolved[prev].attribution = Attribution::NamedLater { source: source.into() };
                }
                match &decision.who {
                    Who::Entity(id) if sentence_speaker.is_none() => {
                        let outlet = self.register.get(*id).kind == EntityKind::Outlet;
                        if !outlet {
                            sentence_speaker = Some(*id);
                        }
                    }
                    Who::Anonymous(_) | Who::Group(_) => unnamed_voice = true,
                    _ => {}
                }
                if let Some(addressee) = cue.addressee {
                    self.learn_addressee(&para, addressee);
                }
                resolved.push(decision);
            }
            if sentence_speaker.is_none() {
                // An outlet speaks only when nothing else in its sentence does.
                sentence_speaker = by_sentence.range(n).find_map(|c| resolved[c].who.entity());
            }
            facts[n] = Facts {
                speaker: sentence_speaker,
                subject,
            };
            self.after_sentence(facts[n], unnamed_voice);
            self.previous_documents.clear();
            if !para.may_hold(&lexicon.document_heads) {
                continue;
            }
            self.previous_documents.extend(
                sentence
                    .iter()
                    .filter(|&t| para.word_in(t, &lexicon.document_heads))
                    .filter_map(|t| para.word(t))
                    .map(str::to_lowercase),
            );
        }
        nearby.fill(&cues, &resolved, para.sentences.len());

        // Pass 2: every quote through the sieves.
        let first_quote = self.quotes.len();
        top.clear();
        top.extend((0..para.quotes.len()).filter(|&q| para.quotes[q].depth == 0));
        refill(&mut local_index, None, para.quotes.len());
        let mut previous_cue_for_split: Option<(usize, SentenceId)> = None;
        let context = Context {
            cues: &cues,
            resolved: &resolved,
            by_sentence: &by_sentence,
            nearby: &nearby,
        };
        for &q in &top {
            let Some(qtok) = para.quote_token(q) else { continue };
            let sentence = para.sentence_of(qtok);
            let kind = quote_kind(&para, qtok, &context);
            let (decision, governing) =
                self.sieve(&para, q, qtok, sentence, kind, &context, previous_cue_for_split, &facts);
            previous_cue_for_split = governing
                .filter(|&c| cues[c].trailing && cues[c].span.start > qtok)
                .map(|c| (c, sentence));
            local_index[q] = Some(self.quotes.len());
            self.push_quote(index, &para, q, kind, decision, None);
        }
        if para.quotes.iter().any(|quote| quote.parent.is_some()) {
            self.nested_quotes(index, &para, &mut local_index);
        }
        // Keep quotes in text order within the paragraph.
        self.reorder(first_quote, &mut local_index);
        let paragraph_quotes = first_quote..self.quotes.len();
        self.reported(index, &para, &context, paragraph_quotes.clone());

        // A quote-only sentence tells the next who spoke in it.
        refill(&mut quoted_speaker, None, para.sentences.len());
        for &q in &top {
            if let (Some(qtok), Some(i)) = (para.quote_token(q), local_index[q]) {
                let n = para.sentence_of(qtok).ix();
                if quoted_speaker[n].is_none() {
                    quoted_speaker[n] = self.quote_who[i].entity();
                }
            }
        }
        for (n, &spoke) in quoted_speaker.iter().enumerate() {
            if facts[n].speaker.is_none()
                && let Some(who) = spoke
            {
                facts[n].speaker = Some(who);
                if n + 1 == para.sentences.len() {
                    self.previous_sentence.speaker = Some(who);
                    self.current = Some(who);
                    self.other_since = false;
                }
            }
        }

        // The paragraph's statement: its main cue, else the speaker its quotes continue.
        let main = cues
            .iter()
            .zip(&resolved)
            .enumerate()
            .filter(|(_, (_, d))| !matches!(d.who, Who::Nobody))
            .min_by_key(|(_, (_, d))| match &d.who {
                Who::Entity(id) if self.register.get(*id).kind != EntityKind::Outlet => 0,
                Who::Entity(_) => 2,
                _ => 1,
            })
            .map(|(c, _)| c);
        let statement = match main {
            Some(c) => Some(resolved[c].clone()),
            None => paragraph_quotes
                .clone()
                .next()
                .filter(|&first| {
                    paragraph_quotes
                        .clone()
                        .all(|i| self.quote_who[i] == self.quote_who[first])
                })
                .filter(|&i| !matches!(self.quote_who[i], Who::Nobody))
                .map(|i| Decision {
                    who: self.quote_who[i].clone(),
                    attribution: self.quotes[i].attribution.clone(),
                    cue: self.quotes[i].cue.clone(),
                }),
        };
        let statement_speaker = statement.as_ref().and_then(|d| d.who.entity());
        if let Some(decision) = statement {
            self.statements.push(Statement {
                paragraph: narrow(index),
                speaker: None,
                cue: decision.cue,
                attribution: decision.attribution,
                quotes: QuoteRange::new(first_quote..self.quotes.len()),
            });
            self.statement_who.push(decision.who);
        }

        // What this paragraph leaves for the next.
        let ends_with_colon = para.toks.last().is_some_and(|t| t.is_punct(':'));
        let colon = if !ends_with_colon {
            None
        } else if let Some(c) = main {
            Some((resolved[c].who.clone(), false))
        } else if para.quotes.is_empty() {
            self.label(&para)
        } else {
            None
        };
        let open_quote = para
            .quotes
            .iter()
            .enumerate()
            .rfind(|(_, q)| q.depth == 0)
            .filter(|(_, q)| q.close.is_none())
            .and_then(|(q, _)| local_index[q]);
        let subject = facts.iter().rev().find_map(|f| f.subject);
        self.previous = Previous {
            speaker: statement_speaker.or_else(|| facts.last().and_then(|f| f.speaker)),
            subject,
            colon,
            open_quote,
        };
        self.spare = para.into_buffers();
        self.scratch = Scratch {
            cues: recycle(cues),
            resolved,
            by_sentence,
            nearby,
            facts,
            top,
            local_index,
            quoted_speaker,
        };
    }

    /// Quotes inside quotes, outer ones first; each outer quote is analysed once. Few
    /// paragraphs have any: kept out of line, so that the common path is smaller.
    #[cold]
    #[inline(never)]
    fn nested_quotes(&mut self, index: usize, para: &Para<'_>, local_index: &mut [Option<usize>]) {
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); para.quotes.len()];
        for (q, quote) in para.quotes.iter().enumerate() {
            if let Some(parent) = quote.parent {
                children[parent].push(q);
            }
        }
        for parent in 0..children.len() {
            if children[parent].is_empty() {
                continue;
            }
            let Some(outer) = local_index[parent] else { continue };
            let inside = Para::inside(para, parent, &children[parent]);
            let inner_cues = find_cues(&inside);
            for &q in &children[parent] {
                let decision = self.inner_quote(&inside, &inner_cues, q, outer);
                local_index[q] = Some(self.quotes.len());
                self.push_quote(index, para, q, QuoteKind::Fragment, decision, Some(outer));
            }
        }
    }

    /// The reported statements of a paragraph: for each cue that names a source, the
    /// words it attributes (after a leading cue, before a trailing one), when they are
    /// more than a quotation with a few words around it.
    fn reported(
        &mut self,
        paragraph: usize,
        para: &Para<'_>,
        context: &Context<'_, '_>,
        quotes: std::ops::Range<usize>,
    ) {
        for n in 0..para.sentences.len() {
            let sentence = para.sentence(SentenceId::from_ix(n));
            // The cues that name someone who speaks (not a place, an outlet or nobody), and
            // which side of each its words are on.
            let speaking: SmallVec<[(usize, bool); 4]> = context
                .by_sentence
                .range(n)
                .filter(|&c| match context.resolved[c].who {
                    Who::Nobody => false,
                    Who::Entity(id) => matches!(
                        self.register.get(id).kind,
                        EntityKind::Person | EntityKind::Organisation | EntityKind::Unknown
                    ),
                    // Unnamed sources and groups are left out: a report is shown under a name.
                    Who::Anonymous(_) | Who::Group(_) => false,
                })
                .map(|c| (c, words_follow(para, &context.cues[c], sentence.end)))
                .collect();
            let mut covered_to = sentence.start;
            for (k, &(c, leading)) in speaking.iter().enumerate() {
                let cue = &context.cues[c];
                if cue.verb < covered_to {
                    // Inside the words of a cue before it ("said that Seoul had warned …").
                    continue;
                }
                let own_words = |range: TokenRange| {
                    range
                        .iter()
                        .filter(|&t| para.tok(t).is_some_and(|tok| tok.is_word()))
                        .count()
                };
                let upper = speaking
                    .get(k + 1)
                    .map_or(sentence.end, |&(next, _)| cue_start(&context.cues[next]));
                let (opening, that) = skip_report_opening(para, cue.span.end, upper);
                let after_reads =
                    that || (!para.word_in(cue.verb, &self.lexicon.object_verbs) && opens_report(para, opening));
                let after = TokenRange::new(opening, if after_reads { upper } else { opening });
                let lower = k
                    .checked_sub(1)
                    .map_or(sentence.start, |p| context.cues[speaking[p].0].span.end);
                let lower = lower.max(covered_to);
                let before_end = if cue.span.start >= lower {
                    cue.span.start
                } else {
                    cue.verb
                };
                let before = TokenRange::new(lower, before_end);
                if cue.rule == "used_the_word" {
                    continue;
                }
                let range = if leading && (!cue.trailing || own_words(after) >= MIN_REPORTED_WORDS) {
                    after
                } else {
                    before
                };
                covered_to = covered_to.max(range.end).max(cue.span.end);
                // "Asked whether …, Kery said": the question is not what he said.
                if own_words(range) < MIN_REPORTED_WORDS || para.word_in(range.start, &self.lexicon.object_verbs) {
                    continue;
                }
                let Some(bytes) = report_bytes(para, range) else {
                    continue;
                };
                let inside: Vec<usize> = quotes
                    .clone()
                    .filter(|&i| {
                        let q = &self.quotes[i].bytes;
                        q.start() >= bytes.start && q.end() <= bytes.end
                    })
                    .collect();
                let decision = &context.resolved[c];
                self.reports.push(Report {
                    paragraph: narrow(paragraph),
                    speaker: None,
                    cue: decision.cue.clone(),
                    attribution: decision.attribution.clone(),
                    quotes: inside.into_iter().map(narrow).collect(),
                    bytes: Span::new(bytes),
                });
                self.report_who.push(decision.who.clone());
            }
        }
    }

    /// Puts the paragraph's quotes (from `first` on) in the order of their opening marks.
    fn reorder(&mut self, first: usize, local_index: &mut [Option<usize>]) {
        // Most paragraphs' quotes are in order already: nothing to sort.
        if !self.quotes[first..]
            .windows(2)
            .all(|pair| pair[0].bytes.start() <= pair[1].bytes.start())
        {
            self.sort_quotes(first, local_index);
        }
    }

    /// [`State::reorder`] for quotes out of order, out of line.
    #[cold]
    #[inline(never)]
    fn sort_quotes(&mut self, first: usize, local_index: &mut [Option<usize>]) {
        let mut order: Vec<usize> = (first..self.quotes.len()).collect();
        order.sort_by_key(|&i| self.quotes[i].bytes.start());
        let mut new_of = vec![0; self.quotes.len() - first];
        for (k, &old) in order.iter().enumerate() {
            new_of[old - first] = first + k;
        }
        let mut quotes: Vec<Option<Quote>> = self.quotes.drain(first..).map(Some).collect();
        let mut who: Vec<Option<Who>> = self.quote_who.drain(first..).map(Some).collect();
        let mut next: Vec<Option<Option<String>>> = self.quote_next_word.drain(first..).map(Some).collect();
        for &old in &order {
            if let (Some(mut quote), Some(w), Some(n)) = (
                quotes[old - first].take(),
                who[old - first].take(),
                next[old - first].take(),
            ) {
                quote.continues = quote
                    .continues
                    .get()
                    .map(|c| match c.checked_sub(first) {
                        Some(moved) => new_of[moved],
                        None => c,
                    })
                    .into();
                self.quotes.push(quote);
                self.quote_who.push(w);
                self.quote_next_word.push(n);
            }
        }
        for slot in local_index.iter_mut().flatten() {
            if *slot >= first {
                *slot = new_of[*slot - first];
            }
        }
    }

    /// A paragraph that ends in a colon and holds no quote: a name label ("Thea Markussen,
    /// director of the seed bank:"), or a topic line ("On whether the vault should move:")
    /// that leaves the current speaker in place.
    #[cold]
    #[inline(never)]
    fn label(&mut self, para: &Para<'_>) -> Option<(Who, bool)> {
        let end = TokenId::from_ix(para.toks.len());
        if let Some(np) = read_np(para, TokenId(0), end)
            && matches!(np.referent, Referent::Name(_) | Referent::Organisation { .. })
        {
            let decision = self.resolve_np(&np, None, false);
            if let Who::Entity(id) = decision.who {
                self.current = Some(id);
                self.other_since = false;
                return Some((Who::Entity(id), true));
            }
        }
        // A topic line keeps whoever the quotes before it belonged to.
        let topic = para.word_in(TokenId(0), &para.lexicon.prepositions);
        let speaker = self.previous.speaker.or(self.current);
        match (topic, speaker) {
            (true, Some(id)) => Some((Who::Entity(id), true)),
            _ => None,
        }
    }

    /// Notes every name in a paragraph, with a title before it or an appositive after it,
    /// so that later references ("Kim", "the striker") find them.
    fn record_mentions(&mut self, para: &Para<'_>) {
        let lexicon = self.lexicon;
        for sentence in &para.sentences {
            let mut at = sentence.start;
            while at < sentence.end {
                if !para.is_name_word(at) || (at > sentence.start && para.is_name_word(at.prev().unwrap_or(at))) {
                    at = at.next();
                    continue;
                }
                let Some((name, run_end)) = para.name_at(at, sentence.end) else {
                    at = at.next();
                    continue;
                };
                let title_start = title_before(&para.toks, para.text, lexicon, at.ix(), sentence.start.ix())
                    .map(|title| {
                        let len = title.split_whitespace().count();
                        TokenId::from_ix(at.ix().saturating_sub(len))
                    })
                    .unwrap_or(at);
                let np = read_and_keep_np(para, title_start, sentence.end)
                    .filter(|np| matches!(&np.referent, Referent::Name(n) if n.name == name.name));
                let has_role = np.as_ref().is_some_and(|np| np.role.is_some());
                let in_parentheses = at.prev().is_some_and(|p| para.punct_is(p, '(')) && para.punct_is(run_end, ')');
                let known = self.register.knows(name.name);
                let after_work_noun = at.prev().is_some_and(|p| para.word_in(p, &para.lexicon.work_nouns));
                let after_place_word = at
                    .prev()
                    .is_some_and(|p| para.word_in(p, &para.lexicon.place_prepositions));
                if name.is_full()
                    || name.title.is_some()
                    || name.gender.is_some()
                    || has_role
                    || known
                    || in_parentheses
                    || after_place_word
                    || after_work_noun
                {
                    let id = self.register.name(&name, np.as_ref(), lexicon);
                    // "PORT ALDANE (AFP) -": an agency credited in the dateline.
                    if in_parentheses && !name.is_full() {
                        self.register.learn_outlet(id);
                    }
                    // "the documentary Northern Lights": a work.
                    if after_work_noun {
                        self.register.learn_work(id);
                    }
                    // "in Castrel", "to Kestria": a place.
                    if after_place_word {
                        self.register.learn_place(id);
                    }
                }
                at = run_end.max(at.next());
            }
        }
    }

    /// Whom a "told" addresses is never its speaker; a name there that is not a person is an outlet.
    #[cold]
    #[inline(never)]
    fn learn_addressee(&mut self, para: &Para<'_>, addressee: TokenRange) {
        let mut at = addressee.start;
        while at < addressee.end {
            if para.is_name_word(at)
                && let Some((name, end)) = para.name_at(at, addressee.end)
            {
                let id = self.register.name(&name, None, self.lexicon);
                if self.register.get(id).kind != EntityKind::Person {
                    self.register.learn_outlet(id);
                }
                at = end;
            } else {
                at = at.next();
            }
        }
    }

    /// The sentence's grammatical subject, resolved, when it is a person or a body.
    fn sentence_subject(&mut self, para: &Para<'_>, sentence: TokenRange) -> Option<EntityId> {
        if para.is_quote(sentence.start) {
            return None;
        }
        let start = skip_openers(para, sentence.start, sentence.end);
        let np = read_np(para, start, sentence.end)?;
        let opens_with_name = matches!(np.referent, Referent::Name(_));
        if self.is_common_capital(para, &np) {
            return None;
        }
        let id = self.resolve_np(&np, None, true).who.entity()?;
        // "Nordvik cut its outlook": a name the sentence calls "its" is a body.
        let window = TokenRange::new(np.range.end, sentence.end.min(np.range.end.plus(MAX_ITS_DISTANCE)));
        if opens_with_name
            && window.iter().any(|t| para.word_is(t, "its"))
            && !window.iter().any(|t| para.word_in(t, &para.lexicon.personal_words))
        {
            self.register.learn_organisation(id);
        }
        Some(id)
    }

    /// Whether a phrase is a lone capitalised word opening a sentence that reads as a common
    /// word, not a name: the article also writes it in lower case ("Shares fell … the
    /// shares"), or a plural verb follows ("Reserves were"). A name the register knows, or one
    /// with a title, honorific or role, is a name.
    fn is_common_capital(&self, para: &Para<'_>, np: &Np<'_>) -> bool {
        let Referent::Name(name) = &np.referent else {
            return false;
        };
        if name.is_full() || name.title.is_some() || name.gender.is_some() || np.role.is_some() {
            return false;
        }
        if self.register.knows_word(name.name) || para.punct_is(np.range.end, ',') {
            return false;
        }
        if para.word_in(np.range.end, &para.lexicon.plural_verbs) {
            return true;
        }
        let lower = name.name.to_lowercase();
        let finder = memchr::memmem::Finder::new(&lower);
        self.body
            .iter()
            .any(|(_, text)| writes_word_with(text, &lower, &finder))
    }

    /// After a sentence: who spoke, who it was about.
    fn after_sentence(&mut self, facts: Facts, unnamed_voice: bool) {
        if let Some(speaker) = facts.speaker {
            self.current = Some(speaker);
            self.other_since = false;
            self.recent_speakers.retain(|&s| s != speaker);
            self.recent_speakers.push(speaker);
            if self.recent_speakers.len() > RECENT_SPEAKERS {
                self.recent_speakers.remove(0);
            }
        } else if unnamed_voice {
            self.current = None;
        } else if let Some(subject) = facts.subject
            && Some(subject) != self.current
            && self.register.get(subject).kind == EntityKind::Person
        {
            self.other_since = true;
        }
        self.previous_sentence = facts;
    }

    /// Resolves a cue's source.
    fn resolve_cue(&mut self, para: &Para<'_>, cue: &Cue<'_>, sentence_subject: Option<EntityId>) -> Decision {
        // The sentence's subject is an antecedent only when the cue's source is not that
        // very subject ("In the longer term, she said …").
        let sentence = para.sentence(cue.sentence);
        let subject_at = skip_openers(para, sentence.start, sentence.end);
        let subject_here = sentence_subject
            .filter(|_| !cue.source.range.contains(sentence.start) && !cue.source.range.contains(subject_at));
        let mut decision = self.resolve_np(&cue.source, subject_here, false);
        if let Who::Entity(id) = decision.who {
            match self.register.get(id).kind {
                EntityKind::Event => decision = Decision::not_given("an event does not speak"),
                EntityKind::Work => decision = Decision::not_given("a book, film or report does not speak for anyone"),
                _ => {}
            }
        }
        decision.cue = Some(self.cue_words(cue.words));
        decision
    }

    /// Resolves a noun phrase to who it stands for.
    fn resolve_np(&mut self, np: &Np<'_>, sentence_subject: Option<EntityId>, as_subject: bool) -> Decision {
        let lexicon = self.lexicon;
        let (who, attribution) = match &np.referent {
            Referent::Name(name) => (
                Who::Entity(self.register.name(name, Some(np), lexicon)),
                Attribution::Named,
            ),
            Referent::Pronoun(pronoun) => match self.pronoun(*pronoun, sentence_subject) {
                Ok((id, antecedent)) => (
                    Who::Entity(id),
                    Attribution::Pronoun {
                        pronoun: pronoun.as_str().into(),
                        antecedent,
                    },
                ),
                Err(reason) => return Decision::not_given(reason),
            },
            Referent::RoleNoun { noun, owned } => {
                let fits_role = |id: EntityId, register: &Register| {
                    let e = register.get(id);
                    e.kind == EntityKind::Person && (e.role_nouns.is_empty() || e.role_nouns.iter().any(|n| n == noun))
                };
                // "the professor added": someone the article called so, else the person the
                // sentence before was about. "Hale’s spokeswoman" is never Hale.
                let found = self.register.by_role_noun(noun).or_else(|| {
                    [self.previous_sentence.speaker, self.previous_sentence.subject]
                        .into_iter()
                        .flatten()
                        .filter(|_| !owned)
                        .find(|&id| fits_role(id, &self.register))
                });
                match found {
                    Some(id) => (Who::Entity(id), Attribution::RoleNoun { noun: (*noun).into() }),
                    None if as_subject => return Decision::not_given("no one in the article is described so"),
                    None => {
                        return Decision::not_given(&format!("the article names no one it calls “the {noun}”"));
                    }
                }
            }
            Referent::Anonymous(source) => (
                Who::Anonymous((*source).to_owned()),
                Attribution::Anonymous {
                    source: (*source).into(),
                },
            ),
            Referent::Group(source) => (
                Who::Group((*source).to_owned()),
                Attribution::Group {
                    source: (*source).into(),
                },
            ),
            Referent::Organisation { phrase, head } => {
                let generic = lexicon.generic_bodies.contains(head);
                let outlet = lexicon.outlet_nouns.contains(head);
                (
                    Who::Entity(self.register.organisation(phrase, head, generic, outlet)),
                    Attribution::Named,
                )
            }
            Referent::Document(document) => {
                // Whoever spoke in the sentence before issued it when that sentence names the
                // same document ("X said in a statement … The statement said …").
                let head = document.rsplit(' ').next().unwrap_or(document);
                let issuer = self
                    .previous_sentence
                    .speaker
                    .filter(|_| self.previous_documents.iter().any(|d| d.eq_ignore_ascii_case(head)));
                match issuer {
                    Some(id) => (
                        Who::Entity(id),
                        Attribution::Document {
                            document: (*document).into(),
                        },
                    ),
                    None => return Decision::not_given("the document’s issuer is not named"),
                }
            }
        };
        Decision {
            who,
            attribution,
            cue: None,
        }
    }

    /// The person or body a pronoun stands for: the subject earlier in its sentence, the
    /// previous sentence's speaker, its subject, or the current speaker when no one else has
    /// been named since — the first that the pronoun fits. Never a guess.
    fn pronoun(
        &mut self,
        pronoun: Pronoun,
        sentence_subject: Option<EntityId>,
    ) -> Result<(EntityId, Antecedent), &'static str> {
        match pronoun {
            Pronoun::They => return Err("“they” names no one speaker"),
            Pronoun::First => return Err("“I” outside a quote names no one"),
            _ => {}
        }
        // A subject is an antecedent only when the text has shown it is a person (or, for
        // "it", a body); a speaker or the current speaker may still be a bare name.
        let shown = |id: Option<EntityId>, register: &Register| {
            id.filter(|&id| register.get(id).kind != EntityKind::Unknown || pronoun == Pronoun::It)
        };
        let candidates = [
            (shown(sentence_subject, &self.register), Antecedent::SentenceSubject),
            (self.previous_sentence.speaker, Antecedent::PreviousSpeaker),
            (self.previous_sentence.subject, Antecedent::PreviousSubject),
            (self.current.filter(|_| !self.other_since), Antecedent::CurrentSpeaker),
        ];
        // The only recent speaker whose gender the text gives and the pronoun fits, when
        // no recent speaker of unknown gender could be meant instead.
        let only_fitting = pronoun.gender().and_then(|g| {
            let fitting: SmallVec<[EntityId; 4]> = self
                .recent_speakers
                .iter()
                .copied()
                .filter(|&id| self.register.get(id).gender == Some(g))
                .collect();
            let unknown = self.recent_speakers.iter().any(|&id| {
                let e = self.register.get(id);
                e.gender.is_none() && matches!(e.kind, EntityKind::Person | EntityKind::Unknown)
            });
            (fitting.len() == 1 && !unknown).then(|| fitting[0])
        });
        let candidates = candidates.into_iter().chain([(only_fitting, Antecedent::OnlyFitting)]);
        for (candidate, antecedent) in candidates {
            let Some(id) = candidate else { continue };
            if self.fits(id, pronoun) {
                match pronoun.gender() {
                    Some(g) => self.register.learn_gender(id, g),
                    None => self.register.learn_organisation(id),
                }
                return Ok((id, antecedent));
            }
        }
        Err(match pronoun {
            Pronoun::It => "“it” refers back to no body named just before",
            _ => "the pronoun refers back to no one it fits",
        })
    }

    /// Whether a pronoun can stand for an entity: he/she for a person whose gender (if the
    /// text gives one) agrees, it for a body.
    fn fits(&self, id: EntityId, pronoun: Pronoun) -> bool {
        let e = self.register.get(id);
        match pronoun.gender() {
            Some(g) => {
                matches!(e.kind, EntityKind::Person | EntityKind::Unknown) && e.gender.is_none_or(|have| have == g)
            }
            None => {
                matches!(e.kind, EntityKind::Organisation | EntityKind::Place)
                    || (e.kind == EntityKind::Unknown && e.gender.is_none())
            }
        }
    }

    /// The sieves for a quote in the writer's text. Returns the decision and the cue it rests on.
    #[allow(clippy::too_many_arguments)]
    fn sieve(
        &mut self,
        para: &Para<'_>,
        q: usize,
        qtok: TokenId,
        sentence: SentenceId,
        kind: QuoteKind,
        context: &Context<'_, '_>,
        split_from: Option<(usize, SentenceId)>,
        facts_before: &[Facts],
    ) -> (Decision, Option<usize>) {
        let (cues, resolved) = (context.cues, context.resolved);
        let starts_paragraph = qtok == TokenId(0);
        // 1. Titles and labels ("a film titled “…”"), and fragments in title case (the new
        // “Critical Raw Materials Act”): nobody says them.
        if after_title_word(para, qtok, cues)
            || kind == QuoteKind::Fragment && is_title_case(&para.text[para.quotes[q].inner.clone()])
        {
            return (
                Decision {
                    who: Who::Nobody,
                    attribution: Attribution::Title,
                    cue: None,
                },
                None,
            );
        }
        // 2. A cue in the quote's own sentence.
        if let Some(c) = governing_cue(para, context, &self.register, sentence, qtok) {
            let mut decision = resolved[c].clone();
            if split_from.is_some_and(|(s, sent)| s == c && sent == sentence)
                && cues[c].span.end <= qtok
                && decision.who.entity().is_some()
            {
                decision.attribution = Attribution::SplitQuote;
            }
            return (decision, Some(c));
        }
        // 3. A line ending in a colon introduces the quotes under it.
        if starts_paragraph && let Some((who, label)) = self.previous.colon.clone() {
            let attribution = if label {
                Attribution::NameLabel
            } else {
                Attribution::ColonIntroduction
            };
            return (
                Decision {
                    who,
                    attribution,
                    cue: None,
                },
                None,
            );
        }
        // 4. A quote left open at the end of the last paragraph goes on.
        if starts_paragraph && let Some(open) = self.previous.open_quote {
            return (
                Decision {
                    who: self.quote_who[open].clone(),
                    attribution: match &self.quotes[open].attribution {
                        Attribution::Anonymous { source } => Attribution::Anonymous { source: source.clone() },
                        Attribution::Group { source } => Attribution::Group { source: source.clone() },
                        _ => Attribution::Continuation,
                    },
                    cue: None,
                },
                None,
            );
        }
        // 5. A cue in another sentence of the paragraph.
        if kind == QuoteKind::Direct && para.is_quote(para.sentence(sentence).start)
            || !self.sentence_has_other_subject(para, sentence)
        {
            let nearest_before = context.nearby.before[sentence.ix()];
            let nearest_after = || context.nearby.after[sentence.ix()];
            let chosen = if kind == QuoteKind::Direct {
                nearest_before.or_else(nearest_after)
            } else {
                nearest_before
            };
            if let Some(c) = chosen {
                let d = &resolved[c];
                let attribution = match &d.attribution {
                    Attribution::Anonymous { .. } | Attribution::Group { .. } => d.attribution.clone(),
                    _ => Attribution::SameParagraph,
                };
                return (
                    Decision {
                        who: d.who.clone(),
                        attribution,
                        cue: d.cue.clone(),
                    },
                    Some(c),
                );
            }
        }
        // 5b. A quoted sentence in a paragraph with no cue, after a sentence about one person
        // ("Asked whether …, he paused. “Some routes, yes.”").
        if kind == QuoteKind::Direct
            && cues.is_empty()
            && para.is_quote(para.sentence(sentence).start)
            && let Some(previous) = sentence.ix().checked_sub(1)
            && let Some(id) = facts_before.get(previous).and_then(|f| f.subject)
            && self.register.get(id).kind == EntityKind::Person
        {
            return (
                Decision {
                    who: Who::Entity(id),
                    attribution: Attribution::SubjectBefore,
                    cue: None,
                },
                None,
            );
        }
        // 6. Quotation only, after a paragraph that reports one speaker.
        if starts_paragraph && kind == QuoteKind::Direct && cues.is_empty() {
            let introduced = self.previous.speaker.or_else(|| {
                self.previous
                    .subject
                    .filter(|&id| self.register.get(id).kind == EntityKind::Person)
            });
            if let Some(id) = introduced {
                return (
                    Decision {
                        who: Who::Entity(id),
                        attribution: Attribution::IntroducedBefore,
                        cue: None,
                    },
                    None,
                );
            }
        }
        let reason = if cues.is_empty() {
            "no cue in its sentence or paragraph names a speaker"
        } else {
            "its own sentence has another subject and no cue"
        };
        (Decision::not_given(reason), None)
    }

    /// Whether the sentence is about someone (a named person or body as its subject) other
    /// than the paragraph's speaker: then a fragment in it is not theirs to inherit.
    fn sentence_has_other_subject(&mut self, para: &Para<'_>, sentence: SentenceId) -> bool {
        let range = para.sentence(sentence);
        if para.is_quote(range.start) {
            return false;
        }
        let start = skip_openers(para, range.start, range.end);
        let np = read_np(para, start, range.end);
        if np.as_ref().is_some_and(|np| self.is_common_capital(para, np)) {
            return false;
        }
        match np.map(|np| np.referent) {
            Some(Referent::Name(_) | Referent::Organisation { .. } | Referent::Anonymous(_) | Referent::Group(_)) => {
                true
            }
            Some(Referent::RoleNoun { .. }) => true,
            Some(Referent::Pronoun(p)) => p != Pronoun::It,
            Some(Referent::Document(_)) | None => false,
        }
    }

    /// A quote inside a quote: voiced by someone the outer speaker names, no one's after a
    /// linking verb, else the outer speaker's own words.
    fn inner_quote(&mut self, inside: &Para<'_>, cues: &[Cue<'_>], q: usize, outer: usize) -> Decision {
        let outer_who = self.quote_who[outer].clone();
        if let Some(qtok) = inside.quote_token(q) {
            let sentence = inside.sentence_of(qtok);
            for cue in cues[near(cues, qtok)].iter().filter(|c| c.sentence == sentence) {
                match &cue.source.referent {
                    Referent::Name(name) => {
                        let id = self.register.name(name, Some(&cue.source), self.lexicon);
                        if outer_who.entity() != Some(id)
                            && !matches!(self.register.get(id).kind, EntityKind::Event | EntityKind::Work)
                        {
                            return Decision {
                                who: Who::Entity(id),
                                attribution: Attribution::VoicedInQuote,
                                cue: Some(self.cue_words(cue.words)),
                            };
                        }
                    }
                    // The speaker quoting their own words.
                    Referent::Pronoun(Pronoun::First) => {}
                    // "My grandfather used to say, ‘…’": someone the speaker does not name.
                    _ => return Decision::not_given("the speaker quotes someone they do not name"),
                }
            }
            if qtok.prev().is_some_and(|p| inside.word_in(p, &inside.lexicon.copulas)) {
                return Decision::not_given("the speaker quotes words without saying whose they are");
            }
        }
        match outer_who {
            Who::Nobody => Decision::not_given("the quote around it has no speaker"),
            who => Decision {
                who,
                attribution: Attribution::InnerQuote,
                cue: self.quotes[outer].cue.clone(),
            },
        }
    }

    fn push_quote(
        &mut self,
        paragraph: usize,
        para: &Para<'_>,
        q: usize,
        kind: QuoteKind,
        decision: Decision,
        continues: Option<usize>,
    ) {
        let span = &para.quotes[q];
        let who = decision.who;
        let continues = continues.or_else(|| {
            (matches!(decision.attribution, Attribution::Continuation)
                || matches!(decision.attribution, Attribution::SplitQuote))
            .then(|| self.quotes.len().checked_sub(1))
            .flatten()
        });
        self.quotes.push(Quote {
            paragraph: narrow(paragraph),
            kind,
            cue: decision.cue,
            speaker: None,
            attribution: decision.attribution,
            continues: continues.into(),
            bytes: Span::new(span.inner.clone()),
            sentence: para
                .quote_token(q)
                .map(|t| para.sentence_bytes(para.sentence_of(t)))
                .or_else(|| {
                    continues
                        .and_then(|c| self.quotes.get(c))
                        .map(|outer| outer.sentence.range())
                })
                .map_or_else(|| Span::new(span.inner.clone()), Span::new),
        });
        self.quote_who.push(who);
        let after = span.close.map_or("", |close| &para.text[close..]);
        let next = after
            .strip_prefix(' ')
            .and_then(|rest| rest.split(|c: char| !c.is_alphanumeric()).next())
            .filter(|w| !w.is_empty())
            .map(str::to_owned);
        self.quote_next_word.push(next);
    }

    /// The last sieve: an unnamed source's words, later quoted from a named person, are theirs.
    fn named_later(&mut self) {
        let normal = |s: &str| {
            s.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        };
        for i in 0..self.quotes.len() {
            let Who::Anonymous(source) = self.quote_who[i].clone() else {
                continue;
            };
            let mut words = normal(&self.quote_words(i));
            if words.split(' ').count() < 2 {
                // "a “painful” rise": one word is matched with the word after it.
                match self.quote_next_word.get(i).cloned().flatten() {
                    Some(next) => words = format!("{words} {}", next.to_lowercase()),
                    None => continue,
                }
            }
            let reach = (i + 1 + NAMED_LATER_REACH).min(self.quotes.len());
            let later = (i + 1..reach)
                .find(|&j| self.quote_who[j].entity().is_some() && normal(&self.quote_words(j)).contains(&words));
            if let Some(j) = later {
                self.quote_who[i] = self.quote_who[j].clone();
                self.quotes[i].attribution = Attribution::NamedLater { source: source.into() };
            }
        }
    }

    fn finish(mut self) -> Attributed {
        self.named_later();
        self.share_attribution_words();
        // Speakers in the order they first speak.
        let mut order: Vec<EntityId> = Vec::new();
        let mut counts: FxHashMap<EntityId, (usize, usize)> = FxHashMap::default();
        let mut events: Vec<(usize, usize, EntityId, bool)> =
            Vec::with_capacity(self.quote_who.len() + self.statement_who.len());
        for (i, who) in self.quote_who.iter().enumerate() {
            if let Some(id) = who.entity() {
                events.push((
                    self.quotes[i].paragraph as usize,
                    self.quotes[i].bytes.start(),
                    id,
                    true,
                ));
            }
        }
        for (i, who) in self.statement_who.iter().enumerate() {
            if let Some(id) = who.entity() {
                events.push((self.statements[i].paragraph as usize, 0, id, false));
            }
        }
        // Someone reported only in a clause ("the auditor, who said he had flagged …")
        // is a speaker too, with no quote or statement of their own.
        let mut reported_only = Vec::with_capacity(self.report_who.len());
        for (i, who) in self.report_who.iter().enumerate() {
            if let Some(id) = who.entity() {
                reported_only.push((self.reports[i].paragraph as usize, self.reports[i].bytes.start(), id));
            }
        }
        events.sort_by_key(|&(p, s, _, _)| (p, s));
        let mut seen = rustc_hash::FxHashSet::default();
        let mut firsts: Vec<(usize, usize, EntityId)> = Vec::new();
        for &(p, s, id, is_quote) in &events {
            if seen.insert(id) {
                firsts.push((p, s, id));
            }
            let entry = counts.entry(id).or_default();
            if is_quote {
                entry.0 += 1;
            } else {
                entry.1 += 1;
            }
        }
        for (p, s, id) in reported_only {
            if seen.insert(id) {
                firsts.push((p, s, id));
            }
        }
        firsts.sort_by_key(|&(p, s, _)| (p, s));
        order.extend(firsts.into_iter().map(|(_, _, id)| id));
        let speaker_of: FxHashMap<EntityId, SpeakerId> = order
            .iter()
            .enumerate()
            .filter_map(|(i, &id)| Some((id, SpeakerId::new(i)?)))
            .collect();
        let lexicon = self.lexicon;
        let speakers = order
            .iter()
            .enumerate()
            .filter_map(|(i, &id)| {
                let e = self.register.get(id);
                let (quotes, statements) = counts.get(&id).copied().unwrap_or_default();
                let kind = match e.kind {
                    EntityKind::Person | EntityKind::Unknown => SpeakerKind::Person,
                    _ => SpeakerKind::Organisation,
                };
                let short_name = match (&e.short_used, kind) {
                    (Some(short), _) => short.trim_end_matches(['’', '\'']).to_owned(),
                    (None, SpeakerKind::Person) if family_name_first(&e.words, lexicon) || e.words.len() > 1 => {
                        family_name(&e.words, lexicon).to_owned()
                    }
                    _ => e.name.clone(),
                };
                let (role, role_source) = e.role.clone().map_or((None, None), |(r, s)| (Some(r), Some(s)));
                Some(Speaker {
                    id: SpeakerId::new(i)?,
                    name: e.name.as_str().into(),
                    short_name: short_name.into(),
                    commentator: kind == SpeakerKind::Person
                        && (role_source == Some(RoleSource::Appositive) || statements >= 2),
                    role: role.map(String::into_boxed_str),
                    role_source,
                    kind,
                    quote_count: narrow(quotes),
                    statement_count: narrow(statements),
                    gender: e.gender.filter(|_: &Gender| kind == SpeakerKind::Person),
                })
            })
            .collect();
        let mut quotes = self.quotes;
        for (quote, who) in quotes.iter_mut().zip(&self.quote_who) {
            quote.speaker = who.entity().and_then(|id| speaker_of.get(&id).copied());
        }
        let mut statements = self.statements;
        let mut paragraph_speakers = FxHashMap::with_capacity_and_hasher(statements.len(), Default::default());
        for (statement, who) in statements.iter_mut().zip(&self.statement_who) {
            statement.speaker = who.entity().and_then(|id| speaker_of.get(&id).copied());
            if let Some(id) = statement.speaker {
                paragraph_speakers.insert(statement.paragraph as usize, id);
            }
        }
        let mut reports = self.reports;
        for (report, who) in reports.iter_mut().zip(&self.report_who) {
            report.speaker = who.entity().and_then(|id| speaker_of.get(&id).copied());
        }
        Attributed {
            quotes,
            statements,
            reports,
            speakers,
            paragraph_speakers,
        }
    }
}

/// Fewest words of the writer's own (outside quotation marks) that make a report: fewer,
/// and the sentence is a quotation with its cue ("“…” for Kim, she said").
const MIN_REPORTED_WORDS: usize = 4;

/// Where a cue begins in its sentence: at its source when the source stands next to
/// the verb ("…, Town said"), else at the verb ("Seiler …, adding that").
fn cue_start(cue: &Cue<'_>) -> TokenId {
    if cue.source.range.end.ix() + 1 >= cue.verb.ix() {
        cue.span.start
    } else {
        cue.verb
    }
}

/// Whether a cue's words follow it: it opens the sentence, or a clause follows it
/// ("In the longer term, she said the visit …") rather than a comma or the end, after
/// any time phrase ("…, Cho said on Sunday, amid …").
fn words_follow(para: &Para<'_>, cue: &Cue<'_>, limit: TokenId) -> bool {
    if !cue.trailing {
        return true;
    }
    let lexicon = para.lexicon;
    let mut at = cue.span.end;
    while at < limit
        && (para.word_in(at, &lexicon.time_words)
            || para.word_in(at, &lexicon.month_names)
            || para.word(at).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit())))
    {
        at = at.next();
    }
    at < limit && para.tok(at).is_some_and(|t| t.is_word())
}

/// Where the reported words after a leading cue begin, and whether "that" opens them:
/// past a comma, and past "that" with any time or place phrase before it ("said on
/// Sunday that", "told jurors in his closing that").
fn skip_report_opening(para: &Para<'_>, from: TokenId, limit: TokenId) -> (TokenId, bool) {
    const REACH: usize = 8;
    let lexicon = para.lexicon;
    let mut at = from;
    while at < limit && para.tok(at).is_some_and(|t| t.is_punct(',')) {
        at = at.next();
    }
    if para.word_is(at, "that") {
        return (at.next(), true);
    }
    let phrase = para.word_in(at, &lexicon.time_words)
        || para.word_in(at, &lexicon.prepositions)
        || para.word_in(at, &lexicon.month_names);
    if phrase {
        let that = (1..REACH)
            .map(|k| at.plus(k))
            .take_while(|&t| t < limit && para.tok(t).is_some_and(|tok| tok.is_word() || tok.is_punct(',')))
            .find(|&t| para.word_is(t, "that"));
        if let Some(that) = that {
            return (that.next(), true);
        }
    }
    (at, false)
}

/// Whether reported words may begin here without "that": not at a time or place phrase
/// ("said with a thin smile", "told AFP outside the union hall").
fn opens_report(para: &Para<'_>, at: TokenId) -> bool {
    let lexicon = para.lexicon;
    // A time word that is also a determiner ("the", "this") may open a clause.
    let time_phrase = para.word_in(at, &lexicon.time_words) && !para.word_in(at, &lexicon.determiners);
    para.tok(at).is_some_and(|t| t.is_word() || t.is_quote())
        && !time_phrase
        && !para.word_in(at, &lexicon.prepositions)
        && !para.word_in(at, &lexicon.clause_words)
}

/// The byte range of a run of tokens without the punctuation at its edges that belongs to
/// the writer's sentence (a comma before the cue, a dash); a closing stop stays.
fn report_bytes(para: &Para<'_>, range: TokenRange) -> Option<std::ops::Range<usize>> {
    let edge = |t: TokenId| para.tok(t).is_some_and(|tok| !tok.is_word() && !tok.is_quote());
    let mut start = range.start;
    while start < range.end && edge(start) {
        start = start.next();
    }
    let mut end = range.end;
    // "…, not a thief, and [reminded them]": a joining word left before the next cue goes too.
    let joining = |t: TokenId| ["and", "but", "or"].iter().any(|w| para.word_is(t, w));
    while end > start
        && let Some(last) = end.prev()
        && ((edge(last) && !['.', '?', '!'].iter().any(|&c| para.punct_is(last, c))) || joining(last))
    {
        end = last;
    }
    let first = para.tok(start)?;
    let last = para.tok(end.prev()?)?;
    (start < end).then_some(first.start..last.end)
}

/// A paragraph's cues and what they resolved to, looked up by sentence and position.
struct Context<'c, 'a> {
    cues: &'c [Cue<'a>],
    resolved: &'c [Decision],
    by_sentence: &'c CuesBySentence,
    nearby: &'c NearbyCues,
}

/// The cues of each sentence, as a range of the paragraph's cues (which come in sentence order).
#[derive(Default)]
struct CuesBySentence {
    starts: Vec<usize>,
}

impl CuesBySentence {
    /// Fills the ranges for a paragraph's cues, in the room the last paragraph's left.
    fn fill(&mut self, cues: &[Cue<'_>], sentences: usize) {
        self.starts.clear();
        self.starts
            .extend((0..=sentences).map(|n| cues.partition_point(|c| c.sentence.ix() < n)));
    }

    fn range(&self, sentence: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(sentence).copied().unwrap_or(0);
        let end = self.starts.get(sentence + 1).copied().unwrap_or(start);
        start..end
    }
}

/// For each sentence, the nearest cue in an earlier sentence and in a later one that names
/// someone (or an unnamed source).
#[derive(Default)]
struct NearbyCues {
    before: Vec<Option<usize>>,
    after: Vec<Option<usize>>,
    /// The last cue of each sentence that names someone (room reused, like the others).
    last_in: Vec<Option<usize>>,
    /// The first such cue of each sentence.
    first_in: Vec<Option<usize>>,
}

impl NearbyCues {
    /// Fills the lists for a paragraph's cues, in the room the last paragraph's left.
    fn fill(&mut self, cues: &[Cue<'_>], resolved: &[Decision], sentences: usize) {
        refill(&mut self.last_in, None, sentences);
        refill(&mut self.first_in, None, sentences);
        for (c, cue) in cues.iter().enumerate() {
            if matches!(resolved[c].who, Who::Nobody) {
                continue;
            }
            let n = cue.sentence.ix().min(sentences.saturating_sub(1));
            self.last_in[n] = Some(c);
            self.first_in[n].get_or_insert(c);
        }
        refill(&mut self.before, None, sentences);
        let mut running = None;
        for n in 0..sentences {
            self.before[n] = running;
            running = self.last_in[n].or(running);
        }
        refill(&mut self.after, None, sentences);
        let mut running = None;
        for n in (0..sentences).rev() {
            self.after[n] = running;
            running = self.first_in[n].or(running);
        }
    }
}

/// The indexes of the cues whose speech word lies within [`CUE_WINDOW`] tokens of `qtok`.
fn near(cues: &[Cue<'_>], qtok: TokenId) -> std::ops::Range<usize> {
    let from = cues.partition_point(|c| c.verb.ix() + CUE_WINDOW < qtok.ix());
    let to = cues.partition_point(|c| c.verb.ix() <= qtok.ix() + CUE_WINDOW);
    from..to.max(from)
}

/// The cue that governs a quote in its own sentence: next to it (after, then before), else the
/// nearest before it, else the nearest after. An outlet's cue counts only when no other does.
fn governing_cue(
    para: &Para<'_>,
    context: &Context<'_, '_>,
    register: &Register,
    sentence: SentenceId,
    qtok: TokenId,
) -> Option<usize> {
    let (cues, resolved) = (context.cues, context.resolved);
    let range = context.by_sentence.range(sentence.ix());
    if range.is_empty() {
        return None;
    }
    let in_window: SmallVec<[usize; 8]> = near(cues, qtok).filter(|c| range.contains(c)).collect();
    let is_outlet = |c: usize| {
        resolved[c]
            .who
            .entity()
            .is_some_and(|id| register.get(id).kind == EntityKind::Outlet)
    };
    let others = in_window
        .iter()
        .any(|&c| !is_outlet(c) && !matches!(resolved[c].who, Who::Nobody));
    let usable: SmallVec<[usize; 8]> = in_window.into_iter().filter(|&c| !(others && is_outlet(c))).collect();
    let after = qtok.next();
    let after_comma = if para.punct_is(after, ',') { after.next() } else { after };
    let adjacent_after = usable
        .iter()
        .copied()
        .find(|&c| cues[c].span.start == after || cues[c].span.start == after_comma);
    let before = qtok.prev();
    let adjacent_before = usable.iter().copied().find(|&c| {
        cues[c].span.end == qtok
            || before.is_some_and(|b| (para.punct_is(b, ',') || para.punct_is(b, ':')) && cues[c].span.end == b)
    });
    // Beyond the window, the nearest cue of the sentence on either side.
    let split = range.start + cues[range.clone()].partition_point(|c| c.verb < qtok);
    let nearest_before = || {
        usable.iter().copied().rev().find(|&c| cues[c].verb < qtok).or_else(|| {
            (split > range.start)
                .then(|| split - 1)
                .filter(|&c| !(others && is_outlet(c)))
        })
    };
    let nearest_after = || {
        usable
            .iter()
            .copied()
            .find(|&c| cues[c].verb > qtok)
            .or_else(|| (split < range.end).then_some(split))
    };
    adjacent_after
        .or(adjacent_before)
        .or_else(nearest_before)
        .or_else(nearest_after)
}

/// Whether a quote follows a word that makes it a title or label ("a film titled “…”",
/// "the so-called “…”"), unless a cue uses that word ("used the word “…”", "called it “…”").
fn after_title_word(para: &Para<'_>, qtok: TokenId, cues: &[Cue<'_>]) -> bool {
    let nearby = &cues[near(cues, qtok)];
    (1..=2).any(|back| {
        let Some(at) = qtok.0.checked_sub(back).map(TokenId) else {
            return false;
        };
        let is_title_word = para.word_in(at, &para.lexicon.title_cues);
        let joined = back == 1 || matches!(para.word(qtok.prev().unwrap_or(qtok)), Some("the" | "a" | "as" | "of"));
        let in_a_cue = nearby.iter().any(|c| {
            c.span.contains(at)
                || c.verb == at
                || (c.verb < at && at.ix() - c.verb.ix() <= 3 && c.rule == "used_the_word")
        });
        is_title_word && joined && !in_a_cue
    })
}

/// A fragment whose longer words are all capitalised ("Northern Lights").
fn is_title_case(inner: &str) -> bool {
    // Read in passes rather than collected: most fragments fail the first test.
    let words = || {
        inner
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
    };
    words().nth(1).is_some()
        && words()
            .filter(|w| w.chars().count() > 3)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words().any(|w| w.chars().count() > 3)
}

/// A quoted sentence or clause set off by a cue or standing alone, or a fragment inside the
/// writer's own sentence.
fn quote_kind(para: &Para<'_>, qtok: TokenId, context: &Context<'_, '_>) -> QuoteKind {
    let cues = &context.cues[near(context.cues, qtok)];
    let sentence = para.sentence(para.sentence_of(qtok));
    if qtok == sentence.start {
        return QuoteKind::Direct;
    }
    let Some(q) = para.tok(qtok).and_then(|t| t.quote()) else {
        return QuoteKind::Fragment;
    };
    let inner = &para.text[para.quotes[q].inner.clone()];
    let starts_upper = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let Some(prev) = qtok.prev() else {
        return QuoteKind::Direct;
    };
    let cue_ends_at = |end: TokenId| cues.iter().any(|c| c.span.end == end || c.verb.next() == end);
    // “The board,” Ashworth added in a post, “has to decide …”: the second half of a split quote.
    let window_start = sentence
        .start
        .max(TokenId::from_ix(qtok.ix().saturating_sub(CUE_WINDOW)));
    let split = para.punct_is(prev, ',')
        && TokenRange::new(window_start, prev).iter().any(|t| para.is_quote(t))
        && cues.iter().any(|c| {
            c.trailing
                && c.span.start < qtok
                && c.span.start >= window_start
                && TokenRange::new(window_start, c.span.start)
                    .iter()
                    .any(|t| para.is_quote(t))
        });
    let direct = match para.tok(prev).map(|t| t.kind) {
        Some(TokKind::Punct(':')) => true,
        Some(TokKind::Punct(',')) => starts_upper || cue_ends_at(prev) || split,
        Some(TokKind::Word) => starts_upper && cue_ends_at(qtok),
        _ => false,
    };
    if direct { QuoteKind::Direct } else { QuoteKind::Fragment }
}

#[cfg(test)]
mod tests {
    use super::writes_word;
    use crate::model::{Attribution, SharedStr};
    use crate::parse::{Lexicon, parse};

    #[test]
    fn an_article_holds_each_attribution_word_once() {
        let text = "Ana Ruiz, a trader, spoke at noon.\n\n\
            “Prices will rise,” she said. “Buyers are nervous,” she added.\n\n\
            “We wait,” she said.\n";
        let article = parse(text, &Lexicon::builtin());
        let pronouns: Vec<&SharedStr> = article
            .quotes
            .iter()
            .filter_map(|q| match &q.attribution {
                Attribution::Pronoun { pronoun, .. } => Some(pronoun),
                _ => None,
            })
            .collect();
        assert_eq!(pronouns.len(), 3, "{:#?}", article.quotes);
        assert!(pronouns.iter().all(|p| p.shares_with(pronouns[0])), "one copy of “she”");
        assert_eq!(std::mem::size_of::<Attribution>(), 16, "a tag and a thin pointer");
    }

    #[test]
    fn a_word_is_written_only_as_a_whole_lower_case_word() {
        let cases = [
            ("Shares fell, and the shares slid.", "shares", true),
            ("Shares fell.", "shares", false),
            ("The shareholders met.", "shares", false),
            ("He was unshared.", "shared", false),
            // A curly apostrophe is not ASCII, so it joins the word as before: "market’s".
            ("a market’s mood", "market", false),
            ("a market's mood", "market", true),
            ("Zoë said it", "zoë", false),
            ("shares", "shares", true),
        ];
        for (text, word, expected) in cases {
            assert_eq!(writes_word(text, word), expected, "{word:?} in {text:?}");
        }
    }
}
