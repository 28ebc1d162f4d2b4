#!/usr/bin/env python3
"""Handbooks of shapes nobody writes on purpose but that arrive from generated or imported
content, for benches/shapes.sh: each stresses one relation that a careless page or rule
would make quadratic.

    python3 benches/gen_shapes.py OUT SHAPE N

Shapes (N is the size of the relation, not the page count):
  onegroup   N teams in one group, one person in all of them, one decision per team
             decided by that person and the team's own member
  supersede  N decision records, each superseded by the next
  deciders   300 open proposals of one team, each with the same N deciders
  chains     N/30 separate parent chains, each 30 levels deep (near the 32-level limit)
  backlinks  N decision records that all link to one page and to one team
  oneline    one page that is a single line holding N of each marker other generators'
             syntax is found by (`mermaid`, `{math}`, `:label:`, `(x)=`, `$$ (x)`, `%`,
             `{glossary}`, `$x$`, `[](){#x}`, template tags, unmatched wikilinks, links to
             a missing anchor): each must not cost a read of the line
  codeowners N/10 teams and a CODEOWNERS file of N rules, each shared by two teams, one
             owner without charter a rule, a GitLab section of 5 default owners over
             N/2 rules, and N/10 charters claiming a path another team has
  anchors    one page of N headings (a generated reference) linking to N of its own
             headings, and N decision records linking into it: one link each that hits,
             one to a heading that does not exist, one under another generator's slug rule
  typos      N charters and N decision records, each naming a misspelled team and
             superseding a decision that does not exist: the build fails with 2N errors,
             each with its "did you mean" (shapes.sh expects the failure)
  mdx        one Docusaurus .mdx page of N lines of ten code spans, each followed by a tab tag
  abbr       one page defining N abbreviations (Python-Markdown's `*[X]: …`) and using each
"""
import os, shutil, sys

out, shape, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out + "/content/teams")
os.makedirs(out + "/content/decisions")
with open(out + "/orgbook.toml", "w") as f:
    f.write('title = "Shapes"\n')


def write(rel, text):
    path = os.path.join(out, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def team(slug, parent=None, members=("Ann Lee",), kind="team"):
    p = f'parent = "{parent}"\n' if parent else ""
    m = ", ".join(f'"{x}"' for x in members)
    metrics = 'metrics = [{ name = "m", target = "1" }]\n' if kind == "team" else ""
    write(f"content/teams/{slug}.md",
          f'+++\nname = "{slug}"\nkind = "{kind}"\n{p}problem = "p"\nlead = "{members[0]}"\n'
          f'members = [{m}]\nreviewed = 2026-11-01\n{metrics}+++\n\nBody of {slug}.\n')


def decision(i, team_slug, deciders, status="accepted", supersedes=None, body="Why."):
    d = ", ".join(f'"{x}"' for x in deciders)
    s = f"supersedes = [{supersedes}]\n" if supersedes else ""
    write(f"content/decisions/{i:05d}-d.md",
          f'+++\ntitle = "D {i}"\nstatus = "{status}"\ntype = 2\nteam = "{team_slug}"\n'
          f'date = 2026-10-01\ndecided = 2026-10-02\ndeciders = [{d}]\n{s}+++\n\n{body}\n')


if shape == "onegroup":
    team("g", kind="group")
    for i in range(n):
        team(f"t{i}", "g", members=("Ann Lee", f"P{i}"))
    for i in range(1, n):
        decision(i, f"t{i}", ["Ann Lee", f"P{i}"])
elif shape == "supersede":
    team("t0")
    for i in range(1, n + 1):
        decision(i, "t0", ["Ann Lee"], status="accepted" if i == n else "superseded",
                 supersedes=(i - 1 if i > 1 else None))
elif shape == "deciders":
    team("t0", members=tuple(f"P{j}" for j in range(5)))
    for i in range(1, 301):
        decision(i, "t0", [f"P{j}" for j in range(n)], status="proposed")
elif shape == "chains":
    for c in range(max(1, n // 30)):
        for lvl in range(30):
            last = lvl == 29
            team(f"c{c}-{lvl}", f"c{c}-{lvl - 1}" if lvl else None,
                 kind="team" if last else "group", members=(f"P{c}-{lvl}",))
elif shape == "backlinks":
    team("t0")
    write("content/process.md", "+++\ntitle = \"Process\"\n+++\n\n# Process\n\n## Steps\n\nDo it.\n")
    for i in range(1, n + 1):
        decision(i, "t0", ["Ann Lee"],
                 body=f"See [the process](../process.md#steps) and [the team](../teams/t0.md).")
elif shape == "oneline":
    team("t0")
    markers = ("mermaid highlight {math} :label: x :name: y (lbl)= $$ (eq) % c {glossary} $x$ "
               "[](){#a} {{ x }} {% x %} {{< x >}} [[No page]] [to a missing anchor](#nowhere) ")
    write("content/oneline.md", "# One line\n\n" + markers * n + "\n")
elif shape == "codeowners":
    teams = max(n // 10, 2)
    for i in range(teams):
        t = i if i % 10 else None
        team(f"t{i}")
        if i % 10 == 0:
            # Claims a path the file gives to the next team.
            write(f"content/teams/t{i}.md", open(f"{out}/content/teams/t{i}.md").read()
                  .replace("reviewed", f'owns = ["services/s{i + 1}"]\nreviewed'))
    lines = [f"/services/s{i}/ @acme/t{i % teams} @acme/t{(i + 1) % teams} @acme/x{i}\n"
             for i in range(n // 2)]
    lines.append("[Section] " + " ".join(f"@acme/t{i % teams}" for i in range(5)) + "\n")
    lines += [f"/docs/d{i}/\n" for i in range(n - n // 2)]
    write("CODEOWNERS", "".join(lines))
elif shape == "anchors":
    team("t0")
    write("content/reference.md", "# Reference\n\n" + "".join(
        f"## Option {i}: the --flag-{i} switch\n\nSee [the next](#option-{(i + 1) % n}-the---flag-{(i + 1) % n}-switch).\n\n"
        for i in range(n)))
    for i in range(1, n + 1):
        decision(i, "t0", ["Ann Lee"],
                 body=f"[Hit](../reference.md#option-{i - 1}-the---flag-{i - 1}-switch), "
                      f"[missing](../reference.md#flag-{i}), "
                      f"[other rule](../reference.md#Option-{i - 1}-the---flag-{i - 1}-switch).")
elif shape == "typos":
    for i in range(n):
        team(f"team-{i}")
    for i in range(1, n + 1):
        decision(i, f"taem-{i - 1}", ["Ann Lee"], supersedes=n + 10 * i)
elif shape == "mdx":
    team("t0")
    write("content/page.mdx", "import Tabs from '@theme/Tabs';\n\n# Tabs\n\n" + "".join(
        " ".join(f"`c{j}`" for j in range(10)) + f"\n<TabItem value=\"v{i}\">\n\n" for i in range(n)))
elif shape == "abbr":
    team("t0")
    write("content/glossary.md", "# Glossary\n\n" + " ".join(f"AB{i}" for i in range(n)) + "\n\n"
          + "".join(f"*[AB{i}]: Abbreviation {i}\n" for i in range(n)))
else:
    sys.exit(f"unknown shape {shape!r}")
