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

/// How the commands that compute org health (`build`, `check`) print its findings; apart
/// from [`ReportArgs`] so that commands without findings (`export`) do not accept a flag
/// that would do nothing.
#[derive(Args, Debug, Clone)]
pub struct FindingsArgs {
    /// Print every org health finding. Without it, human and github output show the first
    /// 3 findings of each rule and one line counting the rest (json always has them all;
    /// health.html lists them all)
    #[arg(long)]
    pub all_findings: bool,
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
    #[command(flatten)]
    pub findings: FindingsArgs,
    /// Print how long each stage took
    #[arg(long)]
    pub timings: bool,
    /// Write to the output folder even if it is not empty and orgbook did not write it: what
    /// is in it is moved aside to DIR.before-orgbook, never deleted; never allows an output
    /// that is or holds the handbook's sources
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    pub root: RootArg,
    #[command(flatten)]
    pub report: ReportArgs,
    #[command(flatten)]
    pub findings: FindingsArgs,
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
    /// Only the config, a home page and one group: no sample team, decision or page
    /// (for a handbook that will be filled by `orgbook import`)
    #[arg(long)]
    pub empty: bool,
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
    /// The team's slug: its file name and URL (lowercase letters, digits, `-`); or its
    /// name, "Search Relevance", made the slug `search-relevance` and kept as its name
    #[arg(value_name = "SLUG|NAME")]
    pub slug: String,
    /// The group (or team) this team belongs to: its slug, or its name as pages show it
    #[arg(long, value_name = "TEAM")]
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
    /// The team that owns the decision: its slug, or its name as pages show it
    #[arg(long, value_name = "TEAM")]
    pub team: String,
    /// 1 = irreversible (escalated to named deciders), 2 = reversible
    #[arg(long = "type", value_name = "1|2", default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub decision_type: u8,
    /// Use this number instead of the next free one (refused if taken)
    #[arg(long, value_name = "N")]
    pub number: Option<u32>,
    /// The number of a decision this one would replace (repeat, or separate with commas);
    /// written as `supersedes`, and the old one stays in force until this one is accepted
    #[arg(long, value_name = "N", value_delimiter = ',')]
    pub supersedes: Vec<u32>,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Architecture decision records (adr-tools / Nygard, MADR, log4brains), RFCs (Rust's
    /// or Ember's layout) or KEPs (README.md + kep.yaml) from a folder
    #[command(after_long_help = IMPORT_ADR_GUESSES)]
    Adr(ImportAdrArgs),
    /// Team charters from a Backstage catalog (Group, User and owned entities)
    #[command(after_long_help = IMPORT_BACKSTAGE_GUESSES)]
    Backstage(ImportBackstageArgs),
    /// Team charters from Team Topologies' Team API documents (the template's fields, or
    /// its sections under YAML front matter)
    #[command(after_long_help = IMPORT_TEAM_API_GUESSES)]
    TeamApi(ImportTeamApiArgs),
    /// Team charters from a Kubernetes-style sigs.yaml (special interest groups, working
    /// groups, user groups and committees) or the CNCF TOC's tags.yaml (TAGs)
    #[command(after_long_help = IMPORT_SIGS_GUESSES)]
    Sigs(ImportSigsArgs),
    /// Team charters from the GitHub teams Prow's peribolos manages (org.yaml, teams.yaml;
    /// kubernetes/org's config/ folder)
    #[command(after_long_help = IMPORT_PERIBOLOS_GUESSES)]
    Peribolos(ImportPeribolosArgs),
    /// Team charters from a team registry kept the rust-lang/team way (teams/*.toml, with
    /// people/*.toml for names)
    #[command(after_long_help = IMPORT_RUST_TEAM_GUESSES)]
    RustTeam(ImportRustTeamArgs),
    /// Team charters from the service catalog files kept in each repository: OpsLevel
    /// (opslevel.yml), Cortex (cortex.yaml), Atlassian Compass (compass.yml) and Datadog
    /// (service.datadog.yaml), mixed as they come
    #[command(after_long_help = IMPORT_SERVICES_GUESSES)]
    Services(ImportServicesArgs),
}

const IMPORT_SERVICES_GUESSES: &str = "\
What is guessed, and how to control it (docs/import.md has every mapping):
  Files       Each PATH is a catalog file or a folder walked for opslevel.yml, cortex.yaml,
              compass.yml and service.datadog.yaml (any mix; hidden folders skipped). A
              Backstage catalog-info.yaml found there is named, for `import backstage`.
  Teams       One charter per owning team. Owners spelled differently are one team: the
              slug without a GitHub organisation or a leading or trailing `team`/`squad`
              (Payments, payments, team-payments, tidewater/payments). An address or a
              channel is a team's when its name is (payments-team@..., #payments).
  Owns        Each service (its name, tag or dd-service) once: the first file naming it
              decides its owner; a second owner is a note, never a second charter's item.
  --owner     NAME=TEAM gives the services of an owner no file names as a team (a Compass
              ownerId ARI, a person's address) to that team: a charter, or a new one.
  Unmapped    A service without owner, an owner that is no team, a scaffolding template
              ({{ .Name }}, ${TEAM}): a note with its file:line, nothing guessed.
  Problem     The files have no problem statement or metric: each team gets the scaffold's
              placeholders, which the health page lists as `placeholder-text`.
  Reviewed    When the team's files last changed in git; no history, no date.";

const IMPORT_RUST_TEAM_GUESSES: &str = "\
What is guessed, and how to control it (docs/import.md has every mapping):
  Files       PATH is the repository (teams/ and people/), its teams/ folder, or one team
              file; people/ is read beside teams/ for names, and for nothing else.
  Charters    One per team file, slug from the file name, under its `subteam-of`; a marker
              team or a team without people is a group when it has subteams, else skipped.
  Problem     The website description when it has four words or more, else the
              placeholder.
  People      The first lead is `lead`; leads and members are `members`, by the names in
              people/ (else the login); alumni are left out.
  Owns        The website's repo when it is a GitHub repository (`owner/repo`).
  Reviewed    When the team's file last changed in git; no history, no date.";

const IMPORT_PERIBOLOS_GUESSES: &str = "\
What is guessed, and how to control it (docs/import.md has every mapping):
  Files       PATH is one file, or a folder walked for every org.yaml and teams.yaml; a
              teams.yaml joins the organisation of the org.yaml in a folder above it.
  Charters    One group per organisation (its admins as members), one team per GitHub
              team under it, nested teams under their parent; a team named twice in an
              organisation is one charter, the first.
  Problem     The description when it has four words or more, else the placeholder.
  People      The first maintainer is `lead`; maintainers and members are `members`.
  Owns        Each repository (`org/repo`) is owned by the team with the strongest
              permission (admin, maintain, write, triage, read), the first on a tie; every
              team's permissions are listed in its body.
  Reviewed    When the team's file last changed in git; no history, no date.";

const IMPORT_ADR_GUESSES: &str = "\
What is guessed, and how to control it (docs/import.md has every mapping):
  Numbers     Source numbers that are free stay; clashing or duplicated ones, and
              date-named records (YYYYMMDD-slug.md, numbered in date order), get the next
              free numbers, and an old -> new table is printed. --offset N adds N to every
              source number; --keep-numbers refuses any clash instead.
  Records     Every .md file under DIR is a record or is listed with the reason it is not:
              an index (links to records, no status or date) or a template (a placeholder
              title, status or date), recognised by content, not by file name. RFCs
              (`- Start Date: ...`, then `# Summary`) are titled from their file names.
  Status      Synonyms and misspellings map to the nearest orgbook status, and are printed.
              A record without one is proposed; --status accepted says otherwise (an RFC
              repository's merged RFCs).
  Dates       A record without a date gets the date of the commit that added the file
              (when DIR is in a git work tree), else today; both are reported. A month-only
              date means the first of the month.
  Relations   Supersedes / Superseded by become `supersedes`; Amends, Clarifies and the like
              stay in the body under \"Related decisions\", with links to the new files.
  Links       Images and documents the records link to are copied to
              content/decisions/attachments/. Links to other repository files become
              absolute with --source-url URL (the web address of DIR); without it they keep
              their text, not the link, and are listed (see them first with --dry-run).
              Links to records that do not exist keep their text, not the link.
  Owner/type  --team (default: the only team, or the only charter after `init --empty`)
              and --type (default 2) for every record.";

const IMPORT_BACKSTAGE_GUESSES: &str = "\
What is guessed, and how to control it (docs/import.md has every mapping):
  Groups      spec.type `team` -> kind \"team\"; any other type (organization, department,
              sub-department, ...) -> kind \"group\". spec.parent -> parent; the groups
              without one go under --parent TEAM (a charter of the handbook) when given.
  Members     Users' spec.memberOf (and Groups' spec.members); the display name, else the
              entity name. The same user name in two namespaces is one person.
  Ownership   Component, System, API, Resource and Domain entities' spec.owner -> the
              owning group's `owns` (the entity's title, else its name).
  Problem     Backstage has no problem statement or metric: each team gets the scaffold's
              placeholder text, which the health page lists as `placeholder-text`.
  Locations   Location entities' targets are followed (files and globs, relative to the
              Location's file); URLs are listed, not fetched.";

