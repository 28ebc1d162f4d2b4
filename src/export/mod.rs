//! Exports for other tools: the handbook's teams, decisions and ownership as data.
//!
//! [`api`] is the JSON published with every build under `api/` (its schema is
//! docs/api.schema.json, explained in docs/api.md); [`backstage`] turns the team hierarchy
//! into Backstage catalog entities for `orgbook export backstage` (docs/backstage.md).
//! Both are pure functions of a linked [`Handbook`], so their output is deterministic:
//! the same handbook always gives byte-identical files.

pub mod api;
pub mod backstage;

use crate::diagnostic::Diagnostic;
use crate::link::Handbook;
use std::path::Path;

/// Loads and links the handbook at `root`, without rendering it: exports need the checked
/// structure (teams, parents, decisions), not pages. Returns the diagnostics as well;
/// callers refuse to export when any is an error, as `build` refuses to write. The stages
/// (and the fallback config when orgbook.toml is broken) are `build`'s: [`crate::site::linked`].
pub fn load_handbook(root: &Path) -> (Handbook, Vec<Diagnostic>) {
    let linked = crate::site::linked(root);
    (linked.handbook, linked.diags)
}
