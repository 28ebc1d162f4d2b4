//! Integration tests: one binary, one module per feature, each running the real `orgbook`
//! binary on fixture handbooks (tests/fixtures/) and asserting on parsed output.

mod browser;
mod browser_reading;
mod harness;

mod bad_input;
mod build;
mod check;
mod code_owners;
mod dialects;
mod docfx;
mod export;
mod github_markup;
mod held_bodies;
mod import;
mod insight;
mod layers;
mod left2;
mod left3;
mod left4;
mod left5;
mod left6;
mod left7;
mod left8;
mod moving_in;
mod navigation_files;
mod org;
mod reading;
mod robustness;
mod round18;
mod round19;
mod round20;
mod round21;
mod round22;
mod round23;
mod round24;
mod round25;
mod safety;
mod scale;
mod search;
mod search_js;
mod search_reading;
mod serve;
mod shapes;
mod wikis;
mod workflow;
