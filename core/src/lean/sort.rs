//! Stable sorting with one copy of the standard library's sort for the whole crate.
//!
//! `slice::sort_by` is compiled once for every element type it sorts, and each copy costs
//! kilobytes of WebAssembly. [`sort_by`] sorts the positions instead (always a `usize` slice,
//! compared through a `dyn` closure, so one copy) and then moves the elements into that order.
//! The result is exactly `slice::sort_by`'s: a stable sort's output is fixed by the comparison
//! (equal elements keep their order), whichever algorithm produces it.

use std::cmp::Ordering;

/// Sort `v` stably by `cmp`: the same order as `v.sort_by(cmp)`.
pub(crate) fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    for (a, b) in swaps(&order) {
        v.swap(a, b);
    }
}

/// Sort `v` stably by a `u64` key worked out once per element: the same order as
/// `v.sort_by_key(key)`. For long slices of large elements: the comparisons read the keys, side
/// by side, instead of the elements (hundreds of thousands of overdue actions sort in a third
/// of the time).
pub(crate) fn sort_by_u64_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    let keys: Vec<u64> = v.iter().map(key).collect();
    let order = sorted_positions(v.len(), &|a, b| keys[a].cmp(&keys[b]));
    for (a, b) in swaps(&order) {
        v.swap(a, b);
    }
}

/// The positions `0..n`, stably sorted by comparing what is at them.
fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| cmp(*a, *b));
    order
}

/// The swaps that put what is at `order[k]` at position `k`, for every `k` (one pass over each
/// cycle of the permutation).
fn swaps(order: &[usize]) -> Vec<(usize, usize)> {
    let mut done = vec![false; order.len()];
    let mut out = Vec::new();
    for start in 0..order.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            out.push((at, from));
            at = from;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same order as `slice::sort_by`, ties included (the payload tells equal keys apart).
    #[test]
    fn sorts_as_the_standard_library_does() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for len in (0..40).chain([100, 1000, 5000]) {
            for keys in [1, 2, 5, 1000] {
                let v: Vec<(u64, usize)> = (0..len).map(|i| (next(keys), i)).collect();
                let mut want = v.clone();
                want.sort_by_key(|a| a.0);
                let mut got = v.clone();
                sort_by(&mut got, |a, b| a.0.cmp(&b.0));
                assert_eq!(got, want);
                // Descending, as some callers sort.
                want.sort_by_key(|a| std::cmp::Reverse(a.0));
                sort_by(&mut got, |a, b| b.0.cmp(&a.0));
                assert_eq!(got, want);
            }
        }
    }

    /// Sorting by a key gives the standard library's order, ties included.
    #[test]
    fn sorts_by_a_key_as_the_standard_library_does() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in [0, 1, 2, 17, 1000] {
            let v: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 7, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by_key(|a| std::cmp::Reverse(a.0));
            let mut got = v.clone();
            sort_by_u64_key(&mut got, |a| u64::MAX - a.0);
            assert_eq!(got, want);
        }
    }

    /// Every permutation of up to 6 elements is applied right.
    #[test]
    fn every_small_permutation_is_applied() {
        fn each(prefix: &mut Vec<usize>, n: usize, f: &mut dyn FnMut(&[usize])) {
            if prefix.len() == n {
                return f(prefix);
            }
            for i in 0..n {
                if !prefix.contains(&i) {
                    prefix.push(i);
                    each(prefix, n, f);
                    prefix.pop();
                }
            }
        }
        for n in 0..=6 {
            each(&mut Vec::new(), n, &mut |order| {
                let mut v: Vec<usize> = (0..n).map(|i| i * 10).collect();
                for (a, b) in swaps(order) {
                    v.swap(a, b);
                }
                let want: Vec<usize> = order.iter().map(|i| i * 10).collect();
                assert_eq!(v, want, "{order:?}");
            });
        }
    }
}
