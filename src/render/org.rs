//! The organisation-level pages: org map (SVG + nested list), ownership index ("who owns
//! X") and org health. Each takes the whole handbook, so these are the pages that must be
//! regenerated on any charter or decision change.

use super::context::*;
use super::{OutputFile, Renderer};
use crate::diagnostic::Diagnostic;
use crate::health::{Health, RULES};
use crate::model::{Charter, TeamKind};
use crate::orgmap::{self, OrgNode};
use std::fmt::Write as _;

pub use crate::text::escape_html;

impl Renderer<'_> {
    /// An org-map node for `c`, with `href_prefix` (the way from the embedding page to
    /// `teams/`) and, when `deep`, its whole subtree.
    fn org_node(&self, c: &Charter, href_prefix: &str, deep: bool) -> OrgNode {
        let hb = self.handbook;
        let children = if deep {
            hb.children
                .get(&c.slug)
                .map(|kids| {
                    kids.iter()
                        .filter_map(|k| hb.team(k))
                        .map(|(_, k)| self.org_node(k, href_prefix, true))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        OrgNode {
            slug: c.slug.clone(),
            name: c.name.clone(),
            url: format!("{href_prefix}{}.html", c.slug),
            // The trend arrow of the primary metric's history, when it has one.
            metric: self
                .team_summary(c, 0)
                .primary_metric
                .map(|m| match self.primary_trend(c) {
                    Some(arrow) => format!("{m} {arrow}"),
                    None => m,
                }),
            size: match c.kind {
                TeamKind::Group => self.handbook.subtree_members(&c.slug),
                TeamKind::Team => c.members.len(),
            },
            is_group: c.kind == TeamKind::Group,
            children,
        }
    }

    /// The neighbourhood SVG for a team page (pages live in `teams/`, so links are siblings).
    pub(super) fn neighbourhood(&self, c: &Charter) -> String {
        let hb = self.handbook;
        let me = self.org_node(c, "", false);
        let parent = c
            .parent
            .as_ref()
            .and_then(|(p, _)| hb.team(p))
            .map(|(_, p)| self.org_node(p, "", false));
        let siblings: Vec<OrgNode> = match &c.parent {
            Some((p, _)) => hb
                .children
                .get(p)
                .map(|kids| {
                    kids.iter()
                        .filter_map(|k| hb.team(k))
                        .map(|(_, k)| self.org_node(k, "", false))
                        .collect()
                })
                .unwrap_or_default(),
            None => vec![me.clone()],
        };
        let children: Vec<OrgNode> = hb
            .children
            .get(&c.slug)
            .map(|kids| {
                kids.iter()
                    .filter_map(|k| hb.team(k))
                    .map(|(_, k)| self.org_node(k, "", false))
                    .collect()
            })
            .unwrap_or_default();
        orgmap::render_neighbourhood(parent.as_ref(), &siblings, &me, &children)
    }

    fn tree_html(&self) -> String {
        let mut html = String::new();
        let roots = self.handbook.roots();
        self.push_tree(&roots, &mut html);
        html
    }

    fn push_tree(&self, slugs: &[&str], html: &mut String) {
        let hb = self.handbook;
        html.push_str("<ul>");
        for slug in slugs {
            let Some((doc, c)) = hb.team(slug) else {
                continue;
            };
            let _ = write!(
                html,
                "<li><a href=\"{}\">{}</a>",
                escape_html(&doc.url),
                escape_html(&c.name)
            );
            if c.kind == TeamKind::Group {
                html.push_str(" <span class=\"kind kind-group\">group</span>");
            } else {
                let _ = write!(html, " <span class=\"muted\">· {} people", c.members.len());
                if let Some(m) = self.team_summary(c, 0).primary_metric {
                    let _ = write!(html, " · {}", escape_html(&m));
                }
                html.push_str("</span>");
            }
            if let Some(kids) = hb.children.get(*slug) {
                let kids: Vec<&str> = kids.iter().map(String::as_str).collect();
                self.push_tree(&kids, html);
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }

    pub(super) fn orgmap_page(&self) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let roots: Vec<OrgNode> = hb
            .roots()
            .into_iter()
            .filter_map(|s| hb.team(s))
            .map(|(_, c)| self.org_node(c, "teams/", true))
            .collect();
        let (mut teams, mut groups) = (0, 0);
        for (_, c) in hb.teams.keys().filter_map(|s| hb.team(s)) {
            match c.kind {
                TeamKind::Team => teams += 1,
                TeamKind::Group => groups += 1,
            }
        }
        let ctx = OrgMapPage {
            base: self.base("orgmap.html", "Org map".into(), None, "orgmap"),
            svg: orgmap::render_org_map(&roots),
            tree_html: self.tree_html(),
            teams,
            groups,
        };
        self.render("orgmap.html", "orgmap.html", &ctx)
    }

    pub(super) fn ownership_page(&self) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let mut letters: Vec<OwnershipLetter> = Vec::new();
        for (item, slug) in &hb.ownership {
            let Some((doc, c)) = hb.team(slug) else {
                continue;
            };
            let first = item
                .chars()
                .next()
                .map(|ch| ch.to_uppercase().collect::<String>())
                .unwrap_or_default();
            let letter = if first.chars().all(|ch| ch.is_ascii_alphabetic()) && !first.is_empty() {
                first
            } else {
                "#".into()
            };
            let group = hb
                .ancestors(slug)
                .first()
                .and_then(|g| hb.team(g))
                .map(|(d, g)| Link {
                    title: g.name.clone(),
                    url: d.url.clone(),
                });
            let entry = OwnershipItem {
                item: item.clone(),
                team: Link {
                    title: c.name.clone(),
                    url: doc.url.clone(),
                },
                group,
            };
            match letters.iter_mut().find(|l| l.letter == letter) {
                Some(l) => l.items.push(entry),
                None => letters.push(OwnershipLetter {
                    id: if letter == "#" {
                        "other".into()
                    } else {
                        letter.to_lowercase()
                    },
                    letter,
                    items: vec![entry],
                }),
            }
        }
        // Letters A–Z first, the rest last; items are already sorted case-insensitively.
        letters.sort_by(|a, b| (a.letter == "#", &a.letter).cmp(&(b.letter == "#", &b.letter)));
        let ctx = OwnershipPage {
            base: self.base("ownership.html", "Who owns what".into(), None, "ownership"),
            total: hb.ownership.len(),
            letters,
        };
        self.render("ownership.html", "ownership.html", &ctx)
    }

    pub(super) fn health_page(&self, health: &Health) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let rules = RULES
            .iter()
            .map(|(id, title)| HealthRule {
                id,
                title,
                denied: hb.config.policy.deny.iter().any(|d| d == id),
                findings: health
                    .findings
                    .iter()
                    .filter(|f| f.rule == *id)
                    .map(|f| HealthFinding {
                        message: f.message.clone(),
                        link: self.link_to(f.doc),
                        person_url: f.person.as_ref().map(|s| format!("people/{s}.html")),
                        line: {
                            let text = &hb.docs[f.doc].source.text;
                            let at = f.span.start.min(text.len());
                            text.as_bytes()[..at]
                                .iter()
                                .filter(|&&b| b == b'\n')
                                .count()
                                + 1
                        },
                    })
                    .collect(),
            })
            .collect();
        let velocity_by_team = health
            .velocity
            .by_team
            .iter()
            .filter_map(|(slug, l)| {
                hb.team(slug).map(|(d, c)| {
                    (
                        Link {
                            title: c.name.clone(),
                            url: d.url.clone(),
                        },
                        *l,
                    )
                })
            })
            .collect();
        let ctx = HealthPage {
            base: self.base("health.html", "Org health".into(), None, "health"),
            today: health.today.map(|d| d.to_string()).unwrap_or_default(),
            rules,
            total: health.findings.len(),
            velocity: health.velocity.overall,
            velocity_by_type: health.velocity.by_type.clone(),
            velocity_by_team,
            review_days: hb.config.teams.review_days,
            stalled_days: hb.config.decisions.stalled_days,
            max_size: hb.config.teams.max_size,
            insight: self.health_insight(health),
        };
        self.render("health.html", "health.html", &ctx)
    }
}