const IMPORT_TEAM_API_GUESSES: &str = "\
What is guessed, and how to control it (docs/import.md has every mapping):
  Files       Every .md file under each PATH that has two or more of the template's fields
              is a team; an unfilled template and other pages are listed as skipped.
  Name        `name` in front matter, else the name before the dash of \"Team name and
              focus\" (the rest is the problem), else the title, else the folder's name.
  Type        \"Team type\" -> topology; the template's list of all four is left out.
  Group       \"Part of a Platform? (y/n) Details: y - X\", platform_grouping or value_stream
              -> a group charter X and the team's parent. --parent TEAM (a charter of the
              handbook) is the parent of those groups and of the teams of none.
  Owns        \"Software owned and evolved by this team\": each item's name (a link's text, a
              bold name, the words before its description). An item two documents claim
              goes to the team whose name it carries, else to the first.
  Contact     \"Chat tool channels\": #channels -> contact.chat, an address -> contact.email.
  Reviewed    The template's Date (else today).
  Metrics     metadata.flow_metrics (DORA) -> metrics; without them, the scaffold's
              placeholder, which the health page lists as `placeholder-text`.
  Interactions  Rows of \"Teams we currently interact with\" whose team is imported or in
              the handbook and whose mode is one of the three; other rows stay in the body.";

