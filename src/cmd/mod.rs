//! One module per subcommand; each exposes `execute(args) -> exit code`.

pub mod build;
pub mod check;
pub mod diff;
pub mod export;
pub mod import;
pub mod init;
pub mod new;
pub mod report;
pub mod serve;
