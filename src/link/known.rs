//! The handbook's indexes built once (teams by slug, decisions by number, pages by path) and
//! the checks every reference goes through against them: team, parent, supersedes and owner
//! targets, with the nearest existing name as a hint.

use super::*;

/// The documents by path, URL, team slug and decision number.
pub(super) struct Index {
    pub(super) by_path: HashMap<String, DocId>,
    pub(super) by_url: HashMap<String, DocId>,
    pub(super) teams: BTreeMap<String, DocId>,
    pub(super) decisions: BTreeMap<u32, DocId>,
}

/// Indexes the documents, reporting what must be unique and is not: team slugs, decision
/// numbers, output URLs (and pages on a path orgbook generates itself).
pub(super) fn index(
    docs: &[crate::model::Doc],
    folder_index: &BTreeMap<String, DocId>,
    diags: &mut Vec<Diagnostic>,
) -> Index {
    let mut by_path = HashMap::with_capacity(docs.len());
    let mut teams: BTreeMap<String, DocId> = BTreeMap::new();
    let mut decisions: BTreeMap<u32, DocId> = BTreeMap::new();
    let mut by_url: HashMap<String, DocId> = HashMap::with_capacity(docs.len());
    for (id, doc) in docs.iter().enumerate() {
        by_path.insert(doc.source.path.clone(), id);
        if let DocKind::Page(p) = &doc.kind
            && p.folder_index
            && folder_index.get(folder_of(&doc.source.path)) != Some(&id)
        {
            // A second index page in the same folder: already reported by folder_indexes.
            continue;
        }
        match &doc.kind {
            DocKind::Team(c) => match teams.entry(c.slug.clone()) {
                Entry::Occupied(e) => {
                    let other = *e.get();
                    diags.push(
                        Diagnostic::error(
                            "duplicate-team",
                            &doc.source.path,
                            format!("team slug `{}` is also used by {}", c.slug, docs[other].source.path),
                        )
                        .with_help("team slugs (file names) must be unique across the handbook: rename one of the files")
                        .at(&doc.source.text, 0..0),
                    );
                }
                Entry::Vacant(e) => {
                    e.insert(id);
                }
            },
            DocKind::Decision(d) => match decisions.entry(d.number) {
                Entry::Occupied(e) => {
                    let other = *e.get();
                    diags.push(
                        Diagnostic::error(
                            "duplicate-decision",
                            &doc.source.path,
                            format!("decision number {} is also used by {}", d.number, docs[other].source.path),
                        )
                        .with_help("give this decision the next free number (`orgbook new decision` picks it)")
                        .at(&doc.source.text, 0..0),
                    );
                }
                Entry::Vacant(e) => {
                    e.insert(id);
                }
            },
            DocKind::Page(p) => {
                if !p.is_home && GENERATED_PATHS.contains(&doc.url.as_str()) {
                    diags.push(
                        Diagnostic::error(
                            "reserved-path",
                            &doc.source.path,
                            format!(
                                "this page would be written to {}, which orgbook generates itself",
                                doc.url
                            ),
                        )
                        .with_help(match doc.url.as_str() {
                            // A docs site's `decisions/index.md` (Jekyll, MADR) or `teams/index.md`:
                            // orgbook lists that folder itself.
                            "decisions/index.html" | "teams/index.html" => format!(
                                "orgbook writes {} itself (the list of that folder); rename this page to README.md to publish it beside the list, or delete it",
                                doc.url
                            ),
                            url => {
                                let path = &doc.source.path;
                                let (stem, ext) = path.rsplit_once('.').unwrap_or((path, "md"));
                                format!(
                                    "orgbook writes {url} itself ({}); rename the page, e.g. `git mv {path} {stem}-page.{ext}`, and the links to it",
                                    generated_page_name(url)
                                )
                            }
                        })
                        .at(&doc.source.text, 0..0),
                    );
                }
            }
        }
        if let Some(&other) = by_url.get(doc.url.as_str()) {
            diags.push(
                Diagnostic::error(
                    "output-collision",
                    &doc.source.path,
                    format!(
                        "this file and {} would both be written to {}",
                        docs[other].source.path, doc.url
                    ),
                )
                .with_help("rename one of the files")
                .at(&doc.source.text, 0..0),
            );
        } else {
            by_url.insert(doc.url.clone(), id);
        }
    }
    Index {
        by_path,
        by_url,
        teams,
        decisions,
    }
}

