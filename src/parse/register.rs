//! Stage 5: the article's entity register: every person, body, outlet, place and event the
//! text names, with its aliases (full name, surname, acronym, titles and role nouns given
//! in apposition), its gender where the text says so, and its type.

use rustc_hash::FxHashMap;

use super::lexicon::Lexicon;
use super::mentions::Np;
use super::names::{ReadName, family_name};
use crate::model::{Gender, RoleSource, capitalise};

/// An entity's place in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct EntityId(pub u32);

impl EntityId {
    fn ix(self) -> usize {
        self.0 as usize
    }

    fn from_ix(ix: usize) -> EntityId {
        EntityId(u32::try_from(ix).unwrap_or(u32::MAX))
    }
}

/// What kind of thing an entity is. Only people, bodies and (as subjects of their own
/// statements) outlets and places speak; events and titles never do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntityKind {
    /// A person.
    Person,
    /// A ministry, company, union or other body.
    Organisation,
    /// A news outlet or agency.
    Outlet,
    /// A country, city or other place (speaking for its government).
    Place,
    /// An event ("the Winter Olympics").
    Event,
    /// A work: a book, film, report or the like ("the documentary Northern Lights").
    Work,
    /// A single name the text has not yet shown to be a person or a body.
    Unknown,
}

/// One person or body named in the article.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// The fullest name the text gives.
    pub name: String,
    /// The words of that name.
    pub words: Vec<String>,
    /// What it is.
    pub kind: EntityKind,
    /// Gender, only where the text says so.
    pub gender: Option<Gender>,
    /// The role the text gives, and where it came from.
    pub role: Option<(String, RoleSource)>,
    /// Role nouns the text uses for it ("agent", "striker"), lower-cased.
    pub role_nouns: Vec<String>,
    /// An acronym given in parentheses.
    pub acronym: Option<String>,
    /// The single word the text used for it after the first mention, if it did.
    pub short_used: Option<String>,
    /// When it was last mentioned (a running count).
    pub last_seen: u32,
}

/// The entities a word or role noun may name: nearly always one or two, kept in place.
type EntityIds = smallvec::SmallVec<[EntityId; 2]>;

/// Every entity named so far, with lookups by name, word, acronym and role noun.
#[derive(Debug, Default)]
pub(crate) struct Register {
    entities: Vec<Entity>,
    by_name: FxHashMap<String, EntityId>,
    by_word: FxHashMap<String, EntityIds>,
    by_acronym: FxHashMap<String, EntityId>,
    by_role_noun: FxHashMap<String, EntityIds>,
    /// Bodies, in the order they were first named.
    organisations: Vec<EntityId>,
    clock: u32,
}

/// How many of the most recently named bodies a common noun ("the council") is matched against.
const RECENT_ORGANISATIONS: usize = 64;

impl Register {
    /// An empty register with room for the names of a typical article, so that its maps
    /// are not grown and rehashed several times over while the first paragraphs are read.
    pub(crate) fn new() -> Self {
        Register {
            entities: Vec::with_capacity(16),
            by_name: FxHashMap::with_capacity_and_hasher(16, Default::default()),
            by_word: FxHashMap::with_capacity_and_hasher(32, Default::default()),
            ..Register::default()
        }
    }

    /// Whether an entity has this exact name.
    pub(crate) fn knows(&self, name: &str) -> bool {
        self.by_name.contains_key(name)
    }

    /// Whether an entity's name holds this word.
    pub(crate) fn knows_word(&self, word: &str) -> bool {
        self.by_word.contains_key(word)
    }

    /// The entity.
    pub(crate) fn get(&self, id: EntityId) -> &Entity {
        &self.entities[id.ix()]
    }

    fn get_mut(&mut self, id: EntityId) -> &mut Entity {
        &mut self.entities[id.ix()]
    }

    fn tick(&mut self, id: EntityId) {
        self.clock += 1;
        let now = self.clock;
        self.get_mut(id).last_seen = now;
    }

    /// Records that an entity is a person of this gender (a pronoun that refers back to it).
    pub(crate) fn learn_gender(&mut self, id: EntityId, gender: Gender) {
        let entity = self.get_mut(id);
        if matches!(entity.kind, EntityKind::Person | EntityKind::Unknown) {
            entity.kind = EntityKind::Person;
            entity.gender.get_or_insert(gender);
        }
    }

    /// Records that an entity is a body (the text calls it "it").
    pub(crate) fn learn_organisation(&mut self, id: EntityId) {
        let entity = self.get_mut(id);
        if entity.kind == EntityKind::Unknown {
            entity.kind = EntityKind::Organisation;
            self.organisations.push(id);
        }
    }

    /// Records that an entity is a work (named after "the book", "the film").
    pub(crate) fn learn_work(&mut self, id: EntityId) {
        let entity = self.get_mut(id);
        if matches!(entity.kind, EntityKind::Unknown | EntityKind::Person) && entity.gender.is_none() {
            entity.kind = EntityKind::Work;
        }
    }

