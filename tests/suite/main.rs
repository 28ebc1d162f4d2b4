//! Integration tests: one binary, one module per feature, each running the real `orgbook`
//! binary on fixture handbooks (tests/fixtures/) and asserting on parsed output.

mod harness;

mod bad_input;
mod build;
mod export;
mod org;
mod robustness;
mod workflow;
