//! Org insight: what the health page needs beyond counting findings — who decisions wait
//! on ([`people`]), metric values, targets and trends ([`metrics`]) and the small build-time
//! charts ([`svg`]: metric sparklines, decision velocity per quarter). Pure functions of the
//! linked handbook; `health` turns their results into findings, `render` into pages.

pub mod latency;
pub mod metrics;
pub mod people;
pub mod svg;
