//! Integration tests: one binary, one module per feature, each running the real `orgbook`
//! binary on fixture handbooks (tests/fixtures/) and asserting on parsed output.

mod browser;
mod harness;

mod bad_input;
mod build;
mod check;
mod export;
mod import;
mod insight;
mod moving_in;
mod org;
mod robustness;
mod safety;
mod search;
mod search_js;
mod serve;
mod workflow;
