//! One module per subcommand; each exposes `execute(args) -> exit code`.

pub mod build;
pub mod report;