    /// Records that an entity is a place (named after "in", "to", "from").
    pub(crate) fn learn_place(&mut self, id: EntityId) {
        let entity = self.get_mut(id);
        if entity.kind == EntityKind::Unknown {
            entity.kind = EntityKind::Place;
        }
    }

    /// Records that an entity is an outlet (it was "told" something, or credited in a dateline).
    pub(crate) fn learn_outlet(&mut self, id: EntityId) {
        let entity = self.get_mut(id);
        if matches!(entity.kind, EntityKind::Unknown | EntityKind::Organisation) {
            if entity.kind == EntityKind::Unknown {
                self.organisations.push(id);
            }
            self.entities[id.ix()].kind = EntityKind::Outlet;
        }
    }

    /// The entity a name refers to, added if new; what the phrase says of it is recorded.
    pub(crate) fn name(&mut self, name: &ReadName<'_>, np: Option<&Np<'_>>, lexicon: &Lexicon) -> EntityId {
        let id = self.find_name(name, lexicon).unwrap_or_else(|| self.add(name, lexicon));
        let is_single = !name.is_full();
        let entity = self.get_mut(id);
        if is_single && entity.words.len() > 1 && entity.short_used.is_none() {
            entity.short_used = Some(name.name.to_owned());
        }
        if name.gender.is_some() && entity.kind != EntityKind::Organisation {
            entity.gender = entity.gender.or(name.gender);
            entity.kind = EntityKind::Person;
        }
        if let Some(honorific) = name.honorific
            && lexicon.role_nouns.contains(honorific)
        {
            let noun = honorific.to_lowercase();
            let entity = &mut self.entities[id.ix()];
            if !entity.role_nouns.contains(&noun) {
                entity.role_nouns.push(noun.clone());
                self.by_role_noun.entry(noun).or_default().push(id);
            }
        }
        let entity = self.get_mut(id);
        if let Some(np) = np {
            if np.aged && entity.kind == EntityKind::Unknown {
                entity.kind = EntityKind::Person;
            }
            let entity = self.get_mut(id);
            if np.describes_body && entity.kind != EntityKind::Outlet {
                entity.kind = EntityKind::Organisation;
                self.organisations.push(id);
            }
            let entity = self.get_mut(id);
            if let Some(role) = np.role {
                let source = if np.role_is_appositive {
                    RoleSource::Appositive
                } else {
                    RoleSource::Title
                };
                match &entity.role {
                    None => entity.role = Some((role.to_owned(), source)),
                    Some((_, RoleSource::Title)) if source == RoleSource::Appositive => {
                        entity.role = Some((role.to_owned(), source));
                    }
                    _ => {}
                }
            }
            // The gender the role nouns mark together ("police spokeswoman"), read once.
            let role_gender = (!np.role_nouns.is_empty() && self.entities[id.ix()].gender.is_none())
                .then(|| lexicon.noun_gender(&np.role_nouns.as_slice().join(" ")))
                .flatten();
            for noun in np.role_nouns.iter() {
                let noun = noun.to_lowercase();
                let entity = &mut self.entities[id.ix()];
                if !entity.role_nouns.contains(&noun) {
                    entity.role_nouns.push(noun.clone());
                    self.by_role_noun.entry(noun).or_default().push(id);
                }
                let entity = &mut self.entities[id.ix()];
                if entity.kind == EntityKind::Unknown {
                    entity.kind = EntityKind::Person;
                }
                if let Some(g) = role_gender {
                    entity.gender.get_or_insert(g);
                }
            }
            if let Some(acronym) = np.acronym {
                self.entities[id.ix()].acronym = Some(acronym.to_owned());
                self.by_acronym.insert(acronym.to_owned(), id);
            }
        }
        self.tick(id);
        id
    }

    fn find_name(&self, name: &ReadName<'_>, lexicon: &Lexicon) -> Option<EntityId> {
        if let Some(&id) = self.by_name.get(name.name) {
            return Some(id);
        }
        if let Some(&id) = self.by_acronym.get(name.name) {
            return Some(id);
        }
        if name.is_full() {
            return None;
        }
        // A single word: the person whose family name it is, else whose name holds it.
        let word = name.first_word().trim_end_matches(['’', '\'']);
        let candidates = self.by_word.get(word)?;
        candidates
            .iter()
            .copied()
            .filter(|&id| {
                let e = self.get(id);
                name.gender.is_none() || e.gender.is_none() || e.gender == name.gender
            })
            .max_by_key(|&id| {
                let e = self.get(id);
                let family = matches!(e.kind, EntityKind::Person | EntityKind::Unknown)
                    && family_name(&e.words, lexicon) == word;
                (family, e.words.len() > 1, e.last_seen)
            })
    }

