//! Posting lists held compactly: a sorted list of rows when few rows hold the key, a bitmap with a rank table when many do.

/// Bits in a rank block: the rank table holds one count per this many bits.
const BLOCK_BITS: usize = 512;
/// 64-bit words in a rank block.
const BLOCK_WORDS: usize = BLOCK_BITS / 64;

/// The rows that hold one key (a word, a term, a speaker…), sorted and without repeats.
///
/// A common word is in a large share of all rows, and a list of `u32`s costs 32 bits a row
/// it holds; a bitmap costs one bit a row of the corpus. Each list takes whichever form is
/// smaller, so the commonest words cost a sixteenth of a list of their rows, and rare ones
/// stay lists. Both answer membership and rank (a row's position in the list, which the
/// term frequencies are aligned to) in constant or logarithmic time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Postings {
    /// The rows, in order.
    List(Box<[u32]>),
    /// Bit `r` is set when row `r` is held (boxed, so that the far commoner lists stay small).
    Bitmap(Box<Bitmap>),
}

/// The bits of a [`Postings::Bitmap`], with its rank table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Bitmap {
    /// The bits, 64 rows a word.
    words: Box<[u64]>,
    /// For each block of [`BLOCK_WORDS`] words, how many rows the blocks before it hold.
    ranks: Box<[u32]>,
    /// How many rows are held.
    len: u32,
}

impl Default for Postings {
    fn default() -> Self {
        Postings::List(Box::default())
    }
}

impl Postings {
    /// The smaller form of `rows` (sorted, without repeats), in a corpus of `total` rows.
    pub(super) fn new(rows: Vec<u32>, total: usize) -> Self {
        let word_count = total.div_ceil(64);
        let bitmap_bytes = word_count * 8 + word_count.div_ceil(BLOCK_WORDS) * 4;
        if rows.len() * 4 <= bitmap_bytes {
            return Postings::List(rows.into_boxed_slice());
        }
        let mut words = vec![0u64; word_count];
        for &row in &rows {
            if let Some(word) = words.get_mut(row as usize / 64) {
                *word |= 1 << (row % 64);
            }
        }
        let mut ranks = Vec::with_capacity(word_count.div_ceil(BLOCK_WORDS));
        let mut count = 0u32;
        for block in words.chunks(BLOCK_WORDS) {
            ranks.push(count);
            count += block.iter().map(|w| w.count_ones()).sum::<u32>();
        }
        Postings::Bitmap(Box::new(Bitmap {
            words: words.into_boxed_slice(),
            ranks: ranks.into_boxed_slice(),
            len: count,
        }))
    }

    /// How many rows are held.
    pub(super) fn len(&self) -> usize {
        match self {
            Postings::List(rows) => rows.len(),
            Postings::Bitmap(bits) => bits.len as usize,
        }
    }

    /// Whether `row` is held.
    pub(super) fn contains(&self, row: u32) -> bool {
        match self {
            Postings::List(rows) => rows.binary_search(&row).is_ok(),
            Postings::Bitmap(bits) => bits
                .words
                .get(row as usize / 64)
                .is_some_and(|word| word & (1 << (row % 64)) != 0),
        }
    }

    /// The position of `row` among the rows held, if it is held.
    pub(super) fn rank(&self, row: u32) -> Option<usize> {
        match self {
            Postings::List(rows) => rows.binary_search(&row).ok(),
            Postings::Bitmap(bits) => {
                let Bitmap { words, ranks, .. } = &**bits;
                let at = row as usize / 64;
                let bit = 1u64 << (row % 64);
                if words.get(at)? & bit == 0 {
                    return None;
                }
                let block = at / BLOCK_WORDS;
                let before: u32 = words[block * BLOCK_WORDS..at].iter().map(|w| w.count_ones()).sum();
                let below = (words[at] & (bit - 1)).count_ones();
                Some((ranks[block] + before + below) as usize)
            }
        }
    }

