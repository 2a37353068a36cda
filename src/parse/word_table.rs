//! A table of words for the lexicon's lookups: a short ASCII word is packed into one integer,
//! so that most lookups hash and compare a number instead of a string. Words of up to eight
//! bytes (most English words) are packed into a `u64`, longer ones into a `u128`; packed keys
//! live in a small open-addressing table (a multiply, a shift and most often one comparison).

use std::ops::{Add, BitAnd, BitOr, Not, Shr};

use rustc_hash::FxHashMap;

/// Longest word, in bytes, that is packed into a key.
const PACKED_BYTES: usize = 16;
/// Longest word, in bytes, that is packed into a short key.
const SHORT_BYTES: usize = 8;

/// Words with a value each. Every word is stored as given; lookups match it exactly
/// ([`WordTable::get`]) or in any case ([`WordTable::get_folded`], for words stored in
/// lower case).
#[derive(Debug, Clone)]
pub(crate) struct WordTable<V> {
    /// ASCII words of 1 to 8 bytes, packed.
    short: PackedMap<u64, V>,
    /// ASCII words of 9 to 16 bytes, packed.
    packed: PackedMap<u128, V>,
    /// Every other word.
    other: FxHashMap<Box<str>, V>,
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        WordTable {
            short: PackedMap::default(),
            packed: PackedMap::default(),
            other: FxHashMap::default(),
        }
    }
}

impl<V: Copy> WordTable<V> {
    /// The value stored for `word`, creating it with `V::default()` first if it is new.
    pub(crate) fn entry(&mut self, word: &str) -> &mut V
    where
        V: Default,
    {
        match key_of(word, false) {
            Key::Short(key) => self.short.entry(key),
            Key::Packed(key) => self.packed.entry(key),
            Key::Other => self.other.entry(word.into()).or_default(),
        }
    }

    /// The value of `word` as written.
    pub(crate) fn get(&self, word: &str) -> Option<V> {
        match key_of(word, false) {
            Key::Short(key) => self.short.get(key),
            Key::Packed(key) => self.packed.get(key),
            Key::Other => self.get_other(word),
        }
    }

    /// [`WordTable::get`] for a word that does not pack: kept out of line, so that the
    /// packed lookups stay small and need no stack frame.
    #[cold]
    #[inline(never)]
    fn get_other(&self, word: &str) -> Option<V> {
        self.other.get(word).copied()
    }

    /// The value of `word` in any case; the table's words must be stored in lower case.
    pub(crate) fn get_folded(&self, word: &str) -> Option<V> {
        match key_of(word, true) {
            Key::Short(key) => self.short.get(key),
            Key::Packed(key) => self.packed.get(key),
            Key::Other => self.get_folded_other(word),
        }
    }

    /// [`WordTable::get_folded`] for a word that does not pack (not ASCII, or long), out of line.
    #[cold]
    #[inline(never)]
    fn get_folded_other(&self, word: &str) -> Option<V> {
        with_lowercase(word, |lower| self.get(lower))
    }

    /// Every word with its value, in no order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (String, V)> + '_ {
        self.short
            .iter()
            .map(|(key, value)| (unpack(u128::from(key)), value))
            .chain(self.packed.iter().map(|(key, value)| (unpack(key), value)))
            .chain(self.other.iter().map(|(word, &value)| (word.to_string(), value)))
    }
}

impl<S: AsRef<str>, V: Copy> FromIterator<(S, V)> for WordTable<V> {
    fn from_iter<I: IntoIterator<Item = (S, V)>>(items: I) -> Self {
        let mut table = WordTable::default();
        for (word, value) in items {
            let word = word.as_ref();
            match key_of(word, false) {
                Key::Short(key) => table.short.insert(key, value),
                Key::Packed(key) => table.packed.insert(key, value),
                Key::Other => {
                    table.other.insert(word.into(), value);
                }
            }
        }
        table
    }
}