    fn add(&mut self, name: &ReadName<'_>, lexicon: &Lexicon) -> EntityId {
        let words: Vec<String> = name.words().map(str::to_owned).collect();
        let kind = if name.outlet {
            EntityKind::Outlet
        } else if name.event {
            EntityKind::Event
        } else if name.organisation {
            EntityKind::Organisation
        } else if words
            .iter()
            .all(|w| lexicon.places.contains(w) || lexicon.compass_words.contains(w))
            && words.iter().any(|w| lexicon.places.contains(w))
        {
            EntityKind::Place
        } else if name.gender.is_some() || name.title.is_some() || words.len() > 1 {
            EntityKind::Person
        } else {
            EntityKind::Unknown
        };
        // "Kestrian Dockworkers' Federation" answers to "Federation"; "Ruiz’s" to "Ruiz".
        let bare: Vec<String> = if words.len() > 1 {
            words
                .iter()
                .filter_map(|w| {
                    let bare = w.trim_end_matches(['’', '\'']);
                    (bare != w).then(|| bare.to_owned())
                })
                .collect()
        } else {
            Vec::new()
        };
        let id = self.insert(name.name.to_owned(), words, kind, name.gender);
        for word in bare {
            self.by_word.entry(word).or_default().push(id);
        }
        id
    }

    /// Adds an entity, indexed by its name and each word of it.
    fn insert(&mut self, name: String, words: Vec<String>, kind: EntityKind, gender: Option<Gender>) -> EntityId {
        let id = EntityId::from_ix(self.entities.len());
        for word in &words {
            self.by_word.entry(word.clone()).or_default().push(id);
        }
        self.by_name.insert(name.clone(), id);
        if matches!(kind, EntityKind::Organisation | EntityKind::Outlet) {
            self.organisations.push(id);
        }
        self.entities.push(Entity {
            name,
            words,
            kind,
            gender,
            role: None,
            role_nouns: Vec::new(),
            acronym: None,
            short_used: None,
            last_seen: 0,
        });
        id
    }

    /// The body a common noun names ("the council", "Khevra’s foreign ministry"): the most
    /// recent body whose name holds the noun, else one named by the phrase itself.
    pub(crate) fn organisation(&mut self, phrase: &str, head: &str, generic: bool, outlet_noun: bool) -> EntityId {
        let head_cap = capitalise(head);
        let recent = &self.organisations[self.organisations.len().saturating_sub(RECENT_ORGANISATIONS)..];
        let found = recent
            .iter()
            .copied()
            .filter(|&id| {
                let e = self.get(id);
                (e.kind == EntityKind::Organisation || e.kind == EntityKind::Outlet && outlet_noun)
                    && (generic
                        || e.words
                            .iter()
                            .any(|w| w.eq_ignore_ascii_case(&head_cap) || w.eq_ignore_ascii_case(head)))
            })
            .max_by_key(|&id| self.get(id).last_seen);
        // "Khevra’s foreign ministry" is its own body, not the last ministry named.
        let owned = phrase.contains(['’', '\'']) || phrase.split_whitespace().count() > 1;
        let id = match found {
            Some(id) if !owned => id,
            _ => {
                let name = capitalise(phrase);
                match self.by_name.get(&name) {
                    Some(&id) => id,
                    None => {
                        let words: Vec<String> = name.split_whitespace().map(str::to_owned).collect();
                        let kind = if outlet_noun {
                            EntityKind::Outlet
                        } else {
                            EntityKind::Organisation
                        };
                        self.insert(name, words, kind, None)
                    }
                }
            }
        };
        self.tick(id);
        id
    }

    /// The person the article has described with this role noun ("the striker"), if exactly
    /// one has it, or the most recently mentioned of those who do.
    pub(crate) fn by_role_noun(&self, noun: &str) -> Option<EntityId> {
        let noun = noun.to_lowercase();
        let ids = self.by_role_noun.get(&noun)?;
        ids[ids.len().saturating_sub(RECENT_ORGANISATIONS)..]
            .iter()
            .copied()
            .max_by_key(|&id| self.get(id).last_seen)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::mentions::{Para, Referent, read_np};
    use crate::parse::tokens::TokenId;

    fn name_of(register: &mut Register, text: &str, lexicon: &Lexicon) -> EntityId {
        let para = Para::new(text, lexicon);
        let np = read_np(&para, TokenId(0), TokenId::from_ix(para.toks.len())).unwrap();
        let Referent::Name(name) = &np.referent else {
            panic!("not a name: {text}")
        };
        register.name(name, Some(&np), lexicon)
    }

    #[test]
    fn surnames_acronyms_and_role_nouns_find_their_entity() {
        let lexicon = Lexicon::builtin();
        let mut register = Register::default();
        let doyle = name_of(&mut register, "Ann Doyle, Lawson's agent, said", &lexicon);
        let ifs = name_of(&mut register, "The Institute for Fiscal Studies (IFS) said", &lexicon);
        assert_eq!(name_of(&mut register, "Doyle said", &lexicon), doyle);
        assert_eq!(name_of(&mut register, "IFS said", &lexicon), ifs);
        assert_eq!(register.by_role_noun("agent"), Some(doyle));
        assert_eq!(register.get(ifs).kind, EntityKind::Organisation);
        let kim = name_of(&mut register, "North Korean leader Kim Jong-un said", &lexicon);
        assert_eq!(name_of(&mut register, "Kim said", &lexicon), kim);
        assert_eq!(
            register.get(kim).role.as_ref().map(|r| r.0.as_str()),
            Some("North Korean leader")
        );
    }
}
