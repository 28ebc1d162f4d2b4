//! orgbook: a static site generator for an organisation's handbook — team charters and
//! decision records in Markdown become a linked, searchable static site with an org map.
//!
//! The pipeline, one module per stage, each importing only from the stages before it:
//! [`config`] and [`load`] read the handbook into [`model`] documents (reading other tools'
//! Markdown with [`dialects`]), [`link`] resolves every reference into a [`link::Handbook`],
//! [`markdown`] renders bodies, [`health`] finds where the org is slow, [`render`] turns it
//! all into files and [`write`] puts them on disk atomically. [`site`] sequences the stages;
//! [`diagnostic`] is how every stage reports problems.

/// `println!` for output a reader may stop taking early (`orgbook check --format json |
/// head`): a closed pipe ends the printing, not the command, which finishes its work and
/// exits with its own code. `println!` panics there, with a backtrace.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stdout().lock(), $($arg)*);
    }};
}

/// [`outln!`] without the line end.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::write!(::std::io::stdout().lock(), $($arg)*);
    }};
}

/// [`outln!`] for standard error, where diagnostics go (`orgbook build 2>&1 | head`).
#[macro_export]
macro_rules! errln {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::writeln!(::std::io::stderr().lock(), $($arg)*);
    }};
}

/// A [`memchr::memmem::Finder`] for a constant needle, built on first use and kept: the
/// dialect scans look for a few dozen needles in every page, and building a searcher for
/// each look (`memmem::find`) cost about as much as the looks themselves (profile of a
/// 10,000-page build, docs/performance.md).
#[macro_export]
macro_rules! finder {
    ($needle:expr) => {{
        static FINDER: ::std::sync::LazyLock<::memchr::memmem::Finder<'static>> =
            ::std::sync::LazyLock::new(|| ::memchr::memmem::Finder::new($needle));
        &*FINDER
    }};
}

/// [`errln!`] without the line end.
#[macro_export]
macro_rules! err {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        let _ = ::std::write!(::std::io::stderr().lock(), $($arg)*);
    }};
}

pub mod checks;
pub mod claims;
pub mod clock;
pub mod code_owners;
pub mod config;
pub mod config_check;
#[cfg(test)]
mod cpu_time;
pub mod diag_fix;
pub mod diagnostic;
pub mod diagram;
pub mod dialects;
pub mod diff;
pub mod existing_site;
pub mod export;
pub mod fields;
pub mod gitdates;
pub mod health;
pub mod health_rules;
pub mod highlight;
pub mod html_policy;
pub mod import;
pub mod insight;
pub mod lang;
pub mod link;
pub mod load;
pub mod markdown;
pub mod math;
pub mod model;
pub mod orgmap;
pub mod redirect;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod site;
pub mod team_data;
pub mod text;
pub mod ui_text;
pub mod write;