/// A packed key: never zero (a packed word's first byte is not NUL), so zero marks an empty slot.
trait PackedKey: Copy + PartialEq {
    const EMPTY: Self;
    /// A well-mixed hash; its high bits pick the slot.
    fn hash(self) -> u64;
}

/// The multiplier of Fibonacci hashing: 2^64 over the golden ratio, odd.
const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

impl PackedKey for u64 {
    const EMPTY: Self = 0;
    #[inline]
    fn hash(self) -> u64 {
        self.wrapping_mul(GOLDEN)
    }
}

impl PackedKey for u128 {
    const EMPTY: Self = 0;
    #[inline]
    fn hash(self) -> u64 {
        let (low, high) = (self as u64, (self >> 64) as u64);
        (low ^ high.wrapping_mul(GOLDEN).rotate_left(32)).wrapping_mul(GOLDEN)
    }
}

/// An open-addressing table of packed keys, probed linearly from the hash's high bits and kept
/// at most half full, so that a probe ends at the key or at an empty slot within a step or two.
/// The keys stand apart from the values, so that probing reads a compact list (a lexicon's few
/// thousand words fit in the first-level cache).
#[derive(Debug, Clone)]
struct PackedMap<K, V> {
    /// Each slot's key, [`PackedKey::EMPTY`] when the slot is free; a power of two long.
    keys: Vec<K>,
    /// Each slot's value, `Some` exactly where the key is not empty.
    values: Vec<Option<V>>,
    /// Keys held.
    len: usize,
    /// 64 minus the log2 of the slot count: the hash shifted by it is a slot.
    shift: u32,
}

/// Fewest slots a table has (a shift of 64 would overflow).
const MIN_SLOTS: usize = 2;

impl<K: PackedKey, V> Default for PackedMap<K, V> {
    fn default() -> Self {
        Self::with_slots(MIN_SLOTS)
    }
}

impl<K: PackedKey, V> PackedMap<K, V> {
    fn with_slots(slots: usize) -> Self {
        PackedMap {
            keys: vec![K::EMPTY; slots],
            values: (0..slots).map(|_| None).collect(),
            len: 0,
            shift: 64 - slots.trailing_zeros(),
        }
    }
}

impl<K: PackedKey, V: Copy> PackedMap<K, V> {
    /// The slot that holds `key`, or the free slot where it would go.
    fn slot(&self, key: K) -> usize {
        let mask = self.keys.len() - 1;
        let mut at = (key.hash() >> self.shift) as usize;
        while let Some(&k) = self.keys.get(at)
            && k != key
            && k != K::EMPTY
        {
            at = (at + 1) & mask;
        }
        at
    }

    /// The value at `key`. It probes by itself rather than through [`PackedMap::slot`], so that
    /// a miss ends at the empty slot without reading the values (the hot path of every lookup).
    #[inline]
    fn get(&self, key: K) -> Option<V> {
        let mask = self.keys.len() - 1;
        let mut at = (key.hash() >> self.shift) as usize;
        loop {
            let k = *self.keys.get(at)?;
            if k == key {
                return self.values.get(at).copied().flatten();
            }
            if k == K::EMPTY {
                return None;
            }
            at = (at + 1) & mask;
        }
    }

    /// The value at `key`, `V::default()` put there first if it is new.
    fn entry(&mut self, key: K) -> &mut V
    where
        V: Default,
    {
        let at = self.claim(key);
        self.values[at].get_or_insert_with(V::default)
    }

    fn insert(&mut self, key: K, value: V) {
        let at = self.claim(key);
        self.values[at] = Some(value);
    }

    /// The slot for `key`, taken for it (the table grown first when a new key would fill
    /// more than half of it).
    fn claim(&mut self, key: K) -> usize {
        let mut at = self.slot(key);
        if self.keys[at] == K::EMPTY {
            if 2 * (self.len + 1) > self.keys.len() {
                self.grow();
                at = self.slot(key);
            }
            self.keys[at] = key;
            self.len += 1;
        }
        at
    }

