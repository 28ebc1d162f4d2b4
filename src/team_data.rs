//! Team definitions kept as data in shapes orgbook does not read: the Kubernetes
//! community's `sigs.yaml`, rust-lang/team's `teams/*.toml` and the GitHub teams Prow's
//! peribolos manages (`org.yaml`, kubernetes/org's `config/<org>/org.yaml`), and the
//! service catalog files of OpsLevel, Cortex, Compass and Datadog that name each service's
//! owning team (at a repository's root, or in a folder of repositories). Governance repositories
//! keep their organisation there rather than in Markdown, so a handbook made from one has
//! no charter and nothing says why; `init` and the build's "no team charters" note name
//! what they found and the importer that reads it.
//! Nothing published changes.
//!
//! Looked for only where such repositories keep them (the handbook's folder and its
//! content/, a `teams/` folder in either), and only by a cheap scan of their lines: the
//! callers ask once, when a handbook has no charter, so a build with charters never reads
//! these files.

use std::io::Read;
use std::path::Path;

/// Past this, a file is read no further: a real `sigs.yaml` is about 120 KB, a team file
/// a few hundred bytes, and the keys that tell them apart come early in both.
const READ_AT_MOST: u64 = 1 << 20;

/// Team files read in one folder: enough to tell a folder of them from a stray file,
/// without reading a few hundred of them.
const TEAM_FILES_READ: usize = 50;

/// The service catalogs `orgbook import services` reads (src/import/services.rs), each
/// by its file's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ServiceCatalog {
    OpsLevel,
    Cortex,
    Compass,
    Datadog,
}

impl ServiceCatalog {
    /// The tool's name, as notes and charters say it.
    pub fn name(self) -> &'static str {
        match self {
            ServiceCatalog::OpsLevel => "OpsLevel",
            ServiceCatalog::Cortex => "Cortex",
            ServiceCatalog::Compass => "Compass",
            ServiceCatalog::Datadog => "Datadog",
        }
    }

    /// The format a file's name says, the way each tool looks for its file at a
    /// repository's root.
    pub fn of_file_name(name: &str) -> Option<ServiceCatalog> {
        match name.to_ascii_lowercase().as_str() {
            "opslevel.yml" | "opslevel.yaml" => Some(ServiceCatalog::OpsLevel),
            "cortex.yaml" | "cortex.yml" => Some(ServiceCatalog::Cortex),
            "compass.yml" | "compass.yaml" => Some(ServiceCatalog::Compass),
            "service.datadog.yaml" | "service.datadog.yml" => Some(ServiceCatalog::Datadog),
            _ => None,
        }
    }

    /// The format a file's text looks like, for a file given by another name
    /// (`services/payments.yaml`): the keys only that tool writes.
    pub fn of_text(text: &str) -> Option<ServiceCatalog> {
        let has = |key: &str| {
            text.lines()
                .any(|l| l.trim_start().starts_with(key) && !l.trim_start().starts_with('#'))
        };
        if has("x-cortex-") {
            Some(ServiceCatalog::Cortex)
        } else if has("dd-service:") || text.lines().any(|l| l.starts_with("schema-version:")) {
            Some(ServiceCatalog::Datadog)
        } else if has("configVersion:") && has("typeId:") {
            Some(ServiceCatalog::Compass)
        } else if text.lines().any(|l| l.starts_with("version:"))
            && text
                .lines()
                .any(|l| l.starts_with("service:") || l.starts_with("repository:"))
        {
            Some(ServiceCatalog::OpsLevel)
        } else {
            None
        }
    }
}

/// Team definitions found, each with where it is relative to the folder searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamData {
    /// A Kubernetes-style `sigs.yaml`: top-level `sigs:` / `workinggroups:` lists whose
    /// items have a `name` and a `leadership`; `groups` counts the `leadership` blocks.
    Sigs { path: String, groups: usize },
    /// A folder of rust-lang/team-style files (`name = "…"`, `[people]` with `leads` or
    /// `members`); `files` counts those among the first [`TEAM_FILES_READ`].
    TeamToml { folder: String, files: usize },
    /// peribolos files (`teams:` mapping each team's name to its `description`,
    /// `maintainers` and `members`, nested `teams:` for child teams): `path` is the file,
    /// or the `config` folder of kubernetes/org's one file per GitHub organisation;
    /// `teams` counts the teams they define.
    Peribolos { path: String, teams: usize },
    /// Service catalog files of OpsLevel, Cortex, Compass or Datadog (`opslevel.yml`,
    /// `cortex.yaml`, `compass.yml`, `service.datadog.yaml`), each naming the team that owns
    /// a service: `path` is the one such file of the folder itself (a service's repository),
    /// or `.` when repositories' folders below it hold them; `files` counts them.
    ServiceFiles { path: String, files: usize },
}

