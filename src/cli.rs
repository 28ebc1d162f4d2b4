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
    /// Check the handbook as `build` does, without writing anything (for CI)
    Check(CheckArgs),
    /// Serve the site locally, rebuilding what changes and reloading the browser
    Serve(ServeArgs),
    /// Start a new handbook in DIR: config, one group, one team, one decision, one page
    Init(InitArgs),
    /// Create a team charter or a decision record from the template, and print its path
    #[command(subcommand)]
    New(NewCommand),
    /// Convert records written for other tools into handbook files
    #[command(subcommand)]
    Import(ImportCommand),
    /// Export the handbook for other tools
    #[command(subcommand)]
    Export(ExportCommand),
    /// What changed about the organisation between two handbooks (folders or git revisions)
    Diff(DiffArgs),
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The handbook before: a folder, or a git revision of the repository holding --root
    /// (e.g. origin/main, HEAD~1, a commit)
    #[arg(value_name = "BASE")]
    pub base: String,
    /// The handbook after: a folder or a git revision [default: the handbook at --root as
    /// it is on disk]
    #[arg(value_name = "HEAD")]
    pub head: Option<String>,
    /// markdown (a pull-request comment) or json (for tools)
    #[arg(long, value_enum, default_value_t = DiffFormat::Markdown)]
    pub format: DiffFormat,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    Markdown,
    Json,
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
    /// Print how long each stage took
    #[arg(long)]
    pub timings: bool,
    /// Replace the output folder even if it is not empty and orgbook did not write it (its
    /// contents are deleted); never allows an output that is or holds the handbook's sources
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
    #[command(flatten)]
    pub report: ReportArgs,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    #[command(flatten)]
    pub root: RootArg,
    /// Port to listen on (0 picks a free one)
    #[arg(long, short = 'p', default_value_t = 1111)]
    pub port: u16,
    /// Address to listen on (an IP address, or `localhost`); anything but a loopback
    /// address exposes the handbook to your network
    #[arg(long, value_name = "ADDRESS", default_value = "127.0.0.1", value_parser = parse_bind)]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
}

fn parse_bind(s: &str) -> Result<std::net::IpAddr, String> {
    if s.eq_ignore_ascii_case("localhost") {
        return Ok(std::net::Ipv4Addr::LOCALHOST.into());
    }
    s.parse()
        .map_err(|_| format!("`{s}` is not an IP address (e.g. 127.0.0.1, ::1, 0.0.0.0)"))
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Folder for the new handbook (created if missing; must not hold a handbook yet)
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,
    /// The handbook's title [default: from the folder name]
    #[arg(long)]
    pub title: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum NewCommand {
    /// A team charter: content/teams/[PARENT/]SLUG.md
    Team(NewTeamArgs),
    /// A decision record with the next free number: content/decisions/NNNN-title.md
    Decision(NewDecisionArgs),
}

#[derive(Args, Debug)]
pub struct NewTeamArgs {
    /// The team's slug: its file name and URL (lowercase letters, digits, `-`)
    pub slug: String,
    /// Slug of the group (or team) this team belongs to
    #[arg(long, value_name = "SLUG")]
    pub parent: Option<String>,
    /// The team's name as people say it [default: from the slug]
    #[arg(long)]
    pub name: Option<String>,
    /// Make it a group (a team of teams) rather than a team
    #[arg(long)]
    pub group: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Args, Debug)]
pub struct NewDecisionArgs {
    /// A short statement of the decision, e.g. "Adopt a managed Kafka service"
    pub title: String,
    /// Slug of the team that owns the decision
    #[arg(long, value_name = "SLUG")]
    pub team: String,
    /// 1 = irreversible (escalated to named deciders), 2 = reversible
    #[arg(long = "type", value_name = "1|2", default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub decision_type: u8,
    /// Use this number instead of the next free one (refused if taken)
    #[arg(long, value_name = "N")]
    pub number: Option<u32>,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Architecture decision records (adr-tools / Nygard, MADR) from a folder
    Adr(ImportAdrArgs),
}

#[derive(Args, Debug)]
pub struct ImportAdrArgs {
    /// The folder holding the records (e.g. doc/adr or docs/decisions)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Slug of the team that owns the imported decisions [default: the handbook's only
    /// team, if it has exactly one]
    #[arg(long, value_name = "SLUG")]
    pub team: Option<String>,
    /// 1 = irreversible, 2 = reversible, for every imported decision (ADR formats have
    /// no such notion)
    #[arg(long = "type", value_name = "1|2", default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub decision_type: u8,
    /// Show what would be written without writing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// Backstage catalog entities: a Group per charter, a User per person
    Backstage(ExportBackstageArgs),
}

#[derive(Args, Debug)]
pub struct ExportBackstageArgs {
    /// Write catalog-info.yaml (a Location), groups.yaml and users.yaml into DIR
    /// [default: print every entity to standard output]
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub root: RootArg,
    #[command(flatten)]
    pub report: ReportArgs,
}
