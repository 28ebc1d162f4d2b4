//! "Today", decided in one place: the local calendar date, or the date in `ORGBOOK_TODAY`
//! when that variable is set.
//!
//! Health findings age against today, scaffolded files are dated today and imported
//! records without a date fall back to it; tests and reproducible builds pin it with the
//! variable. Reading the override anywhere else would let two parts of one run disagree
//! about the date.

use jiff::civil::Date;

/// The environment variable that pins "today", as `YYYY-MM-DD`.
pub const TODAY_ENV: &str = "ORGBOOK_TODAY";

/// `ORGBOOK_TODAY` is set but is not a date.
#[derive(Debug, thiserror::Error)]
#[error("{TODAY_ENV}={value:?} is not a date: expected YYYY-MM-DD")]
pub struct BadToday {
    pub value: String,
}

/// Today's date: `ORGBOOK_TODAY` if set to a date, else the local date. A malformed
/// override is ignored here; commands that write dates into files use [`try_today`] so
/// that a pinned date that does not parse is an error rather than a silent surprise.
pub fn today() -> Date {
    try_today().unwrap_or_else(|_| local_today())
}

/// Today's date: `ORGBOOK_TODAY` if set and non-empty, else the local date.
pub fn try_today() -> Result<Date, BadToday> {
    match std::env::var(TODAY_ENV) {
        Ok(value) if !value.trim().is_empty() => parse(&value),
        _ => Ok(local_today()),
    }
}

fn local_today() -> Date {
    jiff::ZonedDateTime::now().date()
}

fn parse(value: &str) -> Result<Date, BadToday> {
    value.trim().parse::<Date>().map_err(|_| BadToday {
        value: value.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_dates_and_rejects_others() {
        assert_eq!(
            parse(" 2026-11-25 ").unwrap(),
            jiff::civil::date(2026, 11, 25)
        );
        assert!(parse("25/11/2026").is_err());
        assert!(parse("2026-02-30").is_err());
    }
}