const IMPORT_SIGS_GUESSES: &str = "\
What is guessed, and how to control it (docs/import.md has every mapping):
  Groups      Every entry of sigs, workinggroups, usergroups, committees and tags is a
              team, committees too (no teams sit under them); dir -> the slug. The charter
              goes beside the group's folder when content/teams/ has it, else in the
              parent's.
  Name        \"SIG Apps\", \"WG LTS\", \"UG X\", \"Steering Committee\", \"TAG Runtime\": the
              file's name with the kind of group it is.
  Parent      --parent TEAM (a charter of the handbook); without it, a group `community`
              written with them (or the one an earlier run wrote).
  Problem     The mission statement's first sentence; the rest stays in the body.
  People      The first chair -> lead; chairs and technical leads -> members, by name,
              else GitHub handle. Emeritus leads are left out; e-mail addresses are never
              copied.
  Contact     slack -> chat (#channel), mailing_list -> email or `mailing list`.
  Owns        Subprojects' names (a TAG's tag_subprojects); their OWNERS files or leads,
              meetings and the charter link are listed in the body.
  Interactions  A working group's stakeholder_sigs -> collaboration, on both charters.
  Metrics     None in the file: the scaffold's placeholder, which the health page lists.";

#[derive(Args, Debug)]
pub struct ImportAdrArgs {
    /// The folder holding the records (e.g. doc/adr, docs/decisions or docs/adr)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// The team that owns the imported decisions, by slug or name [default: the
    /// handbook's only team, if it has exactly one]
    #[arg(long, value_name = "TEAM")]
    pub team: Option<String>,
    /// 1 = irreversible, 2 = reversible, for every imported decision (ADR formats have
    /// no such notion)
    #[arg(long = "type", value_name = "1|2", default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
    pub decision_type: u8,
    /// Add N to every source number (e.g. 1000 for a second collection)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub offset: u32,
    /// Refuse the import if any source number (plus --offset) is already taken, instead
    /// of giving the record the next free number
    #[arg(long)]
    pub keep_numbers: bool,
    /// The status of records that state none (an RFC repository's merged RFCs are
    /// accepted)
    #[arg(long, value_name = "STATUS", value_enum, default_value_t = UnstatedStatus::Proposed)]
    pub status: UnstatedStatus,
    /// The web address of DIR in its repository (e.g. https://example.com/org/repo/tree/main/doc/adr):
    /// links to repository files that are not attachments become absolute links below it
    #[arg(long, value_name = "URL")]
    pub source_url: Option<String>,
    /// Show what would be written without writing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub root: RootArg,
}