    /// The rows held, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        let (list, words) = match self {
            Postings::List(rows) => (&rows[..], &[][..]),
            Postings::Bitmap(bits) => (&[][..], &bits.words[..]),
        };
        list.iter()
            .copied()
            .chain(words.iter().enumerate().flat_map(|(at, &word)| {
                let base = (at * 64) as u32;
                BitsOf(word).map(move |bit| base + bit)
            }))
    }

    /// The rows held, as a list.
    pub(super) fn to_vec(&self) -> Vec<u32> {
        match self {
            Postings::List(rows) => rows.to_vec(),
            Postings::Bitmap(bits) => {
                let mut rows = Vec::with_capacity(bits.len as usize);
                rows.extend(self.iter());
                rows
            }
        }
    }

    /// The rows of `sorted` that are also held, in order.
    pub(super) fn intersect(&self, sorted: &[u32]) -> Vec<u32> {
        match self {
            Postings::List(rows) => intersect_sorted(sorted, rows),
            Postings::Bitmap(_) => sorted.iter().copied().filter(|&row| self.contains(row)).collect(),
        }
    }

    /// The heap it holds, in bytes.
    pub(super) fn heap_bytes(&self) -> usize {
        match self {
            Postings::List(rows) => rows.len() * 4,
            Postings::Bitmap(bits) => size_of::<Bitmap>() + bits.words.len() * 8 + bits.ranks.len() * 4,
        }
    }
}

/// The set bits of a word, lowest first.
struct BitsOf(u64);

impl Iterator for BitsOf {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.0 == 0 {
            return None;
        }
        let bit = self.0.trailing_zeros();
        self.0 &= self.0 - 1;
        Some(bit)
    }
}

/// The rows in both sorted lists, in order.
pub(super) fn intersect_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// The rows in either sorted list, sorted and without repeats.
pub(super) fn union_sorted(a: Vec<u32>, b: &[u32]) -> Vec<u32> {
    if b.is_empty() {
        return a;
    }
    if a.is_empty() {
        return b.to_vec();
    }
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j]);
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

/// The rows in any of the lists, sorted and without repeats.
pub(super) fn union_all(lists: &[&Postings]) -> Vec<u32> {
    match lists {
        [] => Vec::new(),
        [one] => one.to_vec(),
        _ => {
            let mut all: Vec<u32> = Vec::with_capacity(lists.iter().map(|l| l.len()).sum());
            for list in lists {
                all.extend(list.iter());
            }
            all.sort_unstable();
            all.dedup();
            all
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows 0, 3, 6… below `total`: dense enough to be held as a bitmap.
    fn every_third(total: u32) -> Vec<u32> {
        (0..total).step_by(3).collect()
    }

    #[test]
    fn each_list_takes_the_smaller_form() {
        assert!(matches!(
            Postings::new(vec![5, 900, 70_000], 100_000),
            Postings::List(_)
        ));
        assert!(matches!(
            Postings::new(every_third(100_000), 100_000),
            Postings::Bitmap(_)
        ));
        assert!(matches!(Postings::new(Vec::new(), 0), Postings::List(_)));
        let dense = Postings::new(every_third(100_000), 100_000);
        assert!(dense.heap_bytes() < every_third(100_000).len() * 4 / 8);
        assert_eq!(size_of::<Postings>(), 16, "a boxed slice, whichever its form");
    }

    #[test]
    fn both_forms_answer_alike() {
        for total in [40u32, 63, 64, 65, 511, 512, 513, 5_000] {
            let rows = every_third(total);
            let list = Postings::List(rows.clone().into_boxed_slice());
            let bitmap = Postings::new(rows.clone(), total as usize);
            assert!(matches!(bitmap, Postings::Bitmap(_)), "{total} rows");
            assert_eq!(bitmap.len(), rows.len());
            assert_eq!(bitmap.to_vec(), rows);
            assert_eq!(bitmap.iter().collect::<Vec<_>>(), rows);
            for row in 0..total + 70 {
                assert_eq!(bitmap.contains(row), list.contains(row), "row {row} of {total}");
                assert_eq!(bitmap.rank(row), list.rank(row), "row {row} of {total}");
            }
            let probe: Vec<u32> = (0..total).step_by(2).collect();
            assert_eq!(bitmap.intersect(&probe), list.intersect(&probe));
        }
    }

    #[test]
    fn union_and_intersection() {
        let a = Postings::new(vec![1, 4, 9], 10);
        let b = Postings::new(vec![2, 4, 8, 9], 10);
        assert_eq!(union_all(&[&a, &b]), [1, 2, 4, 8, 9]);
        assert_eq!(union_all(&[&a]), [1, 4, 9]);
        assert_eq!(union_all(&[]), Vec::<u32>::new());
        assert_eq!(a.intersect(&b.to_vec()), [4, 9]);
        assert_eq!(intersect_sorted(&[1, 2, 3], &[3, 4]), [3]);
        assert_eq!(union_sorted(vec![1, 3, 5], &[2, 3, 6, 7]), [1, 2, 3, 5, 6, 7]);
        assert_eq!(union_sorted(Vec::new(), &[2]), [2]);
    }
}
