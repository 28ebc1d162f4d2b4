//! A record's front matter as the tools write it (MADR 3/4, log4brains, EIPs, KEPs'
//! `kep.yaml`), read leniently: YAML first, line by line where YAML rejects it.

use super::*;

/// MADR 3/4 front matter. Parsed with a real YAML parser because authors use
/// every YAML spelling of a list (`[a, b]`, `- a` lines, a comma-separated
/// string) and of strings (quoted, with escapes), which a hand-written
/// reader would get wrong at the edges.
pub(super) fn read_front_matter(fm: &[&str], meta: &mut Meta, notes: &mut Notes) {
    let yaml = fm.join("\n");
    let mapping = match yaml_serde::from_str::<yaml_serde::Value>(&yaml) {
        Ok(yaml_serde::Value::Null) => return,
        Ok(yaml_serde::Value::Mapping(m)) => m,
        Ok(_) => {
            notes.at(
                2,
                "front matter is not `key: value` lines; read line by line",
            );
            return read_front_matter_lines(fm, meta, notes);
        }
        Err(e) => {
            // One unreadable line must not cost the whole record: what YAML
            // rejects is read line by line, and the line YAML tripped on is named.
            let line = e.location().map_or(2, |l| l.line() + 1);
            notes.at(
                line,
                format!(
                    "front matter is not valid YAML ({}); read line by line",
                    first_line(&e.to_string())
                ),
            );
            return read_front_matter_lines(fm, meta, notes);
        }
    };
    // A KEP of the one-file layout (before `kep.yaml`): its front matter is a kep.yaml.
    if mapping.contains_key("kep-number") || mapping.contains_key("owning-sig") {
        let file = notes.file;
        if let Some(title) = mapping.get("title").and_then(yaml_text) {
            let line = key_index(fm, "title").map_or(2, |i| i + 2);
            meta.title = Some((line, title));
        }
        return read_kep_yaml(file, &yaml, 2, meta, notes);
    }
    for (key, value) in &mapping {
        let Some(key) = key.as_str() else {
            notes.at(
                2,
                format!("front matter key {key:?} is not a name; dropped"),
            );
            continue;
        };
        // The +2 skips the `---` line and turns the index into a line number.
        let line = key_index(fm, key).map_or(2, |i| i + 2);
        // Matched in lower case, named in notes as written (`geekdocRepo`), so the note
        // can be found in the file.
        let lower = key.to_lowercase();
        let canonical = canonical_key(&lower);
        let is_list_key = matches!(canonical, Some("deciders" | "authors" | "tags"));
        match (value, is_list_key) {
            (yaml_serde::Value::Null, _) => {}
            (yaml_serde::Value::Sequence(items), true) => {
                for item in items {
                    match yaml_scalar(item) {
                        Some(s) if canonical == Some("tags") => push_unique(&mut meta.tags, s),
                        // Through `field`, which tells an `owners:` item that is a team.
                        Some(s) if canonical == Some("authors") => meta.field(key, &s, line, notes),
                        Some(s) => meta.people(&s, line, notes),
                        None => notes.at(
                            line,
                            format!("a `{key}` item is not a plain value; dropped"),
                        ),
                    }
                }
            }
            _ if !is_mapped_key(&lower)
                && !is_site_key(&lower)
                && !yaml_links(value).is_empty() =>
            {
                // Where the record was discussed (Ember's `prs: {accepted: URL}`, a
                // `discussion:` link) has no orgbook key, but is worth keeping: it goes to
                // the top of the body, as RFCs' `- RFC PR:` bullets stay there.
                for (sub, url) in yaml_links(value) {
                    meta.links.push(match sub {
                        Some(sub) => format!("- {key} ({sub}): <{url}>"),
                        None => format!("- {key}: <{url}>"),
                    });
                }
            }
            _ => match yaml_text(value) {
                Some(text) => meta.field(key, &text, line, notes),
                None => notes.at(line, format!("`{key}` is not a plain value; dropped")),
            },
        }
    }
}

/// Front matter keys (lowercase) a docs site's theme reads, whose web address is the
/// site's, not the decision's (Hugo Geekdoc's `geekdocRepo`, Docusaurus's
/// `custom_edit_url`): dropped with a note like any key without an orgbook one, not kept
/// as a link at the top of every record.
pub(super) fn is_site_key(key: &str) -> bool {
    key.starts_with("geekdoc")
        || matches!(
            key,
            "custom_edit_url" | "edit_url" | "editurl" | "edit_uri" | "github_repo" | "repo_url"
        )
}