impl TeamData {
    /// What it is and what to do, as one sentence; `at` is its path as the user should
    /// read it (relative to where they run orgbook).
    pub fn note(&self, at: &str) -> String {
        let published = self.path().starts_with("content/");
        match self {
            TeamData::Sigs { groups, path } => format!(
                "{at} defines {} {}, which orgbook does not read as teams{}: `orgbook import sigs {at}` writes a charter for each",
                plural(*groups, "group"),
                match path.ends_with("tags.yaml") {
                    true => "the CNCF TOC way (`tags:` with `name` and `leadership`)",
                    false =>
                        "the Kubernetes way (`sigs:` / `workinggroups:` with `name` and `leadership`)",
                },
                if published {
                    " (nor publishes: a data file goes out only where a page links to it)"
                } else {
                    ""
                },
            ),
            TeamData::TeamToml { files, .. } => format!(
                "{at}/ holds {} in TOML the rust-lang/team way (`name`, `[people]` `leads` / `members`), which orgbook does not read as teams{}: `orgbook import rust-team {at}` writes a charter for each, named by people/ when it is beside it",
                plural(*files, "team definition"),
                if published {
                    " (nor publishes: data files go out only where a page links to them)"
                } else {
                    ""
                },
            ),
            TeamData::ServiceFiles { path, .. } if path != "." => format!(
                "{at} names the team that owns the repository's service (a service catalog file), which orgbook does not read as a team: `orgbook import services {at}` writes its charter, the service as its `owns`"
            ),
            TeamData::ServiceFiles { files, .. } => format!(
                "{at} holds {} for OpsLevel, Cortex, Compass or Datadog, each naming the team that owns a service, which orgbook does not read as teams: `orgbook import services {at}` writes a charter per owning team, its services as `owns`",
                plural(*files, "service catalog file"),
            ),
            TeamData::Peribolos { teams, .. } => format!(
                "{at} defines {} for Prow's peribolos (`teams:` with `description`, `maintainers` and `members`), which orgbook does not read as teams{}: `orgbook import peribolos {at}` writes a charter for each, under a group per organisation",
                plural(*teams, "GitHub team"),
                if published {
                    " (nor publishes: data files go out only where a page links to them)"
                } else {
                    ""
                },
            ),
        }
    }

    /// Where it is, relative to the folder searched.
    pub fn path(&self) -> &str {
        match self {
            TeamData::Sigs { path, .. } => path,
            TeamData::TeamToml { folder, .. } => folder,
            TeamData::Peribolos { path, .. } => path,
            TeamData::ServiceFiles { path, .. } => path,
        }
    }
}

fn plural(n: usize, what: &str) -> String {
    crate::text::counted(n, what, &format!("{what}s"))
}

/// The team definitions in `dir` (a handbook's folder, or a repository `init` runs in) and
/// in its content/.
pub fn find(dir: &Path) -> Vec<TeamData> {
    let mut found = Vec::new();
    for base in ["", "content/"] {
        // Kubernetes' registry, and the CNCF TOC's of its TAGs, which `import sigs` reads
        // too.
        for name in ["sigs.yaml", "tags.yaml"] {
            let path = format!("{base}{name}");
            if let Some(groups) = read_start(&dir.join(&path)).and_then(|text| sigs_groups(&text)) {
                found.push(TeamData::Sigs { path, groups });
            }
        }
        let folder = format!("{base}teams");
        let files = team_tomls(&dir.join(&folder));
        if files > 0 {
            found.push(TeamData::TeamToml { folder, files });
        }
        for name in ["org.yaml", "teams.yaml"] {
            let path = format!("{base}{name}");
            if let Some(teams) = read_start(&dir.join(&path)).and_then(|t| peribolos_teams(&t)) {
                found.push(TeamData::Peribolos { path, teams });
            }
        }
        if base.is_empty()
            && let Some(data) = service_files(dir)
        {
            found.push(data);
        }
        let config = format!("{base}config");
        let teams = organisation_files(&dir.join(&config));
        if teams > 0 {
            found.push(TeamData::Peribolos {
                path: config,
                teams,
            });
        }
    }
    found
}

/// How many teams the `<org>/org.yaml` files of the first [`TEAM_FILES_READ`] folders in
/// `config` (kubernetes/org's layout) define.
fn organisation_files(config: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(config) else {
        return 0;
    };
    let mut orgs: Vec<_> = entries
        .flatten()
        .map(|e| e.path().join("org.yaml"))
        .collect();
    orgs.sort();
    orgs.iter()
        .take(TEAM_FILES_READ)
        .filter_map(|p| read_start(p).and_then(|t| peribolos_teams(&t)))
        .sum()
}

