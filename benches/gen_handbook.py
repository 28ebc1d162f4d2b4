#!/usr/bin/env python3
"""Generate a synthetic, valid orgbook handbook for benchmarks.

    python3 benches/gen_handbook.py OUT_DIR --pages N [--seed S] [--force]

Writes OUT_DIR/orgbook.toml and OUT_DIR/content/ with exactly N Markdown
files: ~6% team charters (groups, teams, sub-teams), ~35% decision records,
the rest handbook pages in nested folders.  The output is deterministic for a
given (N, seed): only lists and dicts are iterated, never sets, and a single
seeded random.Random drives every choice.

Everything generated follows FORMAT.md: every `parent`, `team` and
`supersedes` resolves, `parent` has no cycles, `owns` items are unique,
decision numbers and team slugs are unique, accepted/rejected decisions have
`decided`, accepted Type 1 decisions have `deciders`, and every relative link
points at an existing file (anchors point at headings that exist).

Python 3.11+ standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import posixpath
import random
import shutil
import sys
import time
import unicodedata

# Fixed reference "today" so that output never depends on the wall clock.
REF_DATE = dt.date(2026, 10, 1)
DECISIONS_START = dt.date(2019, 1, 7)

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

WORDS = """
the the the the the a a a an and and and of of of to to to in in in for for
on on with with is is are are be we we we our our you your it it this that
that they their as at by from or not can will should must may when which
who what how all each every more most some any new team teams process work
working handbook people customer customers service services system systems
data decision decisions review reviews owner owners meeting meetings week
weekly quarter quarterly goal goals plan plans planning release releases
incident incidents change changes risk risks budget cost costs time support
quality feedback document documents policy policies practice practices
product products platform infrastructure deploy deployment pipeline tests
testing security privacy access account accounts request requests approval
approvals manager managers engineer engineers designer designers lead leads
roadmap priority priorities dependency dependencies metric metrics target
targets latency availability reliability capacity migration migrations
database databases queue queues cache endpoint endpoints contract contracts
vendor vendors partner partners office offices remote hybrid schedule
onboarding mentor mentors learning growth career hiring interview
interviews candidate candidates salary benefits travel expense expenses
invoice invoices payment payments ledger billing checkout search identity
usually often sometimes rarely always never clearly quickly carefully
early late first last next previous current shared common important simple
small large clear explicit written async synchronous documented agreed
ownership responsibility accountability context trade-off trade-offs
outcome outcomes impact scope constraint constraints assumption assumptions
write read ask share decide agree escalate explain update track measure
improve reduce avoid prefer keep make take give use run ship build test
review plan follow start stop check own support handle expect need want
because although while before after during until unless since therefore
however instead also only even still already just rather quite
Zürich café 東京 naïve résumé München façade Kraków Malmö Ångström
""".split()

NON_ASCII = ["Zürich", "café", "東京", "naïve", "résumé", "São Paulo", "München",
             "Kraków", "Malmö", "Ångström", "déjà vu", "Straße"]

FIRST = ["Ana", "Björn", "Chloé", "Dmitri", "Emeka", "Fatima", "Grace", "Hiro",
         "Inés", "Jonas", "Kalani", "Łukasz", "Maya", "Noor", "Olu", "Priya",
         "Quinn", "Rosa", "Søren", "Tomás", "Uma", "Viktor", "Wen", "Ximena",
         "Yusuf", "Zoë", "Amara", "Ben", "Camille", "Diego", "Elif", "Farah",
         "Gustav", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo", "Nadia"]
LAST = ["Müller", "García", "Nguyen", "Okafor", "Dvořák", "Tanaka", "O'Brien",
        "Kowalski", "Silva", "Hansen", "Patel", "Rossi", "Andersson", "Kim",
        "Novak", "Moreau", "Haddad", "Costa", "Schmidt", "Yilmaz", "田中",
        "Fernández", "Ivanova", "Mensah", "Lindqvist", "Byrne", "Chen",
        "Jovanović", "Ahmed", "Sato"]
PEOPLE = [f"{f} {l}" for l in LAST for f in FIRST]  # deterministic order

GROUP_AREAS = ["commerce", "money", "trust", "growth", "foundations", "data",
               "people", "experience", "platform", "operations", "marketplace",
               "insights", "enterprise", "consumer", "infrastructure",
               "developer", "mobile", "security", "finance", "logistics"]

DOMAINS = ["payments", "ledger", "billing", "checkout", "identity", "search",
           "catalog", "pricing", "inventory", "shipping", "returns", "fraud",
           "risk", "compliance", "notifications", "messaging", "onboarding",
           "accounts", "profiles", "recommendations", "analytics", "reporting",
           "warehouse", "streaming", "storage", "compute", "networking",
           "observability", "deployments", "build", "testing", "tooling",
           "design-system", "web", "ios", "android", "api-gateway", "auth",
           "permissions", "audit", "tax", "invoicing", "subscriptions",
           "refunds", "disputes", "payouts", "treasury", "forecasting",
           "experimentation", "ads", "partners", "integrations", "support",
           "help-center", "chat", "email", "sms", "localization", "media",
           "uploads", "maps", "scheduling", "calendar", "hr-systems",
           "payroll", "recruiting", "learning", "security-engineering",
           "incident-tooling", "edge", "dns", "databases", "queues", "caching",
           "ml-platform", "feature-store", "data-quality", "privacy",
           "consent", "accessibility", "performance", "reliability"]

QUALIFIERS = ["platform", "core", "experience", "data", "infra", "mobile",
              "web", "api", "growth", "reliability", "tooling", "ops"]

COMPONENTS = ["api", "service", "database", "worker", "dashboard", "pipeline",
              "sdk", "cli", "scheduler", "gateway", "index", "queue",
              "admin console", "reconciliation job", "event stream", "cache",
              "domain", "runbooks", "alerts", "schema"]

METRICS = [
    ("p95 {d} latency", "< {a} ms", "{b} ms"),
    ("{d} availability", "99.9%", "99.{c}%"),
    ("{d} error rate", "< 0.{c}%", "0.{c}%"),
    ("Time to resolve {d} tickets", "< {c} days", "{c} days"),
    ("{d} adoption", "{a}%", "{c}%"),
    ("Deploys per week ({d})", "> {c}", "{c}"),
    ("{d} cost per request", "< ${c}.00 per 1k", "${c}.40 per 1k"),
    ("Customer satisfaction ({d})", ">= 4.{c}", "4.{c}"),
    ("Onboarding time for {d}", "< {c} days", "{c} days"),
    ("{d} incidents per quarter", "<= {c}", "{c}"),
]

DECISION_VERBS = ["Adopt", "Use", "Replace", "Migrate to", "Standardise on",
                  "Deprecate", "Introduce", "Split", "Merge", "Retire",
                  "Move", "Centralise", "Self-host", "Outsource", "Require"]
TECH = ["PostgreSQL", "Kafka", "Redis", "gRPC", "GraphQL", "OpenTelemetry",
        "feature flags", "a monorepo", "trunk-based development", "Rust",
        "TypeScript", "Kubernetes", "Terraform", "event sourcing",
        "blue-green deploys", "an internal SDK", "SQLite", "S3-compatible storage",
        "OAuth 2.1", "passkeys", "a service mesh", "canary releases",
        "contract tests", "a data warehouse", "dbt", "weekly releases",
        "RFCs for API changes", "on-call rotations", "SLOs", "ADR reviews"]

TAGS = ["architecture", "security", "process", "data", "infrastructure",
        "frontend", "backend", "mobile", "cost", "compliance", "hiring",
        "tooling", "reliability", "privacy", "performance", "api"]

SECTIONS = ["how-we-work", "onboarding", "engineering", "security", "people",
            "finance", "product", "design", "operations", "incident-response",
            "communication", "tools", "policies", "benefits", "travel",
            "hiring", "learning", "office-life", "customer-support", "legal",
            "data", "architecture", "management", "meetings", "planning",
            "releases", "quality", "accessibility", "sustainability",
            "procurement", "it", "facilities", "leadership", "culture",
            "remote-work", "writing", "research", "marketing", "sales",
            "partnerships", "compliance", "analytics", "on-call", "reviews",
            "rituals", "guides", "reference", "playbooks", "templates",
            "archive"]

PAGE_OBJECTS = ["expense reports", "design docs", "code review", "pull requests",
                "on-call handovers", "incident reviews", "one-on-ones",
                "performance reviews", "goal setting", "hiring loops",
                "interview feedback", "laptops", "access requests",
                "vendor onboarding", "purchase orders", "travel bookings",
                "parental leave", "sick leave", "holidays", "public speaking",
                "blog posts", "release notes", "feature flags",
                "database migrations", "production access", "secrets",
                "customer escalations", "support tickets", "status updates",
                "planning cycles", "quarterly goals", "team offsites",
                "brown-bag talks", "internal tools", "the wiki", "chat channels",
                "email", "meeting notes", "retrospectives", "postmortems",
                "runbooks", "dashboards", "alerts", "service ownership",
                "API versioning", "data retention", "user research",
                "accessibility audits", "security reviews", "threat models",
                "penetration tests", "backups", "disaster recovery",
                "cost reports", "budgets", "contracts", "NDAs", "open source",
                "the Zürich office", "the 東京 office", "café visits",
                "mentoring", "career ladders", "promotions", "compensation"]
PAGE_PATTERNS = ["How to handle {o}", "{O}", "{O} policy", "{O} guidelines",
                 "Working with {o}", "{O} checklist", "{O} FAQ",
                 "A guide to {o}", "{O}: the basics", "Improving {o}",
                 "{O} for new joiners", "Our approach to {o}"]

PAGE_HEADINGS = ["Overview", "Why this matters", "Who this is for",
                 "Getting started", "Step by step", "Before you begin",
                 "Common questions", "Q&A", "Tips & tricks", "Examples",
                 "Exceptions", "Escalation path", "Tools we use", "Templates",
                 "Checklist", "Timeline", "Roles and responsibilities",
                 "What good looks like", "Anti-patterns", "Further reading",
                 "History", "Open questions", "Glossary", "Budget", "Approvals",
                 "Reporting", "Privacy considerations", "Accessibility",
                 "Metrics we track", "Hand-offs", "On-call (optional)",
                 "Time zones", "Remote work", "Feedback loops", "Known issues",
                 "Next steps", "FAQ: the short version", "Step 1: prepare",
                 "Step 2: review", "Step 3: ship", "Do's and don'ts",
                 "Costs in 2025", "Who to ask"]
CHARTER_HEADINGS = ["Mission", "What we do", "What we don't do",
                    "How to work with us", "Roadmap", "Current priorities",
                    "Rituals", "On-call", "Dependencies", "Team history",
                    "Working agreements", "Requests & intake"]
DECISION_HEADINGS = ["Problem statement", "Decision drivers",
                     "Considered options", "Pros and cons of the options",
                     "Risks & mitigations", "Rollout plan", "Follow-ups",
                     "Open questions", "Cost estimate"]
SUB_HEADINGS = ["Option A", "Option B", "Option C", "Positive", "Negative",
                "Phase 1", "Phase 2", "Cost", "Security", "Performance",
                "Details", "Example", "Notes", "Edge cases", "Rationale",
                "Prerequisites", "Caveats", "Measuring success"]

CODE_SNIPPETS = [
    ("bash", ["git switch -c feature/{w}", "cargo test --workspace",
              "git push -u origin HEAD", "gh pr create --fill"]),
    ("toml", ["[service]", 'name = "{w}"', "replicas = 3",
              'owner = "team-{w}"']),
    ("sql", ["SELECT id, status, created_at", "FROM {w}_events",
             "WHERE created_at > now() - interval '7 days'",
             "ORDER BY created_at DESC;"]),
    ("yaml", ["alert: {w}-error-rate", "expr: rate(errors[5m]) > 0.01",
              "for: 10m", "severity: page"]),
    ("rust", ["fn main() {{", '    println!("hello, {w}");', "}}"]),
    ("", ["$ make {w}", "building... done", "3 warnings, 0 errors"]),
]

LINK_TEMPLATES = ["See [{t}]({h}) for the details.",
                  "This is described in [{t}]({h}).",
                  "Read [{t}]({h}) first.",
                  "The background is in [{t}]({h}), which we keep up to date.",
                  "If in doubt, check [{t}]({h}).",
                  "Compare with [{t}]({h})."]


def slugify(text: str) -> str:
    """Heading-id slug: lowercase, non-alphanumerics collapsed to '-', trimmed."""
    out = []
    dash = False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def heading_id(text: str) -> str:
    """Heading id as orgbook (and GitHub) make it: lowercase; letters, digits, '-' and '_'
    kept; spaces become '-'; everything else dropped."""
    out = []
    for ch in text.strip().lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch.isspace():
            out.append("-")
    return "".join(out) or "section"


def ascii_slug(text: str) -> str:
    """File-name slug: ASCII only (accents stripped, other scripts dropped)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return slugify(text)