/// The front matter keys [`Meta::field`] maps to an orgbook key.
pub(super) fn is_mapped_key(key: &str) -> bool {
    matches!(
        canonical_key(key),
        Some("status" | "date" | "deciders" | "authors" | "tags" | "title")
    )
}

/// A metadata key (lowercase) as the record formats and their translations write it →
/// the one [`Meta::field`] reads. Records are written in the organisation's language:
/// MADR's French, German and Spanish templates say `statut`, `Entscheider`, `fecha`.
pub(super) fn canonical_key(key: &str) -> Option<&'static str> {
    Some(match key {
        // Ember's RFCs keep their status as a `stage`.
        "status" | "stage" | "statut" | "état" | "estado" | "stato" | "statuts" => "status",
        // RFC templates write `Start Date:` (Ember's front matter `start-date`), PEPs
        // `Created:`.
        "date" | "start date" | "start-date" | "start_date" | "created" | "datum" | "fecha"
        | "date de décision" | "décidé le" | "entscheidungsdatum" => "date",
        // log4brains' variants write `Decider:`.
        "deciders"
        | "decider"
        | "decision-makers"
        | "decision makers"
        | "decision_makers"
        | "décisionnaires"
        | "décideurs"
        | "decideurs"
        | "decisionnaires"
        | "entscheider"
        | "entscheidungsträger"
        | "decisores"
        | "responsables de la decisión" => "deciders",
        "consulted" | "consultés" | "consultes" | "konsultiert" | "consultados" => "consulted",
        "informed" | "informés" | "informes" | "informiert" | "informados" => "informed",
        "tags" | "tag" | "keywords" | "mots-clés" | "mots-cles" | "étiquettes" | "schlagwörter"
        | "schlagworte" | "etiquetas" => "tags",
        "title" | "titre" | "titel" | "título" | "titolo" => "title",
        // Go's design documents: `Last updated: 2016-09-07` under the authors; TensorFlow's
        // RFC tables: `| **Updated** | 2019-02-07 |`.
        "last updated" | "last-updated" | "last_updated" | "updated" => "updated",
        // Who decides: a DACI's Approver, an RFC template's Approvers.
        "approver" | "approvers" | "approver(s)" | "approved by" => "deciders",
        // Oxide's RFDs: `state: published`; their `labels` are tags.
        "state" => "status",
        "labels" => "tags",
        // DACI's Contributors are consulted: they have a voice, not a vote.
        "contributors" | "contributor" => "consulted",
        // A DACI's due date: when the decision was to be made.
        "due date" | "due" => "due",
        // Who wrote or drove the decision: a DACI's Driver, an RFC's Owner or Author(s),
        // an RFD's `authors`, the Owner column of a decision log. orgbook's `authors`.
        "driver" | "owner" | "owners" | "author" | "authors" | "author(s)" | "auteur"
        | "auteurs" | "autor" | "autoren" | "autores" | "autore" | "autori" => "authors",
        // What DACI and RFC headers say of it besides: orgbook's decisions have no key for
        // them, and each is worth keeping at the top of the body.
        "editor" | "sponsor" | "sponsors" | "impact" | "outcome" | "product" | "rfc #"
        | "rfc pr" | "ticket" | "resources" | "reviewers" => "kept",
        _ => return None,
    })
}

/// Whether `s` is one web address and nothing else.
pub(super) fn is_web_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && !s.contains(char::is_whitespace)
        && !s.contains(['<', '>'])
}

/// The web addresses a front matter value holds: itself, the items of a list, or the
/// values of a mapping (with their keys).
pub(super) fn yaml_links(value: &yaml_serde::Value) -> Vec<(Option<String>, String)> {
    let url = |v: &yaml_serde::Value| {
        v.as_str()
            .map(str::trim)
            .filter(|s| is_web_address(s))
            .map(str::to_owned)
    };
    match value {
        yaml_serde::Value::Sequence(items) => {
            items.iter().filter_map(url).map(|u| (None, u)).collect()
        }
        yaml_serde::Value::Mapping(m) => m
            .iter()
            .filter_map(|(k, v)| Some((Some(k.as_str()?.to_owned()), url(v)?)))
            .collect(),
        v => url(v).map(|u| (None, u)).into_iter().collect(),
    }
}

