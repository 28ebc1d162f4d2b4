//! Front matter: split the `+++` TOML (or `---` YAML) block from the Markdown body and turn
//! it into a typed charter, decision or page, checking every key the format defines
//! (docs/format.md). One file per thing read: the block itself (`block`), charters
//! (`charter`), decision records (`decision`), pages (`page`), and the page names that make
//! a folder's index or a tool's home page (`index_and_home`); the files another tool wrote
//! where orgbook's belong, each told how to import them (`foreign`); and what several
//! readers share: the key lists they accept (`keys`) and the readers of one value
//! (`values`).

mod block;
mod charter;
mod decision;
mod foreign;
mod index_and_home;
mod keys;
mod page;
#[cfg(test)]
mod tests;
mod values;

pub use block::{Front, Syntax, split};
pub use charter::{charter, is_valid_slug, names_charter_keys, not_a_charter, role_leads};
pub use decision::{decision, decision_number};
pub use index_and_home::{
    INDEX_NAMES, home_of_a_tool, index_rank, is_dendron_root, is_folder_index,
};
pub use page::page;