def q(s: str) -> str:
    """TOML basic string (JSON escapes are a subset TOML accepts)."""
    return json.dumps(s, ensure_ascii=False)


def qarr(items) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def title_case(slug: str) -> str:
    words = slug.replace("-", " ").split()
    small = {"and", "of", "for", "the", "to"}
    up = {"api": "API", "ml": "ML", "hr": "HR", "ios": "iOS", "sdk": "SDK",
          "dns": "DNS", "sms": "SMS", "it": "IT"}
    out = []
    for i, w in enumerate(words):
        if w in up:
            out.append(up[w])
        elif i > 0 and w in small:
            out.append(w)
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


for _pool in (PAGE_HEADINGS, CHARTER_HEADINGS, DECISION_HEADINGS, SUB_HEADINGS):
    _slugs = [heading_id(h) for h in _pool]
    assert len(set(_slugs)) == len(_slugs), _pool
_all_h = PAGE_HEADINGS + CHARTER_HEADINGS + DECISION_HEADINGS + SUB_HEADINGS
assert all(h.isascii() for h in _all_h)
FIXED_DECISION_HEADINGS = ["Context", "Decision", "Consequences"]


# --------------------------------------------------------------------------
# Plan
# --------------------------------------------------------------------------

class Doc:
    __slots__ = ("path", "kind", "title", "fm", "headings", "h1", "words",
                 "link_text")

    def __init__(self, path, kind, title):
        self.path = path          # relative to content/, posix
        self.kind = kind          # charter | decision | page | index
        self.title = title
        self.fm = None            # front matter text (without +++), or None
        self.headings = []        # [(level, text)]
        self.h1 = False           # body starts with "# title"
        self.words = 0
        self.link_text = title