    fn grow(&mut self) {
        let mut bigger = Self::with_slots(2 * self.keys.len());
        for (key, value) in self.iter() {
            bigger.insert(key, value);
        }
        *self = bigger;
    }

    /// Every key with its value, in no order.
    fn iter(&self) -> impl Iterator<Item = (K, V)> + '_ {
        self.keys
            .iter()
            .zip(&self.values)
            .filter_map(|(&key, value)| value.map(|value| (key, value)))
    }
}

/// Calls `f` with `word` lower-cased, without allocating for short ASCII words.
fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    if !word.chars().any(char::is_uppercase) {
        return f(word);
    }
    let mut buffer = [0u8; 64];
    if word.is_ascii() && word.len() <= buffer.len() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    // Other words ("Korea’s", "Zoë") are lower-cased into the buffer when they fit.
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        if len + c.len_utf8() > buffer.len() {
            return f(&word.to_lowercase());
        }
        len += c.encode_utf8(&mut buffer[len..]).len();
    }
    match std::str::from_utf8(&buffer[..len]) {
        Ok(lower) => f(lower),
        Err(_) => f(&word.to_lowercase()),
    }
}

/// Where a word is kept in a [`WordTable`].
enum Key {
    /// 1 to 8 bytes of ASCII without a NUL.
    Short(u64),
    /// 9 to 16 bytes of ASCII without a NUL.
    Packed(u128),
    /// Any other word, kept as a string.
    Other,
}

/// The key of `word`, lower-cased first when `lowercase` is set.
#[inline]
fn key_of(word: &str, lowercase: bool) -> Key {
    let packed = if word.len() <= SHORT_BYTES {
        pack_short(word, lowercase).map(Key::Short)
    } else {
        pack_with(word, lowercase).map(Key::Packed)
    };
    packed.unwrap_or(Key::Other)
}

/// Each byte of a `u64` set to 1.
const ONES_64: u64 = u64::MAX / 0xff;
/// The high bit of each byte of a `u64`.
const HIGHS_64: u64 = ONES_64 * 0x80;

/// [`pack_with`] for a word of up to eight bytes, in a `u64` (half the arithmetic).
fn pack_short(word: &str, lowercase: bool) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > SHORT_BYTES {
        return None;
    }
    let in_word = HIGHS_64 >> (8 * (SHORT_BYTES - bytes.len()));
    checked_lanes(load_short(bytes), in_word, lowercase)
}

/// `word` packed as written, when it is 1 to 16 bytes of ASCII without a NUL.
#[cfg(test)]
fn pack(word: &str) -> Option<u128> {
    pack_with(word, false)
}

/// `word` lower-cased and packed, when it is 1 to 16 bytes of ASCII without a NUL.
#[cfg(test)]
fn pack_lowercase(word: &str) -> Option<u128> {
    pack_with(word, true)
}

/// Each byte of a `u128` set to 1.
const ONES: u128 = u128::MAX / 0xff;
/// The high bit of each byte.
const HIGHS: u128 = ONES * 0x80;

/// For each word length, the high bits of the bytes the word fills (a table, because a
/// shift of a `u128` by a variable amount takes a dozen instructions).
const HIGHS_IN_WORD: [u128; PACKED_BYTES + 1] = {
    let mut table = [0u128; PACKED_BYTES + 1];
    let mut len = 1;
    while len <= PACKED_BYTES {
        table[len] = HIGHS >> (8 * (PACKED_BYTES - len));
        len += 1;
    }
    table
};

/// Packs the word's bytes into one integer (the first byte lowest), testing and lower-casing
/// all sixteen bytes at once (see [`checked_lanes`]).
fn pack_with(word: &str, lowercase: bool) -> Option<u128> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > PACKED_BYTES {
        return None;
    }
    checked_lanes(load(bytes), HIGHS_IN_WORD[bytes.len()], lowercase)
}