/// [`Known::check_decisions`]: the decisions by team, [`Handbook::superseded_by`] and
/// [`Handbook::named_in_status`].
pub(super) type DecisionRelations = (
    BTreeMap<String, Vec<u32>>,
    BTreeMap<u32, Vec<u32>>,
    BTreeMap<u32, Vec<u32>>,
);

/// Each team's sub-teams, by slug ([`Handbook::children`]).
pub(super) type Children = BTreeMap<String, Vec<String>>;

/// What [`resolve`]'s reference checks give the handbook (the fields of [`Handbook`] of
/// the same names).
pub(super) struct Checked {
    pub(super) children: Children,
    pub(super) ownership: Vec<(String, String)>,
    pub(super) team_decisions: BTreeMap<String, Vec<u32>>,
    pub(super) superseded_by: BTreeMap<u32, Vec<u32>>,
    pub(super) named_in_status: BTreeMap<u32, Vec<u32>>,
    pub(super) team_folders: BTreeMap<String, DocId>,
    pub(super) team_pages: BTreeMap<String, Vec<DocId>>,
    pub(super) unprefixed: HashMap<String, DocId>,
    pub(super) code_owners: crate::code_owners::CodeOwnership,
}

/// What a reference (`parent`, `team`, `supersedes`) can name: the indexed documents, and
/// the files that did not parse (a reference to one is not reported again: its file's own
/// error is the one to fix).
pub(super) struct Known<'a> {
    pub(super) docs: &'a [crate::model::Doc],
    pub(super) teams: &'a BTreeMap<String, DocId>,
    /// [`Self::teams`] for lookups: a `serve` re-link checks every reference again after
    /// each front-matter edit, and a hash lookup is a fraction of an ordered one.
    pub(super) team_ids: HashMap<&'a str, DocId>,
    pub(super) decisions: &'a BTreeMap<u32, DocId>,
    /// The slugs of the charter files that did not parse.
    pub(super) unparsed_teams: BTreeSet<&'a str>,
    /// The teams by display name: a reference two teams' name fits is reported with both.
    pub(super) team_names: &'a team_refs::TeamNames,
    /// The numbers of the decision files that did not parse.
    pub(super) unparsed_decisions: BTreeSet<u32>,
    /// The charters' slugs, for the hints of references that name none (thousands of them
    /// after a mass rename).
    pub(super) team_slugs: RefCell<Suggestions<'a>>,
}

