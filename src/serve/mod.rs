//! `orgbook serve`: (placeholder while the module is written)

mod deps;
pub mod model;

#[cfg(test)]
mod tests;