/// An integer holding a word one byte a lane: the arithmetic both key widths share.
trait Lanes:
    Copy
    + PartialEq
    + Add<Output = Self>
    + BitAnd<Output = Self>
    + BitOr<Output = Self>
    + Not<Output = Self>
    + Shr<u32, Output = Self>
{
    const ZERO: Self;
    /// Every lane set to `byte`.
    fn splat(byte: u8) -> Self;
}

impl Lanes for u64 {
    const ZERO: Self = 0;
    fn splat(byte: u8) -> Self {
        ONES_64 * u64::from(byte)
    }
}

impl Lanes for u128 {
    const ZERO: Self = 0;
    fn splat(byte: u8) -> Self {
        ONES * u128::from(byte)
    }
}

/// A word's bytes loaded into `key` (the first byte lowest, zeros past the word), tested and
/// lower-cased all at once: `None` when a byte is not ASCII or a NUL stands in the word
/// (`in_word` holds the high bit of each byte the word fills). A byte below 0x80 plus a
/// constant sets its high bit exactly when it is at least `0x80 - constant`, and no sum carries
/// into the next byte.
#[inline]
fn checked_lanes<K: Lanes>(key: K, in_word: K, lowercase: bool) -> Option<K> {
    let highs = K::splat(0x80);
    if key & highs != K::ZERO {
        return None; // not ASCII
    }
    // A NUL inside the word would read as padding.
    if (key + K::splat(0x7f)) & in_word != in_word {
        return None;
    }
    if !lowercase {
        return Some(key);
    }
    let from_a = (key + K::splat(0x80 - b'A')) & highs;
    let past_z = (key + K::splat(0x80 - b'Z' - 1)) & highs;
    Some(key | ((from_a & !past_z) >> 2))
}

/// The 1 to 16 bytes as one integer, the first byte lowest, by a few overlapping loads.
fn load(bytes: &[u8]) -> u128 {
    let len = bytes.len();
    let u64_at = |at: usize| {
        bytes.get(at..at + 8).map_or(0, |b| {
            u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
        })
    };
    if len <= SHORT_BYTES {
        return u128::from(load_short(bytes));
    }
    // The last eight bytes, moved down past the first eight.
    let high = u64_at(len - 8) >> (8 * (PACKED_BYTES - len));
    u128::from(u64_at(0)) | (u128::from(high) << 64)
}

