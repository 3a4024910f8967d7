//! Sorting through one compiled copy of the standard library's stable sort.
//!
//! `slice::sort_by` and friends are generic over the element and the comparison, so each call
//! site compiled its own copy of the sort (driftsort or ipnsort with their small-sort networks:
//! ~200 KB of code for the crate's ~30 sorts, ~40 KB of the gzipped wasm). Here a sort orders
//! the positions `0..n` (always `usize`, through a `dyn` comparison, so one copy serves every
//! caller) and then moves the elements into that order. Stable everywhere: the crate's former
//! unstable sorts with a closure compared keys that tell their elements apart, so their results
//! are the same.
//!
//! Plain integers and pairs of them keep the standard `sort_unstable()`: with no closure, all
//! callers of one element type share one copy, which is faster than sorting positions (and
//! equal integers cannot be told apart, so stability does not matter).

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Up to this length a sort is an insertion sort (as the standard library's sorts also do).
const SMALL: usize = 20;

/// Sorts `v` stably by `cmp`, as `v.sort_by(cmp)` does.
pub(crate) fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() <= SMALL {
        // Insertion sort in place (stable: an element moves only past greater ones). Most of
        // the crate's sorts are this short and some run in hot loops: with every sort going
        // through the positions (an allocation, `dyn` calls), 50 articles took ~12% longer in
        // node. A few hundred bytes of code each.
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && cmp(&v[j - 1], &v[j]) == Ordering::Greater {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &mut |i, j| cmp(&v[i], &v[j]));
    permute(v, &mut order);
}

/// Sorts `v` stably by `key`, as `v.sort_by_key(key)` does.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, as `v.sort()` does.
pub(crate) fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The items as a set, inserted one by one: `collect()` into a `BTreeSet` sorts them first,
/// with a copy of the sort for each element type.
pub(crate) fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// The one instance of the standard library's sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&i, &j| cmp(i, j));
}

/// Rearranges `v` so that `v[k]` becomes the old `v[order[k]]`, following the cycles of the
/// permutation with swaps (no copy of the elements, so no `Clone` bound). Leaves `order` as
/// the identity.
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..v.len() {
        let mut k = start;
        loop {
            let from = std::mem::replace(&mut order[k], k);
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_the_standard_stable_sort() {
        // Keys with many ties, so stability shows; the payload tells equal keys apart.
        let mut seed = 0x2545_f491_u32;
        for n in [0, 1, 2, 3, 7, 20, 21, 64, 500] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 17;
                    seed ^= seed << 5;
                    (seed % 7, i)
                })
                .collect();
            let (mut ours, mut std) = (v.clone(), v.clone());
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n = {n}");
            let (mut ours, mut std) = (v.clone(), v);
            sort_by(&mut ours, |a, b| b.cmp(a));
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(ours, std, "n = {n}");
        }
        let mut words = vec!["b".to_string(), "a".to_string(), "c".to_string(), "a".to_string()];
        sort(&mut words);
        assert_eq!(words, ["a", "a", "b", "c"]);
    }
}
