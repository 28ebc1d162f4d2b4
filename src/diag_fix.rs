//! Small judgements that make a diagnostic say the right thing (issue 11, item 8): whether
//! text the TOML reader rejected is an impossible date (`2026-02-30` is `invalid-date`, not
//! a syntax error), and what is shaped like a date.

/// `YYYY-MM-DD` by shape, whatever the numbers.
pub fn looks_like_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// `s` (the text a TOML error points at) if it is shaped like a date but is not one.
pub fn impossible_date(s: &str) -> Option<&str> {
    let s = s.trim();
    if !looks_like_date(s) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<i64>().ok();
    let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
    let real = i16::try_from(y)
        .ok()
        .and_then(|y| jiff::civil::Date::new(y, m as i8, d as i8).ok())
        .is_some();
    (!real).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(looks_like_date("2026-02-30"));
        assert!(!looks_like_date("soon"));
        assert_eq!(impossible_date("2026-02-30"), Some("2026-02-30"));
        assert_eq!(impossible_date("2026-13-01"), Some("2026-13-01"));
        assert_eq!(impossible_date("2026-02-28"), None);
        assert_eq!(impossible_date("x = 1"), None);
    }
}