/// The 1 to 8 bytes as one integer, the first byte lowest, by a few overlapping loads.
#[inline]
fn load_short(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let u32_at = |at: usize| {
        bytes
            .get(at..at + 4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let byte_at = |at: usize| u64::from(bytes.get(at).copied().unwrap_or(0));
    if len == SHORT_BYTES {
        bytes.get(..8).map_or(0, |b| {
            u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
        })
    } else if len >= 4 {
        u64::from(u32_at(0)) | (u64::from(u32_at(len - 4)) << (8 * (len - 4)))
    } else {
        byte_at(0) | (byte_at(len / 2) << (8 * (len / 2))) | (byte_at(len - 1) << (8 * (len - 1)))
    }
}

/// The word a packed key holds.
fn unpack(key: u128) -> String {
    key.to_le_bytes()
        .iter()
        .take_while(|&&byte| byte != 0)
        .map(|&byte| char::from(byte))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(words: &[&str]) -> WordTable<u8> {
        words.iter().map(|w| (*w, 1)).collect()
    }

    #[test]
    fn short_and_long_words_are_found_as_written() {
        let t = table(&["said", "spokeswoman", "internationalisation", "Zoë", "x"]);
        for word in ["said", "spokeswoman", "internationalisation", "Zoë", "x"] {
            assert_eq!(t.get(word), Some(1), "{word}");
        }
        for word in ["Said", "sai", "saidx", "", "zoë", "internationalisatio"] {
            assert_eq!(t.get(word), None, "{word}");
        }
    }

    #[test]
    fn folded_lookups_match_any_case() {
        let t = table(&["said", "according", "internationalisation", "zoë", "k"]);
        for word in ["SAID", "Said", "According", "INTERNATIONALISATION", "Zoë", "ZOË", "K"] {
            assert_eq!(t.get_folded(word), Some(1), "{word}");
        }
        // The Kelvin sign lower-cases to an ASCII "k".
        assert_eq!(t.get_folded("\u{212A}"), Some(1));
        assert_eq!(t.get_folded("Sayid"), None);
    }

    #[test]
    fn packing_lower_cases_letters_only() {
        let all: String = (1u8..=0x7f).map(char::from).collect();
        for chunk in all.as_bytes().chunks(16) {
            let word = std::str::from_utf8(chunk).unwrap();
            let expected = u128::from_le_bytes({
                let mut b = [0u8; 16];
                b[..chunk.len()].copy_from_slice(word.to_ascii_lowercase().as_bytes());
                b
            });
            assert_eq!(pack_lowercase(word), Some(expected), "{word:?}");
            assert_eq!(unpack(pack(word).unwrap()), word);
        }
        for len in 1..=16 {
            let word: String = "abcdefghijklmnop"[..len].to_owned();
            assert_eq!(unpack(pack(&word).unwrap()), word);
        }
        assert_eq!(pack(&"a".repeat(17)), None);
        assert_eq!(pack(""), None);
    }

    #[test]
    fn short_keys_are_the_low_half_of_long_ones() {
        let all: String = (1u8..=0x7f).map(char::from).collect();
        for len in 1..=SHORT_BYTES {
            for chunk in all.as_bytes().chunks(len) {
                let word = std::str::from_utf8(chunk).unwrap();
                for lowercase in [false, true] {
                    let long = pack_with(word, lowercase).map(|key| key as u64);
                    assert_eq!(pack_short(word, lowercase), long, "{word:?}");
                }
            }
        }
        assert_eq!(pack_short("abcdefghi", false), None);
        assert_eq!(pack_short("ab\0", false), None);
        assert_eq!(pack_short("é", true), None);
    }

    #[test]
    fn a_nul_byte_is_not_padding() {
        let t = table(&["ab"]);
        assert_eq!(t.get("ab\0"), None);
        assert_eq!(pack("\0ab"), None);
        assert_eq!(pack(&"b".repeat(15).chars().chain(['\0']).collect::<String>()), None);
        assert_eq!(t.get_folded("AB\0"), None);
    }

    #[test]
    fn the_packed_map_finds_every_key_it_grew_around() {
        let mut map: PackedMap<u64, u32> = PackedMap::default();
        for key in 1..=5000u64 {
            map.insert(key * 0x0101, u32::try_from(key).unwrap());
            assert!(2 * map.len <= map.keys.len(), "at most half full");
        }
        for key in 1..=5000u64 {
            assert_eq!(map.get(key * 0x0101), Some(u32::try_from(key).unwrap()));
            assert_eq!(map.get(key * 0x0101 + 1), None);
        }
        *map.entry(0x0101) += 10;
        assert_eq!(map.get(0x0101), Some(11));
        assert_eq!(map.iter().count(), 5000);
        let mut long: PackedMap<u128, ()> = PackedMap::default();
        long.insert(1 << 100, ());
        assert_eq!(long.get(1 << 100), Some(()));
        assert_eq!(long.get(1 << 36), None);
        assert_eq!(PackedMap::<u64, u8>::default().get(7), None);
    }

    #[test]
    fn entries_accumulate_and_iterate_back() {
        let mut t: WordTable<u32> = WordTable::default();
        *t.entry("said") |= 1;
        *t.entry("said") |= 4;
        *t.entry("internationalisation") |= 2;
        let mut all: Vec<(String, u32)> = t.iter().collect();
        all.sort();
        assert_eq!(
            all,
            vec![("internationalisation".to_owned(), 2), ("said".to_owned(), 5)]
        );
    }
}
