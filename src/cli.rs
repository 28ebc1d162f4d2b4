//! Command-line interface: the subcommands and their flags (clap derive). Parsing only; each
//! subcommand's behaviour lives in `cmd/`.

use clap::{Args, Parser, Subcommand};
use orgbook::diagnostic::Format;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(name = "orgbook", version, about = "Build a linked, searchable handbook of team charters and decision records", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the site into the output folder (default: public/)
    Build(BuildArgs),
}

#[derive(Args, Debug, Clone)]
pub struct RootArg {
    /// Handbook folder (the one with orgbook.toml); defaults to the current folder or the
    /// nearest parent with an orgbook.toml
    #[arg(long, short = 'r', value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

#[derive(Args, Debug, Clone)]
pub struct ReportArgs {
    /// How to print diagnostics
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Treat warnings as errors
    #[arg(long)]
    pub strict: bool,
}

#[derive(Args, Debug)]
pub struct BuildArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Output folder, replaced atomically when the build succeeds [default: public/ beside
    /// orgbook.toml]
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub report: ReportArgs,
}