def pick_headings(rng, pool, n_top, fixed=None):
    """Return [(level, text)], all slugs unique within the document."""
    tops = list(fixed or [])
    for h in rng.sample(pool, min(n_top, len(pool))):
        tops.append(h)
    subs = rng.sample(SUB_HEADINGS, rng.randint(0, 3))
    out = []
    for h in tops:
        out.append((2, h))
        while subs and rng.random() < 0.4:
            out.append((3, subs.pop()))
    for h in subs:  # leftovers go under the last section
        out.append((3, h))
    return out


class Uniq:
    """Unique names with deterministic numeric fallback."""

    def __init__(self):
        self.seen = {}

    def take(self, name):
        key = name.lower()
        if key not in self.seen:
            self.seen[key] = 1
            return name
        n = self.seen[key]
        while True:
            n += 1
            cand = f"{name}-{n}"
            if cand.lower() not in self.seen:
                self.seen[key] = n
                self.seen[cand.lower()] = 1
                return cand


def plan_charters(rng, count):
    slugs = Uniq()
    owns_seen = Uniq()
    docs = []
    n_groups = max(1, round(count / 9))
    if count - n_groups < 1:
        n_groups = count - 1
    n_top = max(1, round(n_groups / 4))
    groups = []       # (slug, dir) dir = folder holding its children
    top_groups = []
    teams_lvl2 = []   # teams directly under a group (may get sub-teams)
    team_slugs = []

    def charter_fm(kind, name, parent, problem, metrics, owns, lead, members,
                   slug):
        lines = [f"name = {q(name)}"]
        if kind == "group":
            lines.append('kind = "group"')
        elif rng.random() < 0.3:
            lines.append('kind = "team"')
        if parent:
            lines.append(f"parent = {q(parent)}")
        if problem:
            lines.append(f"problem = {q(problem)}")
        if owns:
            lines.append(f"owns = {qarr(owns)}")
        if lead:
            lines.append(f"lead = {q(lead)}")
        if members:
            lines.append(f"members = {qarr(members)}")
        reviewed = REF_DATE - dt.timedelta(days=rng.randint(0, 420))
        lines.append(f"reviewed = {reviewed.isoformat()}")
        for m in metrics:
            lines.append("")
            lines.append("[[metrics]]")
            lines.append(f"name = {q(m[0])}")
            if m[1]:
                lines.append(f"target = {q(m[1])}")
            if m[2]:
                lines.append(f"current = {q(m[2])}")
        lines.append("")
        lines.append("[contact]")
        lines.append(f'chat = "#{slug}"')
        if rng.random() < 0.7:
            lines.append(f'email = "{slug}@example.org"')
        if rng.random() < 0.2:
            lines.append(f'office = {q(rng.choice(["Zürich", "東京", "São Paulo", "Berlin", "Lagos"]))}')
        return "\n".join(lines)

    for i in range(n_groups):
        area = GROUP_AREAS[i % len(GROUP_AREAS)]
        slug = slugs.take(area if i < len(GROUP_AREAS) else f"{area}-{rng.choice(QUALIFIERS)}")
        name = title_case(slug) + " Group"
        if i < n_top:
            parent = None
            folder = "teams"
            top_groups.append(slug)
        else:
            parent_slug, parent_dir = rng.choice([(s, d) for s, d in groups if s in top_groups[:]])
            parent = parent_slug
            folder = parent_dir
        path = f"{folder}/{slug}.md"
        groups.append((slug, f"{folder}/{slug}"))
        d = Doc(path, "charter", name)
        problem = None
        if rng.random() < 0.5:
            problem = f"Coordinate the {title_case(area).lower()} teams so that customers see one coherent product."
        lead = rng.choice(PEOPLE)
        d.fm = charter_fm("group", name, parent, problem, [], [], lead, [], slug)
        d.headings = pick_headings(rng, CHARTER_HEADINGS, rng.randint(2, 4))
        docs.append(d)

    group_dirs = {s: d for s, d in groups}
    leaf_groups = [s for s, _ in groups if s not in top_groups] or list(top_groups)
    for i in range(count - n_groups):
        base = DOMAINS[i % len(DOMAINS)]
        if i >= len(DOMAINS):
            base = f"{base}-{QUALIFIERS[(i // len(DOMAINS) - 1) % len(QUALIFIERS)]}"
        slug = slugs.take(base)
        if teams_lvl2 and rng.random() < 0.3:
            parent, folder = rng.choice(teams_lvl2)
            sub = True
        else:
            parent = rng.choice(leaf_groups)
            folder = group_dirs[parent]
            sub = False
        if i > 10 and rng.random() < 0.02:
            parent, folder, sub = None, "teams", False  # a few top-level teams
        path = f"{folder}/{slug}.md"
        if not sub:
            teams_lvl2.append((slug, f"{folder}/{slug}"))
        team_slugs.append(slug)
        name = title_case(slug)
        dom = name.lower()
        problem = rng.choice([
            f"Customers and colleagues depend on {dom} working every time; we make it fast, correct and boring.",
            f"Without a clear owner, {dom} drifts. We own it end to end. We keep it healthy and easy to change.",
            f"Teams across the company need {dom} to ship. We provide it as a reliable, self-service product.",
            f"{title_case(slug)} is slow and hard to change today. We fix that, one measurable step at a time.",
        ])
        metrics = []
        for tpl in rng.sample(METRICS, rng.randint(1, 2)):
            a, b, c = rng.randint(100, 900), rng.randint(100, 900), rng.randint(1, 9)
            nm = tpl[0].format(d=dom, a=a, b=b, c=c)
            tgt = tpl[1].format(d=dom, a=a, b=b, c=c) if rng.random() < 0.9 else None
            cur = tpl[2].format(d=dom, a=a, b=b, c=c) if rng.random() < 0.8 else None
            metrics.append((nm[:1].upper() + nm[1:], tgt, cur))
        owns = []
        for comp in rng.sample(COMPONENTS, rng.randint(2, 4)):
            owns.append(owns_seen.take(f"{slug} {comp}"))
        members = rng.sample(PEOPLE, rng.randint(4, 9))
        lead = rng.choice(members)
        d = Doc(path, "charter", name)
        d.fm = charter_fm("team", name, parent, problem, metrics, owns, lead,
                          members, slug)
        d.headings = pick_headings(rng, CHARTER_HEADINGS, rng.randint(3, 5))
        docs.append(d)
    return docs, team_slugs


