//! Percentages that add up to 100: largest-remainder rounding.

/// Whole percentages of `counts` that add up to exactly 100 (when the total is not zero), by
/// the largest-remainder method: every share is rounded down, then the points still missing go
/// one each to the shares with the largest remainders (ties to the earlier share). All zeros
/// when the total is zero.
///
/// ```
/// use actionplan::stats::percentages;
/// assert_eq!(percentages(&[64, 49, 1]), [56, 43, 1]);
/// assert_eq!(percentages(&[1, 1, 1]), [34, 33, 33]);
/// assert_eq!(percentages(&[0, 0]), [0, 0]);
/// ```
pub fn percentages(counts: &[usize]) -> Vec<u32> {
    let total: u128 = counts.iter().map(|c| *c as u128).sum();
    if total == 0 {
        return vec![0; counts.len()];
    }
    let mut out: Vec<u32> = Vec::with_capacity(counts.len());
    let mut rems: Vec<(u128, usize)> = Vec::with_capacity(counts.len());
    for (i, c) in counts.iter().enumerate() {
        let scaled = *c as u128 * 100;
        out.push((scaled / total) as u32);
        rems.push((scaled % total, i));
    }
    let given: u32 = out.iter().sum();
    let missing = 100u32.saturating_sub(given) as usize;
    crate::lean::sort::sort_by(&mut rems, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in rems.into_iter().take(missing) {
        out[i] += 1;
    }
    out
}

/// One whole percentage `part` of `whole` (rounded half up); `None` when `whole` is zero.
///
/// ```
/// assert_eq!(actionplan::stats::percent(2, 3), Some(67));
/// assert_eq!(actionplan::stats::percent(1, 0), None);
/// ```
pub fn percent(part: usize, whole: usize) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    Some(((part as u128 * 200 + whole as u128) / (whole as u128 * 2)) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_always_add_up_to_100() {
        for counts in [
            vec![1usize, 2, 3, 4, 5, 6, 7],
            vec![114, 0, 3],
            vec![1; 7],
            vec![999_999, 1],
            vec![5],
        ] {
            let p = percentages(&counts);
            assert_eq!(p.iter().sum::<u32>(), 100, "{counts:?} -> {p:?}");
        }
    }
}
