//! Adapter from the handbook to the search index: one [`SearchDoc`] per page, built from the
//! same rendered Markdown the pages use (headings and plain text come from the one parse in
//! `markdown/`, so the index and the pages cannot drift).

use crate::model::Spanned;
use std::borrow::Cow;

use super::OutputFile;
use crate::link::Handbook;
use crate::markdown::Rendered;
use crate::model::{Doc, DocKind, TeamKind};
use crate::search::{self, DocKind as Kind, Field, SearchDoc};

pub fn search_docs<'a>(hb: &'a Handbook, rendered: &'a [Rendered]) -> Vec<SearchDoc<'a>> {
    hb.docs
        .iter()
        .zip(rendered)
        .map(|(doc, r)| search_doc(hb, doc, r, None))
        .collect()
}

/// The [`SearchDoc`] of one document. `page_title`, when given, stands for the title of a
/// page whose title comes from its body (`page_title` in site.rs), for a caller that indexes the
/// page before the titles are filled in.
pub fn search_doc<'a>(
    hb: &'a Handbook,
    doc: &'a Doc,
    r: &'a Rendered,
    page_title: Option<&'a str>,
) -> SearchDoc<'a> {
    {
        let mut fields: Vec<(Field, Cow<str>)> = Vec::new();
        fields.extend(
            r.headings
                .iter()
                .map(|h| (Field::Heading, h.text.as_str().into())),
        );
        let (kind, title, team, status, decision_type, excerpt) = match &doc.kind {
            DocKind::Team(c) => {
                fields.extend(
                    c.owns
                        .iter()
                        .map(|Spanned { value: o, .. }| (Field::Owns, o.as_str().into())),
                );
                // The code paths CODEOWNERS gives the team: "who owns services/billing".
                fields.extend(
                    hb.code_owners
                        .rules_of(&c.slug)
                        .map(|(_, rule)| (Field::Owns, rule.pattern.value.as_str().into())),
                );
                let mut typed: Vec<&str> = Vec::new();
                typed.extend(c.problem.as_deref());
                typed.extend(c.metrics.iter().map(|m| m.name.as_str()));
                typed.extend(c.lead.as_deref());
                typed.extend(c.members.iter().map(String::as_str));
                typed.extend(c.contact.iter().map(|(_, v)| v.as_str()));
                fields.push((Field::Typed, typed.join("\n").into()));
                let kind = match c.kind {
                    TeamKind::Team => Kind::Team,
                    TeamKind::Group => Kind::Group,
                };
                // A team "belongs to" its parent group in result listings.
                let parent = c
                    .parent
                    .as_ref()
                    .and_then(|crate::model::TeamRef { value: p, .. }| hb.team(p))
                    .map(|(_, p)| p.name.as_str().into());
                (
                    kind,
                    c.name.as_str().into(),
                    parent,
                    None,
                    None,
                    c.problem.as_deref().map(Cow::from),
                )
            }
            DocKind::Decision(d) => {
                let team = hb.team(&d.team.value).map(|(_, c)| c.name.as_str());
                let mut typed = vec![
                    search::decision_number_text(d.number),
                    d.status.as_str().to_string(),
                    format!("type {}", d.decision_type),
                ];
                typed.extend(team.map(String::from));
                typed.extend(d.deciders.iter().cloned());
                typed.extend(d.authors.iter().cloned());
                typed.extend(d.tags.iter().cloned());
                fields.push((Field::Typed, typed.join("\n").into()));
                let title = Cow::from(format!("ADR {}: {}", d.number, d.title));
                (
                    Kind::Decision,
                    title,
                    team.map(Cow::from),
                    Some(d.status.as_str().into()),
                    Some(d.decision_type.number()),
                    None,
                )
            }
            DocKind::Page(p) => {
                // Front matter tags and keywords are found like a decision's tags.
                if !p.tags.is_empty() || !p.keywords.is_empty() {
                    let words: Vec<&str> = p
                        .tags
                        .iter()
                        .chain(&p.keywords)
                        .map(String::as_str)
                        .collect();
                    fields.push((Field::Typed, words.join("\n").into()));
                }
                let title = page_title.unwrap_or(&p.title);
                let title = if p.is_home && title.is_empty() {
                    hb.config.title.as_str()
                } else {
                    title
                };
                (
                    Kind::Page,
                    title.into(),
                    None,
                    None,
                    None,
                    p.description.as_deref().map(Cow::from),
                )
            }
        };
        fields.insert(0, (Field::Title, title.clone()));
        fields.push((Field::Body, r.text.as_str().into()));
        SearchDoc {
            url: doc.url.as_str().into(),
            kind,
            title,
            team,
            status,
            decision_type,
            fields,
            excerpt,
        }
    }
}

pub fn search_files(hb: &Handbook, rendered: &[Rendered]) -> Vec<OutputFile> {
    search::build_index(&search_docs(hb, rendered))
        .into_iter()
        .map(|(path, bytes)| OutputFile {
            path,
            contents: super::FileContents::Bytes(bytes),
        })
        .collect()
}