def plan_decisions(rng, count, team_slugs):
    docs = []
    span = (REF_DATE - DECISIONS_START).days
    offsets = sorted(rng.randrange(0, span) for _ in range(count))
    dates = [DECISIONS_START + dt.timedelta(days=o) for o in offsets]
    last_year = dates[-1].year if dates else REF_DATE.year
    status = {}
    supersedes = {}
    eligible = []   # accepted, not yet superseded (lower numbers)
    heads = []      # superseding decisions not yet superseded (for chains)
    superseded = {}

    def pop_random(lst):
        while lst:
            i = rng.randrange(len(lst))
            lst[i], lst[-1] = lst[-1], lst[i]
            n = lst.pop()
            if n not in superseded:
                return n
        return None

    for n in range(1, count + 1):
        recent = n > count * 0.92
        r = rng.random()
        if r < (0.5 if recent else 0.06):
            st = "proposed"
        elif r < 0.78:
            st = "accepted"
        elif r < 0.90:
            st = "rejected"
        else:
            st = "deprecated"
        if st == "accepted" and eligible and rng.random() < 0.16:
            targets = []
            for _ in range(2 if rng.random() < 0.2 else 1):
                t = pop_random(heads) if heads and rng.random() < 0.4 else None
                if t is None:
                    t = pop_random(eligible)
                if t is not None and t not in targets:
                    targets.append(t)
                    superseded[t] = n
            if targets:
                supersedes[n] = sorted(targets)
                heads.append(n)
        status[n] = st
        if st == "accepted":
            eligible.append(n)
    for t in superseded:
        status[t] = "superseded"

    for n in range(1, count + 1):
        st = status[n]
        typ = 1 if rng.random() < 0.25 else 2
        verb = rng.choice(DECISION_VERBS)
        tech = rng.choice(TECH)
        dom = rng.choice(DOMAINS).replace("-", " ")
        title = f"{verb} {tech} for {dom}"
        slug = ascii_slug(title)[:60].strip("-")
        date = dates[n - 1]
        folder = "decisions" if date.year == last_year else f"decisions/{date.year}"
        path = f"{folder}/{n:04d}-{slug}.md"
        lines = [f"title = {q(title)}", f'status = "{st}"', f"type = {typ}",
                 f"date = {date.isoformat()}"]
        decided = None
        if st != "proposed":
            decided = min(date + dt.timedelta(days=rng.randint(1, 45)), REF_DATE)
            lines.append(f"decided = {decided.isoformat()}")
        lines.append(f"team = {q(rng.choice(team_slugs))}")
        if st != "proposed" and (typ == 1 or rng.random() < 0.5):
            k = rng.randint(2, 4) if typ == 1 else rng.randint(1, 2)
            lines.append(f"deciders = {qarr(rng.sample(PEOPLE, k))}")
        if n in supersedes:
            lines.append("supersedes = [" + ", ".join(str(t) for t in supersedes[n]) + "]")
        if rng.random() < 0.7:
            lines.append(f"tags = {qarr(rng.sample(TAGS, rng.randint(1, 3)))}")
        if st == "accepted" and rng.random() < 0.2:
            lines.append(f"revisit = {(decided + dt.timedelta(days=365)).isoformat()}")
        d = Doc(path, "decision", title)
        d.link_text = f"ADR {n}: {title}" if rng.random() < 0.5 else title
        d.fm = "\n".join(lines)
        fixed = list(FIXED_DECISION_HEADINGS)
        extra = pick_headings(rng, DECISION_HEADINGS, rng.randint(0, 3))
        d.headings = [(2, "Context")] + [h for h in extra if h[1] not in fixed] + \
            [(2, "Decision"), (2, "Consequences")]
        docs.append(d)
    return docs


