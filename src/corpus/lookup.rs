//! Lookup by key without a hash map: item numbers sorted by their key, found by binary search.

use std::cmp::Ordering;

/// The numbers of a list's items, sorted by a key each item already holds (a slug, a name).
///
/// Four bytes an item, where a hash map from owned keys costs some sixty (the key copied,
/// the slot, and room to grow); with a lookup a request, the binary search's few comparisons
/// cost nothing that shows.
#[derive(Debug, Default)]
pub(super) struct SortedBy(Box<[u32]>);

impl SortedBy {
    /// Items `0..count` sorted by `key` (computed once an item).
    pub(super) fn new<K: Ord>(count: usize, key: impl Fn(usize) -> K) -> Self {
        let mut items: Vec<u32> = (0..count).filter_map(|i| u32::try_from(i).ok()).collect();
        items.sort_by_cached_key(|&i| key(i as usize));
        SortedBy(items.into_boxed_slice())
    }

    /// The items whose key compares equal, where `compare` gives an item's key's ordering
    /// against the wanted one; in order of their number.
    pub(super) fn equal(&self, compare: impl Fn(usize) -> Ordering) -> &[u32] {
        let start = self.0.partition_point(|&i| compare(i as usize) == Ordering::Less);
        let end = start + self.0[start..].partition_point(|&i| compare(i as usize) != Ordering::Greater);
        &self.0[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_item_with_the_key() {
        let keys = ["town", "cho", "town", "park", "seiler"];
        let sorted = SortedBy::new(keys.len(), |i| keys[i]);
        let find = |wanted: &str| sorted.equal(|i| keys[i].cmp(wanted)).to_vec();
        assert_eq!(find("town"), [0, 2], "ties keep item order");
        assert_eq!(find("cho"), [1]);
        assert_eq!(find("seiler"), [4]);
        assert_eq!(find("kim"), Vec::<u32>::new());
        assert_eq!(find("zzz"), Vec::<u32>::new());
        assert_eq!(SortedBy::default().equal(|_| Ordering::Equal), &[] as &[u32]);
    }
}