impl Known<'_> {
    /// A charter of this slug is in the handbook.
    pub(super) fn has_team(&self, slug: &str) -> bool {
        self.team_ids.contains_key(slug)
    }

    /// A charter file of this slug exists but did not parse.
    pub(super) fn unparsed_team(&self, slug: &str) -> bool {
        self.unparsed_teams.contains(slug)
    }

    /// The existing decision number closest to `target`, the lower of two as close.
    pub(super) fn nearest_number(&self, target: u32) -> Option<u32> {
        let below = self.decisions.range(..=target).next_back().map(|(&n, _)| n);
        let above = self.decisions.range(target..).next().map(|(&n, _)| n);
        match (below, above) {
            (Some(b), Some(a)) => Some(if target - b <= a - target { b } else { a }),
            (b, a) => b.or(a),
        }
    }

    /// The help for a `key` naming no charter: the nearest slug, else `otherwise`.
    pub(super) fn team_hint(&self, slug: &str, key: &str, otherwise: &str) -> String {
        match self.team_slugs.borrow_mut().nearest(slug) {
            Some(s) => {
                format!("did you mean \"{s}\"? `{key}` is the file name (without .md) of a charter")
            }
            None => otherwise.into(),
        }
    }

    /// The error for a reference (`key = written`) that is no team's id: `ambiguous-team`
    /// where it is the display name of two teams or more, else `unknown-team` (`unknown`)
    /// with the nearest slug as a hint (else `otherwise`).
    pub(super) fn unresolved_team(
        &self,
        path: &str,
        (key, written): (&str, &str),
        unknown: String,
        otherwise: &str,
    ) -> Diagnostic {
        match self.team_names.named(written) {
            team_refs::Named::Many(ids) => {
                let ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
                Diagnostic::error(
                    "ambiguous-team",
                    path,
                    format!(
                        "{key} `{written}` is the name of {} teams: {}",
                        ids.len(),
                        crate::text::and_list(&ids)
                    ),
                )
                .with_help(format!(
                    "a team named in `{key}` must be the only team of that name: write the id (the charter's file name) of the one you mean, or rename one of them"
                ))
            }
            _ => Diagnostic::error("unknown-team", path, unknown)
                .with_help(self.team_hint(written, key, otherwise)),
        }
    }

    /// Each charter's `parent` and `owns`: the hierarchy (children sorted by display name,
    /// so every listing of a team's sub-teams agrees) and the ownership index (by item,
    /// then slug). Ownership is exclusive: an item two charters own is an error.
    pub(super) fn check_charters(
        &self,
        diags: &mut Vec<Diagnostic>,
    ) -> (Children, Vec<(String, String)>) {
        let docs = self.docs;
        let mut children = Children::new();
        let mut owners: BTreeMap<String, (String, DocId)> = BTreeMap::new();
        for (&id, doc) in self.teams.values().map(|id| (id, &docs[*id])) {
            let Some(c) = doc.as_team() else { continue };
            if let Some(crate::model::TeamRef {
                value: parent,
                span,
                ..
            }) = &c.parent
            {
                if self.has_team(parent) {
                    if parent == &c.slug {
                        diags.push(point(
                            Diagnostic::error(
                                "parent-cycle",
                                &doc.source.path,
                                "a team cannot be its own parent",
                            )
                            .with_help(
                                "set `parent` to the group this team belongs to, or remove it",
                            ),
                            doc,
                            span,
                        ));
                    } else {
                        children
                            .entry(parent.clone())
                            .or_default()
                            .push(c.slug.clone());
                    }
                } else if !self.unparsed_team(parent) {
                    diags.push(point(
                        self.unresolved_team(
                            &doc.source.path,
                            ("parent", parent),
                            format!("parent `{parent}` is not a charter in this handbook"),
                            "`parent` is the file name (without .md) of a group or team charter, or its `name`",
                        ),
                        doc,
                        span,
                    ));
                }
            }
            for Spanned { value: item, span } in &c.owns {
                let key = crate::model::ownership_key(item);
                match owners.entry(key) {
                    // Read from a team's page (`load::team_page`), an item is a reading of
                    // its list, not a claim: a warning, and a charter that wrote the item
                    // keeps it.
                    Entry::Occupied(mut e)
                        if e.get().1 != id
                            && (c.from_page
                                || docs[e.get().1].as_team().is_some_and(|o| o.from_page)) =>
                    {
                        let other = e.get().1;
                        let (keeper, page, at, at_span) = if c.from_page {
                            (other, id, doc, span)
                        } else {
                            e.insert((item.clone(), id));
                            let other_doc = &docs[other];
                            let at_span = other_doc
                                .as_team()
                                .and_then(|o| {
                                    o.owns.iter().find(|s| {
                                        crate::model::ownership_key(&s.value)
                                            == crate::model::ownership_key(item)
                                    })
                                })
                                .map_or(&(0..0), |s| &s.span);
                            (id, other, other_doc, at_span)
                        };
                        diags.push(point(
                            Diagnostic::warning(
                                "contested-ownership",
                                &at.source.path,
                                format!(
                                    "`{item}` is owned by both {} and {} (this team page lists it); the ownership index gives it to {}",
                                    docs[keeper].source.path,
                                    docs[page].source.path,
                                    docs[keeper].as_team().map_or("", |k| k.name.as_str())
                                ),
                            )
                            .with_help("ownership is exclusive: remove the item from one of the pages, or write the owner's `owns` in its front matter"),
                            at,
                            at_span,
                        ));
                    }
                    Entry::Occupied(e) if e.get().1 != id => {
                        let other_doc = &docs[e.get().1];
                        diags.push(point(
                            Diagnostic::error(
                                "contested-ownership",
                                &doc.source.path,
                                format!("`{item}` is owned by both {} and {}", other_doc.source.path, doc.source.path),
                            )
                            .with_help("ownership is exclusive: agree on one owner and remove the item from the other charter"),
                            doc,
                            span,
                        ));
                    }
                    Entry::Occupied(mut e) => {
                        e.insert((item.clone(), id));
                    }
                    Entry::Vacant(e) => {
                        e.insert((item.clone(), id));
                    }
                }
            }
        }
        for kids in children.values_mut() {
            kids.sort_by_cached_key(|s| {
                crate::model::child_order_key(&docs[self.team_ids[s.as_str()]], s)
            });
        }
        let mut ownership: Vec<(String, String)> = owners
            .into_values()
            .filter_map(|(item, id)| Some((item, docs[id].as_team()?.slug.clone())))
            .collect();
        // `owners` is in the order of the items' trimmed lowercase text, which is this
        // order unless an item has spaces around it: then (only) it is sorted again.
        if ownership
            .iter()
            .any(|(item, _)| item.trim().len() != item.len())
        {
            ownership.sort_by_cached_key(|(item, slug)| (item.to_lowercase(), slug.clone()));
        }
        (children, ownership)
    }

    /// `[[interactions]] team` is a reference like `parent`: same error, same hint.
    pub(super) fn check_interactions(&self, diags: &mut Vec<Diagnostic>) {
        for doc in self.teams.values().map(|id| &self.docs[*id]) {
            let Some(c) = doc.as_team() else { continue };
            for i in &c.interactions {
                let crate::model::TeamRef {
                    value: other, span, ..
                } = &i.team;
                let problem = if other == &c.slug {
                    Some(
                        Diagnostic::error(
                            "unknown-team",
                            &doc.source.path,
                            "a team cannot interact with itself",
                        )
                        .with_help("list the other teams this team works with"),
                    )
                } else if !self.has_team(other) && !self.unparsed_team(other) {
                    Some(self.unresolved_team(
                        &doc.source.path,
                        ("team", other),
                        format!(
                            "interaction with `{other}`, which is not a charter in this handbook"
                        ),
                        "`team` is the file name (without .md) of a team charter, or its `name`",
                    ))
                } else {
                    None
                };
                if let Some(diag) = problem {
                    diags.push(point(diag, doc, span));
                }
            }
        }
    }

    /// Each decision's `team`, `supersedes` and `superseded by` status: the decisions by
    /// team, the decisions that supersede each one, and [`Handbook::named_in_status`].
    pub(super) fn check_decisions(&self, diags: &mut Vec<Diagnostic>) -> DecisionRelations {
        let mut team_decisions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut superseded_by: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for (&number, &id) in self.decisions {
            let doc = &self.docs[id];
            let Some(d) = doc.as_decision() else { continue };
            let crate::model::TeamRef {
                value: team, span, ..
            } = &d.team;
            if self.has_team(team) {
                team_decisions.entry(team.clone()).or_default().push(number);
            } else if !self.unparsed_team(team) {
                diags.push(point(
                    self.unresolved_team(
                        &doc.source.path,
                        ("team", team),
                        format!("team `{team}` is not a charter in this handbook"),
                        "`team` is the file name (without .md) of the owning team's charter, or its `name`",
                    ),
                    doc,
                    span,
                ));
            }
            for Spanned {
                value: target,
                span,
            } in &d.supersedes
            {
                if *target == number {
                    diags.push(point(
                        Diagnostic::error(
                            "unknown-decision",
                            &doc.source.path,
                            "a decision cannot supersede itself",
                        )
                        .with_help("list the numbers of the earlier decisions this one replaces"),
                        doc,
                        span,
                    ));
                } else if self.decisions.contains_key(target) {
                    superseded_by.entry(*target).or_default().push(number);
                } else {
                    diags.extend(self.unknown_decision(
                        doc,
                        span,
                        *target,
                        format!("supersedes decision {target}, which does not exist"),
                        "`supersedes` lists decision numbers (the leading digits of their file names)",
                    ));
                }
            }
        }
        let named_in_status = self.check_status_references(&mut superseded_by, diags);
        (team_decisions, superseded_by, named_in_status)
    }

    /// MADR's `status: superseded by ADR-0012` in the older record: the same relation as
    /// 12 listing it in `supersedes`, added to `superseded_by` (once, when 12 lists it
    /// too), for each newer record the status names. Returns the newer decisions'
    /// relations that their own `supersedes` lacks ([`Handbook::named_in_status`]); a
    /// number that names no decision is reported at its place in the status, as one in
    /// `supersedes` is.
    pub(super) fn check_status_references(
        &self,
        superseded_by: &mut BTreeMap<u32, Vec<u32>>,
        diags: &mut Vec<Diagnostic>,
    ) -> BTreeMap<u32, Vec<u32>> {
        let mut named_in_status: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        // The lists a status added to, sorted once at the end: a status may name many.
        let mut touched: Vec<u32> = Vec::new();
        for (&number, &id) in self.decisions {
            let doc = &self.docs[id];
            let Some(d) = doc.as_decision() else {
                continue;
            };
            for Spanned { value: newer, span } in &d.superseded_by {
                let newer = *newer;
                if newer == number {
                    diags.push(point(
                        Diagnostic::error(
                            "unknown-decision",
                            &doc.source.path,
                            "a decision cannot be superseded by itself",
                        )
                        .with_help(
                            "`superseded by` names the newer decision that replaces this one",
                        ),
                        doc,
                        span,
                    ));
                } else if let Some(newer_doc) = self.decisions.get(&newer).map(|&i| &self.docs[i]) {
                    let listed = newer_doc
                        .as_decision()
                        .is_some_and(|d| d.supersedes.iter().any(|s| s.value == number));
                    if !listed {
                        named_in_status.entry(newer).or_default().push(number);
                        superseded_by.entry(number).or_default().push(newer);
                        touched.push(number);
                    }
                } else {
                    diags.extend(self.unknown_decision(
                        doc,
                        span,
                        newer,
                        format!("status says superseded by decision {newer}, which does not exist"),
                        "`superseded by` names the newer decision by its number (the leading digits of its file name)",
                    ));
                }
            }
        }
        touched.dedup();
        for number in touched {
            if let Some(by) = superseded_by.get_mut(&number) {
                by.sort_unstable();
                by.dedup();
            }
        }
        named_in_status
    }

    /// The error for a reference at `span` of `doc` to decision `number`, which is not in
    /// the handbook: `None` when its file did not parse (its own error is the one to fix).
    pub(super) fn unknown_decision(
        &self,
        doc: &crate::model::Doc,
        span: &std::ops::Range<usize>,
        number: u32,
        message: String,
        rule: &str,
    ) -> Option<Diagnostic> {
        if self.unparsed_decisions.contains(&number) {
            return None;
        }
        let near = self
            .nearest_number(number)
            .map(|n| format!(" the nearest existing number is {n}."))
            .unwrap_or_default();
        Some(point(
            Diagnostic::error("unknown-decision", &doc.source.path, message)
                .with_help(format!("{rule};{near}")),
            doc,
            span,
        ))
    }
}