def page_title(rng):
    o = rng.choice(PAGE_OBJECTS)
    t = rng.choice(PAGE_PATTERNS).format(o=o, O=o[:1].upper() + o[1:])
    return t


def plan_pages(rng, count):
    docs = []
    home = Doc("_index.md", "index", "Example Corp Handbook")
    home.fm = f'title = "Example Corp Handbook"\ndescription = {q("How we work at Example Corp — Zürich, 東京 and everywhere else.")}'
    home.headings = [(2, "Start here"), (2, "How this handbook works")]
    docs.append(home)
    remaining = count - 1
    folders = []     # (path, depth)
    children = {}    # folder path -> Uniq of child names
    top = Uniq()
    while remaining > 0:
        size = rng.randint(30, 100)
        if remaining - size < 30:
            size = remaining if remaining <= 100 else remaining - 30
        deep = [f for f in folders if f[1] < 3]
        if not folders or not deep or rng.random() < 0.35:
            name = top.take(rng.choice(SECTIONS))
            path, depth = name, 1
        else:
            parent, pdepth = rng.choice(deep)
            name = children.setdefault(parent, Uniq()).take(rng.choice(SECTIONS))
            path, depth = f"{parent}/{name}", pdepth + 1
        folders.append((path, depth))
        names = Uniq()
        names.take("index")  # index.md would clash with _index.md's index.html
        start = 0
        if rng.random() < 0.7 or size == 1:
            d = Doc(f"{path}/_index.md", "index", title_case(name.split("/")[-1]))
            d.fm = f"title = {q(d.title)}"
            if rng.random() < 0.5:
                d.fm += f"\ndescription = {q('Everything about ' + d.title.lower() + '.')}"
            if rng.random() < 0.5:
                d.fm += f"\nweight = {rng.randint(1, 50)}"
            d.headings = pick_headings(rng, PAGE_HEADINGS, rng.randint(1, 3))
            docs.append(d)
            start = 1
        for _ in range(start, size):
            title = page_title(rng)
            stem = names.take(ascii_slug(title))
            if stem != ascii_slug(title):
                title = f"{title} ({stem.rsplit('-', 1)[1]})"
            d = Doc(f"{path}/{stem}.md", "page", title)
            hs = pick_headings(rng, PAGE_HEADINGS, rng.randint(2, 6))
            if rng.random() < 0.8:
                fm = [f"title = {q(title)}"]
                if rng.random() < 0.4:
                    fm.append(f"description = {q('What to know about ' + title.lower() + '.')}")
                if rng.random() < 0.3:
                    fm.append(f"weight = {rng.randint(1, 100)}")
                d.fm = "\n".join(fm)
            else:
                d.h1 = True
                ts = heading_id(title)
                hs = [h for h in hs if heading_id(h[1]) != ts]
            d.headings = hs
            docs.append(d)
        remaining -= size
    return docs