/// How many teams a peribolos text defines, `None` when it is not one: a `teams:` key,
/// and under it names whose next line is one of a team's keys (`description:`,
/// `maintainers:`, `members:`, `privacy:`, `repos:`).
pub fn peribolos_teams(text: &str) -> Option<usize> {
    let mut in_teams = false;
    let mut teams = 0;
    let mut lines = text.lines().filter(|l| !l.trim().is_empty()).peekable();
    while let Some(line) = lines.next() {
        let item = line.trim();
        if item == "teams:" {
            in_teams = true;
            continue;
        }
        let is_name = in_teams && item.ends_with(':') && !item.starts_with(['-', '#']);
        let indent = |l: &str| l.len() - l.trim_start().len();
        if is_name
            && let Some(next) = lines.peek()
            && indent(next) > indent(line)
            && [
                "description:",
                "maintainers:",
                "members:",
                "privacy:",
                "repos:",
            ]
            .iter()
            .any(|k| next.trim_start().starts_with(k))
        {
            teams += 1;
        }
    }
    (teams > 0).then_some(teams)
}

/// The start of a file as text, `None` when it cannot be read.
fn read_start(path: &Path) -> Option<String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(READ_AT_MOST)
        .read_to_end(&mut bytes)
        .ok()?;
    Some(String::from_utf8_lossy(&bytes).into_owned())
}

/// How many groups a `sigs.yaml` text defines (its `leadership:` blocks), `None` when it
/// is not one: no top-level `sigs:` or `workinggroups:` list, or no item with a `name`
/// and a `leadership`.
fn sigs_groups(text: &str) -> Option<usize> {
    let mut listed = false;
    let mut named = false;
    let mut groups = 0;
    for line in text.lines() {
        // cncf/toc comments its list's key (`tags: # Technical Advisory Groups`).
        let key = line.split(" #").next().unwrap_or(line).trim_end();
        if matches!(key, "sigs:" | "workinggroups:" | "tags:") {
            listed = true;
        }
        let item = line.trim_start().trim_start_matches("- ");
        if item.starts_with("name:") {
            named = true;
        }
        if item.trim_end() == "leadership:" {
            groups += 1;
        }
    }
    (listed && named && groups > 0).then_some(groups)
}

/// Repositories' folders looked into for service catalog files: a checkout of an
/// organisation's repositories has a few hundred; past that, the count says "at least".
const REPOSITORY_FOLDERS_LOOKED: usize = 500;

/// The service catalog files in `dir` itself, or else in its folders one level down (a
/// folder of repositories, or a monorepo's `services/`-less layout): only whether the
/// tools' file names exist, nothing read.
fn service_files(dir: &Path) -> Option<TeamData> {
    let at_root: Vec<String> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            ServiceCatalog::of_file_name(&name).map(|_| name)
        })
        .collect();
    if let [one] = &at_root[..] {
        return Some(TeamData::ServiceFiles {
            path: one.clone(),
            files: 1,
        });
    }
    let mut folders: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            !(name.starts_with('.')
                || matches!(name.as_ref(), "node_modules" | "content" | "public"))
        })
        .map(|e| e.path())
        .collect();
    folders.sort();
    let below: usize = folders
        .iter()
        .take(REPOSITORY_FOLDERS_LOOKED)
        .map(|f| {
            std::fs::read_dir(f).map_or(0, |entries| {
                entries
                    .flatten()
                    .filter(|e| {
                        ServiceCatalog::of_file_name(&e.file_name().to_string_lossy()).is_some()
                    })
                    .count()
            })
        })
        .sum();
    let files = at_root.len() + below;
    (files > 0).then(|| TeamData::ServiceFiles {
        path: ".".to_owned(),
        files,
    })
}

/// How many of the first [`TEAM_FILES_READ`] `.toml` files in `folder` define a team.
fn team_tomls(folder: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return 0;
    };
    let mut files: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("toml"))
        })
        .collect();
    files.sort();
    files
        .iter()
        .take(TEAM_FILES_READ)
        .filter(|p| read_start(p).is_some_and(|text| is_team_toml(&text)))
        .count()
}

