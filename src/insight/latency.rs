//! How long decisions take: a list of durations in days summarised as its count, median
//! and 90th percentile, for the health page's velocity table and each person's page.

/// Days from `date` to `decided`, summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Latency {
    pub count: usize,
    pub median_days: i64,
    pub p90_days: i64,
}

/// Median and 90th percentile by the nearest-rank method (no interpolation: a reader can
/// point at the decision that took that long).
pub fn latency(mut values: Vec<i64>) -> Option<Latency> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let rank = |p: f64| -> i64 {
        let r = ((p * values.len() as f64).ceil() as usize).clamp(1, values.len());
        values[r - 1]
    };
    Some(Latency {
        count: values.len(),
        median_days: rank(0.5),
        p90_days: rank(0.9),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let l = latency(vec![10, 1, 2, 3, 4, 5, 6, 7, 8, 9]).unwrap();
        assert_eq!((l.count, l.median_days, l.p90_days), (10, 5, 9));
        let one = latency(vec![7]).unwrap();
        assert_eq!((one.median_days, one.p90_days), (7, 7));
        assert!(latency(vec![]).is_none());
    }
}