/// `orgbook import adr --status`: what a record without a status is imported as.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnstatedStatus {
    Proposed,
    Accepted,
    Rejected,
    Deprecated,
}

impl UnstatedStatus {
    /// The status as a decision record writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            UnstatedStatus::Proposed => "proposed",
            UnstatedStatus::Accepted => "accepted",
            UnstatedStatus::Rejected => "rejected",
            UnstatedStatus::Deprecated => "deprecated",
        }
    }
}

/// `--parent` of the charter imports: where the charters that have no parent in the
/// source go, so that an import can join a handbook that already has its organisation.
#[derive(Args, Debug)]
pub struct ImportParentArg {
    /// The charter the imported top-level charters belong to, by slug or name (an existing
    /// group, such as the one `orgbook init --empty` starts with); they are written in its folder
    /// [default: none, they are top-level; `import sigs` writes a group `community` for them]
    #[arg(long = "parent", value_name = "TEAM")]
    pub slug: Option<String>,
}

#[derive(Args, Debug)]
pub struct ImportBackstageArgs {
    /// Catalog files (YAML, one or many entities each) or folders of them
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub parent: ImportParentArg,
    /// Show what would be written without writing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Args, Debug)]
pub struct ImportTeamApiArgs {
    /// Team API documents (Markdown) or folders of them, e.g. a repository with one
    /// folder per team
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub parent: ImportParentArg,
    /// Show what would be written without writing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Args, Debug)]
pub struct ImportPeribolosArgs {
    /// An org.yaml or teams.yaml, or a folder of them (kubernetes/org's config/)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    #[command(flatten)]
    pub parent: ImportParentArg,
    /// Show what would be written without writing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Args, Debug)]
pub struct ImportRustTeamArgs {
    /// The registry repository (with teams/ and people/), its teams/ folder, or one team file
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    #[command(flatten)]
    pub parent: ImportParentArg,
    /// Show what would be written without writing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Args, Debug)]
pub struct ImportServicesArgs {
    /// Catalog files (opslevel.yml, cortex.yaml, compass.yml, service.datadog.yaml) or
    /// folders of repositories holding them
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,
    /// Give the services of an owner as written (a Compass ownerId, an address, a team's
    /// other name) to TEAM: a charter's slug or name, or the slug of a new one (repeat for
    /// each owner)
    #[arg(long = "owner", value_name = "NAME=TEAM")]
    pub owners: Vec<String>,
    #[command(flatten)]
    pub parent: ImportParentArg,
    /// Show what would be written without writing anything
    #[arg(long)]
    pub dry_run: bool,
    #[command(flatten)]
    pub root: RootArg,
}

#[derive(Args, Debug)]
pub struct ImportSigsArgs {
    /// The sigs.yaml (or tags.yaml) file, or the folder that holds it (a kubernetes/community
    /// or cncf/toc checkout)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    #[command(flatten)]
    pub parent: ImportParentArg,
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
    /// Team Topologies' Team API: one Markdown document per team, as the visualisers read
    TeamApi(ExportTeamApiArgs),
}

#[derive(Args, Debug)]
pub struct ExportTeamApiArgs {
    /// The folder to write one `<team>.md` per team into (created if missing); files
    /// the export did not write are never replaced
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: PathBuf,
    #[command(flatten)]
    pub root: RootArg,
    #[command(flatten)]
    pub report: ReportArgs,
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