/// Whether a TOML text is a rust-lang/team-style team: a top-level `name` and a `[people]`
/// table with `leads` or `members`.
fn is_team_toml(text: &str) -> bool {
    let mut table = "";
    let mut named = false;
    let mut people = false;
    for line in text.lines().map(str::trim) {
        if let Some(header) = line.strip_prefix('[') {
            table = header.trim_end_matches(']').trim();
            continue;
        }
        let key = line.split('=').next().unwrap_or("").trim();
        named |= table.is_empty() && key == "name" && line.contains('=');
        people |= table == "people" && matches!(key, "leads" | "members") && line.contains('=');
    }
    named && people
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sigs_file_counts_its_groups() {
        let text = "# groups of the project\nsigs:\n- dir: sig-ledger\n  name: Ledger\n  leadership:\n    chairs:\n    - github: ana\n  subprojects:\n  - name: books\nworkinggroups:\n- dir: wg-audit\n  name: Audit\n  leadership:\n    chairs: []\n";
        assert_eq!(sigs_groups(text), Some(2));
        assert_eq!(sigs_groups("sigs:\n- name: A\n"), None);
        assert_eq!(
            sigs_groups("teams:\n- name: A\n  leadership:\n    x: 1\n"),
            None
        );
    }

    #[test]
    fn a_team_toml_has_a_name_and_people() {
        assert!(is_team_toml(
            "name = \"ledger\"\nsubteam-of = \"money\"\n\n[people]\nleads = [\"ana\"]\nmembers = [\n  \"ana\",\n]\n"
        ));
        // A person's file, a tool's configuration: not teams.
        assert!(!is_team_toml("name = \"Ana\"\ngithub = \"ana\"\n"));
        assert!(!is_team_toml(
            "[package]\nname = \"x\"\n[people]\nleads = []\n"
        ));
    }

    #[test]
    fn a_peribolos_file_counts_its_teams_nested_ones_too() {
        let text = "name: acme\nmembers:\n- ana\nteams:\n  ledger-admins:\n    description: Admin access to ledger\n    maintainers:\n    - ana\n    privacy: closed\n  reviewers:\n    members: [bo]\n    teams:\n      docs-reviewers:\n        description: \"\"\n        members:\n        - cy\n";
        assert_eq!(peribolos_teams(text), Some(3));
        assert_eq!(peribolos_teams("teams:\n- name: A\n"), None);
        assert_eq!(
            peribolos_teams("members:\n  x:\n    description: y\n"),
            None
        );
    }

    #[test]
    fn kubernetes_org_s_config_folder_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("config/acme")).unwrap();
        std::fs::write(
            root.join("config/acme/org.yaml"),
            "name: acme\nteams:\n  bots:\n    description: Robots\n    members:\n    - robot\n",
        )
        .unwrap();
        let found = find(root);
        assert_eq!(
            found,
            [TeamData::Peribolos {
                path: "config".into(),
                teams: 1
            }]
        );
        assert!(
            found[0]
                .note("config")
                .contains("1 GitHub team for Prow's peribolos")
        );
    }

    #[test]
    fn found_beside_the_handbook_and_in_its_content() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("sigs.yaml"),
            "sigs:\n- name: Ledger\n  leadership:\n    chairs: []\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.join("content/teams")).unwrap();
        std::fs::write(
            root.join("content/teams/ledger.toml"),
            "name = \"ledger\"\n[people]\nmembers = [\"ana\"]\n",
        )
        .unwrap();
        std::fs::write(root.join("content/teams/notes.toml"), "title = \"x\"\n").unwrap();
        let found = find(root);
        assert_eq!(
            found,
            [
                TeamData::Sigs {
                    path: "sigs.yaml".into(),
                    groups: 1
                },
                TeamData::TeamToml {
                    folder: "content/teams".into(),
                    files: 1
                }
            ]
        );
        assert!(
            found[1]
                .note("content/teams")
                .contains("nor publishes: data files go out only where a page links to them")
        );
        assert!(
            found[0]
                .note("sigs.yaml")
                .contains("`orgbook import sigs sigs.yaml`")
        );
    }

    #[test]
    fn a_toc_tags_yaml_is_found_and_named_for_import_sigs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(
            root.join("tags.yaml"),
            "tags: # Technical Advisory Groups\n  - dir: tag-infrastructure # TAG Infrastructure\n    name: TAG Infrastructure\n    leadership:\n      chairs: []\n",
        )
        .unwrap();
        let found = find(root);
        assert_eq!(
            found,
            [TeamData::Sigs {
                path: "tags.yaml".into(),
                groups: 1
            }]
        );
        let note = found[0].note("tags.yaml");
        assert!(note.contains("the CNCF TOC way"), "{note}");
        assert!(note.contains("`orgbook import sigs tags.yaml`"), "{note}");
    }
}