# --------------------------------------------------------------------------
# Bodies
# --------------------------------------------------------------------------

def sentence(rng, lo=6, hi=18):
    ws = rng.choices(WORDS, k=rng.randint(lo, hi))
    r = rng.random()
    if r < 0.08:
        i = rng.randrange(1, len(ws))
        ws[i] = f"**{ws[i]}**"
    elif r < 0.14:
        i = rng.randrange(1, len(ws))
        ws[i] = f"`{ws[i]}`"
    elif r < 0.18:
        ws[rng.randrange(len(ws))] = rng.choice(NON_ASCII)
    s = " ".join(ws)
    if len(ws) > 9 and rng.random() < 0.3:
        mid = s.find(" ", len(s) // 2)
        if mid > 0:
            s = s[:mid] + "," + s[mid:]
    return s[:1].upper() + s[1:] + ("?" if rng.random() < 0.04 else ".")


def paragraph(rng, nwords):
    out = []
    n = 0
    while n < nwords:
        s = sentence(rng)
        out.append(s)
        n += s.count(" ") + 1
    return out, n


def render_body(rng, doc, links):
    """links: list of ready-made '[text](href)' strings."""
    blocks = []       # strings, or lists (paragraph sentences) for link insertion
    paras = []
    if doc.h1:
        blocks.append(f"# {doc.title}")
    budget = rng.randint(300, 800)
    nsec = max(1, len(doc.headings))
    intro = rng.randint(25, 60)
    # lists, code and tables add roughly 60 words on average
    per_section = max(25, (budget - intro - 60) // nsec)
    p, n = paragraph(rng, intro)
    blocks.append(p)
    paras.append(p)
    used = n
    code_at = rng.randrange(nsec)
    table_at = rng.randrange(nsec) if rng.random() < 0.35 else -1
    list_at = rng.sample(range(nsec), min(nsec, rng.randint(1, 2)))
    for i, (level, text) in enumerate(doc.headings or [(2, "Overview")]):
        blocks.append("#" * level + " " + text)
        goal = per_section
        got = 0
        while got < goal:
            p, n = paragraph(rng, min(rng.randint(35, 90), max(12, goal - got)))
            blocks.append(p)
            paras.append(p)
            got += n
        if i in list_at:
            ordered = rng.random() < 0.3
            items = []
            for k in range(rng.randint(3, 6)):
                s = sentence(rng, 3, 10)
                got += s.count(" ") + 1
                items.append(f"{k + 1}. {s}" if ordered else f"- {s}")
            blocks.append("\n".join(items))
        if i == code_at:
            lang, lines = rng.choice(CODE_SNIPPETS)
            w = ascii_slug(doc.title).split("-")[0] or "app"
            blocks.append(f"```{lang}\n" + "\n".join(l.format(w=w) for l in lines) + "\n```")
        if i == table_at:
            cols = rng.sample(["Owner", "When", "Tool", "Cost", "Status", "Notes", "Where"], 3)
            rows = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
            for _ in range(rng.randint(3, 6)):
                rows.append("| " + " | ".join(" ".join(rng.choices(WORDS, k=rng.randint(1, 3)))
                                               for _ in cols) + " |")
            blocks.append("\n".join(rows))
        used += got
    # insert links into random paragraphs
    for link in links:
        p = rng.choice(paras)
        p.insert(rng.randint(0, len(p)), rng.choice(LINK_TEMPLATES).format(
            t=link[0], h=link[1]))
    doc.words = used
    return "\n\n".join(" ".join(b) if isinstance(b, list) else b for b in blocks) + "\n"


def pick_links(rng, doc, all_docs, by_folder, idx):
    links = []
    src_dir = posixpath.dirname(doc.path) or "."
    seen = [idx]
    for _ in range(rng.randint(2, 5)):
        for _attempt in range(10):
            if rng.random() < 0.3:
                sib = by_folder[posixpath.dirname(doc.path)]
                j = rng.choice(sib)
            else:
                j = rng.randrange(len(all_docs))
            if j not in seen:
                break
        else:
            continue
        seen.append(j)
        t = all_docs[j]
        href = posixpath.relpath(t.path, src_dir)
        if t.headings and rng.random() < 0.4:
            href += "#" + heading_id(rng.choice(t.headings)[1])
        links.append((t.link_text, href))
    return links


# Shapes: the share of charters and decisions (the rest are handbook pages).
#   default  ~6% charters, ~35% decisions: a handbook with many pages
#   teams    half charters, half decisions but the home page (5,000 + 4,999 + 1 at 10,000): the
#            shape that stresses the org-level pages, the link stage and the org map
SHAPES = {"default": (0.06, 0.35), "teams": (0.5, 0.5)}


def generate(out_dir, pages, seed, shape="default"):
    rng = random.Random(seed)
    charter_share, decision_share = SHAPES[shape]
    n_charters = max(2, round(pages * charter_share))
    # Every handbook has its home page, so the teams shape has one page.
    n_decisions = min(round(pages * decision_share), pages - n_charters - 1)
    n_pages = pages - n_charters - n_decisions
    if n_pages < 1:
        raise SystemExit("--pages too small (need at least 5)")
    charters, team_slugs = plan_charters(rng, n_charters)
    decisions = plan_decisions(rng, n_decisions, team_slugs)
    hpages = plan_pages(rng, n_pages)
    all_docs = charters + decisions + hpages
    assert len(all_docs) == pages
    by_folder = {}
    for i, d in enumerate(all_docs):
        by_folder.setdefault(posixpath.dirname(d.path), []).append(i)

    content = os.path.join(out_dir, "content")
    os.makedirs(content, exist_ok=True)
    with open(os.path.join(out_dir, "orgbook.toml"), "w", encoding="utf-8") as f:
        f.write('title = "Example Corp Handbook"\n'
                'base_url = "https://handbook.example.org/"\n'
                'theme = "default"\n\n'
                "[teams]\nmax_size = 9\nreview_days = 180\n\n"
                "[decisions]\nstalled_days = 30\n")
    made = set()
    total_words = 0
    for i, d in enumerate(all_docs):
        links = pick_links(rng, d, all_docs, by_folder, i)
        body = render_body(rng, d, links)
        total_words += d.words
        full = os.path.join(content, d.path)
        parent = os.path.dirname(full)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            if d.fm is not None:
                f.write("+++\n" + d.fm + "\n+++\n\n")
            f.write(body)
    return {"charters": n_charters, "decisions": n_decisions,
            "pages": n_pages, "total": len(all_docs), "words": total_words}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("--pages", type=int, required=True,
                    help="total number of Markdown files to write")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--force", action="store_true",
                    help="replace OUT_DIR if it already holds a handbook")
    ap.add_argument("--shape", choices=sorted(SHAPES), default="default",
                    help="share of charters and decisions (default: ~6%% and ~35%%; "
                         "teams: half and half)")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)
    if a.pages < 5:
        ap.error("--pages must be at least 5")
    if os.path.exists(a.out_dir) and os.listdir(a.out_dir):
        if not os.path.isfile(os.path.join(a.out_dir, "orgbook.toml")):
            ap.error(f"{a.out_dir} exists, is not empty and is not a handbook; refusing")
        if not a.force:
            ap.error(f"{a.out_dir} already holds a handbook; pass --force to replace it")
        shutil.rmtree(a.out_dir)
    t0 = time.perf_counter()
    stats = generate(a.out_dir, a.pages, a.seed, a.shape)
    el = time.perf_counter() - t0
    if not a.quiet:
        print(f"wrote {stats['total']} files to {a.out_dir} in {el:.2f}s: "
              f"{stats['charters']} charters, {stats['decisions']} decisions, "
              f"{stats['pages']} pages, ~{stats['words']} words", file=sys.stderr)


if __name__ == "__main__":
    main()