/// The index of the line that holds top-level YAML key `key` (top-level keys start in
/// column 0), for notes that name the line.
pub(super) fn key_index(lines: &[&str], key: &str) -> Option<usize> {
    lines.iter().position(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// Kubernetes' `kep.yaml`, beside a KEP's `README.md`: `status`, `creation-date`, the
/// `approvers` (who decide a KEP) and the `owning-sig` (a tag) are mapped; the title
/// repeats the README's heading; the rest is the enhancement process's machinery
/// (milestones, feature gates, reviewers), named in one note.
/// `line_one`: the file's line of the YAML's first line (1 in `kep.yaml`, 2 in a record's
/// front matter, after its `---`).
pub(super) fn read_kep_yaml(
    file: &str,
    yaml: &str,
    line_one: usize,
    meta: &mut Meta,
    notes: &mut Notes,
) {
    let mut side = Notes {
        file,
        list: Vec::new(),
    };
    match yaml_serde::from_str::<yaml_serde::Value>(yaml) {
        Ok(yaml_serde::Value::Mapping(mapping)) => {
            let lines: Vec<&str> = yaml.lines().collect();
            let mut left_out: Vec<&str> = Vec::new();
            for (key, value) in &mapping {
                let Some(key) = key.as_str() else {
                    continue;
                };
                let line = key_index(&lines, key).map_or(line_one, |i| i + line_one);
                match (key, value) {
                    (_, yaml_serde::Value::Null) | ("title" | "kep-number", _) => {}
                    ("status", v) => match yaml_text(v) {
                        Some(t) => {
                            meta.status_text(&t, line, &mut side);
                        }
                        None => side.at(line, "`status` is not a plain value; dropped"),
                    },
                    ("creation-date", v) => match yaml_text(v) {
                        Some(t) => meta.date_text(&t, line, &mut side),
                        None => side.at(line, "`creation-date` is not a plain value; dropped"),
                    },
                    ("approvers", yaml_serde::Value::Sequence(items)) => {
                        for item in items.iter().filter_map(yaml_scalar) {
                            meta.people(item.trim_start_matches('@'), line, &mut side);
                        }
                    }
                    ("authors", yaml_serde::Value::Sequence(items)) => {
                        for item in items.iter().filter_map(yaml_scalar) {
                            meta.authors(item.trim_start_matches('@'), line, &mut side);
                        }
                    }
                    ("owning-sig", v) => {
                        if let Some(t) = yaml_scalar(v) {
                            push_unique(&mut meta.tags, t);
                        }
                    }
                    (key, _) => left_out.push(key),
                }
            }
            if !left_out.is_empty() {
                side.file(format!(
                    "left out, orgbook has no place for them: {}",
                    left_out.join(", ")
                ));
            }
        }
        Ok(_) => side.file("not `key: value` lines; ignored"),
        Err(e) => side.at(
            e.location().map_or(1, |l| l.line()),
            format!("not valid YAML ({}); ignored", first_line(&e.to_string())),
        ),
    }
    notes.list.extend(side.list);
}

/// Front matter that YAML rejects: each `key: value` line on its own (`tag:General`
/// without a space included), and every other line named in a note.
pub(super) fn read_front_matter_lines(fm: &[&str], meta: &mut Meta, notes: &mut Notes) {
    for (i, line) in fm.iter().enumerate() {
        let line_no = i + 2;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        match t.split_once(':') {
            Some((key, value)) if !key.trim().is_empty() && !key.contains(' ') => {
                let value = value.trim().trim_matches(['"', '\'']);
                meta.field(&key.trim().to_ascii_lowercase(), value, line_no, notes);
            }
            _ => notes.at(
                line_no,
                format!("front matter line `{t}` not understood; dropped"),
            ),
        }
    }
}

/// A scalar, or a list of scalars joined by commas (how `consulted: [a, b]`
/// is best shown in a note, and how `people` splits it again).
pub(super) fn yaml_text(v: &yaml_serde::Value) -> Option<String> {
    match v {
        yaml_serde::Value::Sequence(items) => items
            .iter()
            .map(yaml_scalar)
            .collect::<Option<Vec<_>>>()
            .map(|v| v.join(", ")),
        _ => yaml_scalar(v),
    }
}
