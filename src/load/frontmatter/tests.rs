use super::block::{Syntax, split};
use super::charter::charter;
use super::decision::{decision, decision_number, superseded_by_number};
use super::foreign::several_records;
use super::index_and_home::index_rank;
use super::page::page;
use crate::diagnostic::Diagnostic;
use crate::model::{Charter, PageMeta, Status, TeamKind, Topology};

fn charter_diags(text: &str) -> (Option<Charter>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let s = split("c.md", text).unwrap();
    let c = charter("c.md", "teams/pay.md", text, s.front, &mut diags);
    (c, diags)
}

#[test]
fn pages_of_several_numbered_records_are_told_by_their_headings() {
    assert_eq!(
        several_records("# D\n\n## ADR-001: A\n\n## ADR-002: B\n"),
        Some((2, 2))
    );
    // Bare numbers count where the records say a status or date, as the import splits.
    assert_eq!(
        several_records(
            "# D\n\n## 1. A\n\n**Status:** Accepted\n\n## 2. B\n\n### Date\n\n2024-01-02\n\n## 3. C\n"
        ),
        Some((3, 2))
    );
    assert_eq!(
        several_records("# 7. X\n\nStatus: Accepted\n\n## 1. O\nDate: 1\n\n## 2. P\nDate: 2\n"),
        None
    );
    assert_eq!(
        several_records("# D\n### DR 5: A\n#### Status\n### DR 4: B\n### DR 3. C\n"),
        Some((3, 3))
    );
    for one in [
        // In code, one of them; numbered sections without a series; two levels.
        "# D\n\n## ADR-1: A\n\n```\n## ADR-2: B\n```\n",
        "# 7. X\n\n## 1. Options\n\n## 2. Outcome\n",
        "# D\n\n## ADR-1: A\n\n### ADR-2: B\n",
        "# D\n\n## ADR-1\n\n## ADR-2\n",
    ] {
        assert_eq!(several_records(one), None, "{one}");
    }
}

#[test]
fn a_fence_inside_a_multiline_string_is_explained_only_when_it_breaks_the_toml() {
    let early = "+++\nproblem = \"\"\"\nx\n+++\ny\n\"\"\"\n+++\n";
    let d = split("t.md", early).unwrap_err();
    assert!(d.message.contains("closes early"), "{}", d.message);
    assert_eq!((d.line, d.column), (4, 1));
    // A `"""` in a comment, or a whole multi-line string, is fine.
    for ok in [
        "+++\n# use \"\"\" for long text\nname = \"a\"\n+++\nBody\n",
        "+++\nproblem = \"\"\"\nx\n\"\"\"\n+++\nBody\n",
    ] {
        assert!(split("t.md", ok).unwrap().front.is_some(), "{ok}");
    }
}

#[test]
fn split_finds_toml_and_body() {
    let text = "+++\na = 1\n+++\n# Body\n";
    let s = split("f", text).unwrap();
    assert_eq!(&text[s.front.unwrap().range], "a = 1\n");
    assert_eq!(&text[s.body_start..], "# Body\n");
}

#[test]
fn split_finds_yaml_and_rejects_unclosed() {
    let s = split("f", "---\na: 1\n---\nbody").unwrap();
    let front = s.front.unwrap();
    assert_eq!(front.syntax, Syntax::Yaml);
    assert_eq!(front.range, 4..9);
    assert_eq!(s.body_start, 13);
    assert_eq!(
        split("f", "---\na: 1\n").unwrap_err().code,
        "unclosed-front-matter"
    );
    assert_eq!(
        split("f", "+++\na = 1\n").unwrap_err().code,
        "unclosed-front-matter"
    );
}

#[test]
fn charter_typo_is_located_with_suggestion() {
    let text = "+++\nname = \"Pay\"\nprobelm = \"x\"\n[[metrics]]\nname = \"m\"\n+++\n";
    let (_, d) = charter_diags(text);
    let typo = d
        .iter()
        .find(|d| d.code == "unknown-key")
        .expect("typo reported");
    assert_eq!((typo.line, typo.column), (3, 1));
    assert_eq!(typo.help.as_deref(), Some("did you mean `problem`?"));
    // `problem` itself is still missing: both are reported.
    assert!(
        d.iter()
            .any(|d| d.code == "missing-key" && d.message.contains("problem"))
    );
}

#[test]
fn group_needs_no_problem_or_metric() {
    let (c, d) = charter_diags("+++\nname = \"Platform\"\nkind = \"group\"\n+++\n");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(c.unwrap().kind, TeamKind::Group);
}

#[test]
fn a_quoted_date_is_the_date_and_a_quoted_word_is_explained() {
    let text = "+++\nname = \"P\"\nproblem = \"p\"\nmetrics = [{ name = \"m\" }]\nreviewed = \"2026-01-02\"\n+++\n";
    let (c, d) = charter_diags(text);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(c.unwrap().reviewed.unwrap().to_string(), "2026-01-02");
    let (_, d) = charter_diags(&text.replace("2026-01-02", "Q1"));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].code, d[0].line), ("invalid-type", 5));
    assert_eq!(
        d[0].help.as_deref(),
        Some("write it like: reviewed = 2026-03-14")
    );
}

#[test]
fn decision_rules() {
    let text = "+++\ntitle = \"T\"\nstatus = \"acepted\"\ntype = 3\ndate = 2026-01-01\nteam = \"pay\"\n+++\n";
    let mut diags = Vec::new();
    let s = split("d.md", text).unwrap();
    let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags);
    assert!(d.is_none());
    let status = diags.iter().find(|d| d.message.contains("status")).unwrap();
    assert!(status.help.as_deref().unwrap().contains("\"accepted\""));
    assert!(
        diags
            .iter()
            .any(|d| d.message.contains("must be 1 or 2") && d.line == 4)
    );
}

#[test]
fn accepted_type1_needs_deciders_and_decided() {
    let text = "+++\ntitle = \"T\"\nstatus = \"accepted\"\ntype = 1\ndate = 2026-01-01\nteam = \"pay\"\n+++\n";
    let mut diags = Vec::new();
    let s = split("d.md", text).unwrap();
    decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags);
    let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"missing-deciders"), "{codes:?}");
    assert!(diags.iter().any(|d| d.message.contains("needs `decided`")));
    // An empty list names no one either.
    let empty = text.replace("team = ", "deciders = []\ndecided = 2026-01-02\nteam = ");
    let mut diags = Vec::new();
    let s = split("d.md", &empty).unwrap();
    decision("d.md", "decisions/0007-t.md", &empty, s.front, &mut diags);
    let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["missing-deciders"]);
}

#[test]
fn a_key_an_entry_lacks_is_reported_at_the_entry() {
    let toml = "+++\nname = \"Pay\"\nproblem = \"x\"\n\n[[metrics]]\nname = \"m\"\n\n[[metrics]]\ntarget = \"99%\"\n+++\n";
    let (_, d) = charter_diags(toml);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].code, d[0].line), ("missing-key", 8), "{d:?}");
    assert_eq!(
        d[0].help.as_deref(),
        Some("add `name = \"…\"` to this entry")
    );
    let yaml = "---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\n  - target: 99%\nmembers:\n  - Bo\n  - role: Engineer\n---\n";
    let (_, d) = charter_diags(yaml);
    let at: Vec<_> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(at, [("missing-key", 6, 5), ("missing-key", 9, 5)], "{d:?}");
    assert_eq!(
        d[0].help.as_deref(),
        Some("add `name: \"…\"` to this entry")
    );
}

#[test]
fn a_metric_written_as_text_is_told_how_entries_are_written() {
    let (_, d) = charter_diags("---\nname: Pay\nproblem: x\nmetrics:\n  - Payouts on time\n---\n");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].code, d[0].line, d[0].column), ("invalid-type", 5, 5));
    assert_eq!(
        d[0].message,
        "each entry of `metrics` in team charter must be a table, found string"
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some("write each entry of `metrics` as indented `key: value` lines, the first after `- `")
    );
    let (_, d) =
        charter_diags("+++\nname = \"Pay\"\nproblem = \"x\"\nmetrics = \"Payouts on time\"\n+++\n");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        d[0].message,
        "`metrics` in team charter must be a list of tables, found string"
    );
    assert_eq!(
        d[0].help.as_deref(),
        Some("write each entry of `metrics` as a [[metrics]] section")
    );
}

#[test]
fn a_roster_of_named_entries_gives_members_and_a_lead_by_role() {
    let roster = "---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\nmembers:\n  - Bo Chen\n  - name: Ana Lima\n    role: Tech Lead\n    github: alima\n  - name: Cy Diaz\n    role: Engineering Manager\n";
    let (c, d) = charter_diags(&format!("{roster}---\n"));
    assert!(d.is_empty(), "{d:?}");
    let c = c.unwrap();
    assert_eq!(c.members, ["Bo Chen", "Ana Lima", "Cy Diaz"]);
    assert_eq!(
        c.lead.as_deref(),
        Some("Ana Lima"),
        "the first whose role leads"
    );
    // A named lead stays the lead.
    let (c, _) = charter_diags(&format!("{roster}lead: Bo Chen\n---\n"));
    assert_eq!(c.unwrap().lead.as_deref(), Some("Bo Chen"));
    // An entry without a name, and one that is neither, are located errors.
    let (_, d) = charter_diags(
        "---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\nmembers:\n  - role: Engineer\n  - 7\n---\n",
    );
    let found: Vec<_> = d
        .iter()
        .map(|d| (d.code, d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "missing-key",
                7,
                "an entry of `members` is missing the required key `name`"
            ),
            (
                "invalid-type",
                8,
                "each entry of `members` must be a name or a table with a `name`, found integer"
            ),
        ]
    );
}

#[test]
fn madrs_superseded_by_is_superseded_naming_the_newer_decision() {
    let text = "---\ntitle: T\nstatus: superseded by ADR-0012\ntype: 2\ndate: 2026-01-01\nteam: pay\n---\n";
    let mut diags = Vec::new();
    let s = split("d.md", text).unwrap();
    let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(d.status, Status::Superseded);
    let [newer] = d.superseded_by.as_slice() else {
        panic!("{:?}", d.superseded_by)
    };
    assert_eq!(newer.value, 12);
    assert_eq!(&text[newer.span.clone()], "ADR-0012");
    // Without a number there is nothing to link: an error saying how to name one.
    let vague = text.replace("ADR-0012", "the new one");
    let mut diags = Vec::new();
    let s = split("d.md", &vague).unwrap();
    let d = decision("d.md", "decisions/0007-t.md", &vague, s.front, &mut diags).unwrap();
    assert_eq!(d.status, Status::Superseded);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(
        (diags[0].code, diags[0].line, diags[0].column),
        ("invalid-value", 3, 9)
    );
    assert_eq!(
        diags[0].help.as_deref(),
        Some(
            "name the newer decision by its number, e.g. `status: superseded by ADR-0012`, or write `status: superseded` and list this decision's number in the newer record's `supersedes`"
        )
    );
}

#[test]
fn a_status_superseded_by_two_records_names_both_each_at_its_place() {
    for (status, want) in [
        (
            "\"superseded by [ADR-0012](0012-x.md) and [ADR-0015](0015-y.md)\"",
            vec![(12, "[ADR-0012](0012-x.md)"), (15, "[ADR-0015](0015-y.md)")],
        ),
        (
            "superseded by ADR-12, ADR-15",
            vec![(12, "ADR-12"), (15, "ADR-15")],
        ),
        (
            "Superseded by ADR-0011 & ADR-0017; see ADR-0011 (its layout)",
            vec![(11, "ADR-0011"), (17, "ADR-0017")],
        ),
        // A link's text with `and` or a comma in it is one reference.
        (
            "superseded by [12. Split reads, and writes](0012-split.md), 15",
            vec![
                (12, "[12. Split reads, and writes](0012-split.md)"),
                (15, "15"),
            ],
        ),
        // Words after a number that name none are no second record.
        (
            "superseded by ADR-12, which moved to Postgres",
            vec![(12, "ADR-12")],
        ),
        // A part of spaces alone before a separator (found by fuzzing: it panicked).
        (
            "\"superseded by ,ADR-0012](0012-x.md) , ,ADR-15\"",
            vec![(12, "ADR-0012](0012-x.md)"), (15, "ADR-15")],
        ),
    ] {
        let text =
            format!("---\ntitle: T\nstatus: {status}\ntype: 2\ndate: 2026-01-01\nteam: pay\n---\n");
        let mut diags = Vec::new();
        let s = split("d.md", &text).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", &text, s.front, &mut diags).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.status, Status::Superseded);
        let got: Vec<(u32, &str)> = d
            .superseded_by
            .iter()
            .map(|s| (s.value, &text[s.span.clone()]))
            .collect();
        assert_eq!(got, want, "{status}");
    }
    // TOML, with an escape inside the first: it points at the whole value.
    let text = "+++\ntitle = \"T\"\nstatus = \"superseded by ADR\\u002D12 and ADR-15\"\ntype = 2\ndate = 2026-01-01\nteam = \"pay\"\n+++\n";
    let mut diags = Vec::new();
    let s = split("d.md", text).unwrap();
    let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    let got: Vec<(u32, &str)> = d
        .superseded_by
        .iter()
        .map(|s| (s.value, &text[s.span.clone()]))
        .collect();
    assert_eq!(
        got,
        [
            (12, "\"superseded by ADR\\u002D12 and ADR-15\""),
            (15, "ADR-15")
        ]
    );
}

#[test]
fn the_newer_record_after_superseded_by() {
    for (rest, number) in [
        (" ADR-0012", Some(12)),
        (" 12", Some(12)),
        (" #12", Some(12)),
        (" ADR 12 (use Postgres)", Some(12)),
        (" [ADR-0012](0012-use-postgres.md)", Some(12)),
        (
            " [ADR-0018](./0018-restrict-direct-source-modification.md)",
            Some(18),
        ),
        (
            " [Use Postgres](../decisions/0012-use-postgres.md#outcome)",
            Some(12),
        ),
        (" [ADR-013](ADR-0013-submissions.md)", Some(13)),
        (" [Use Postgres](use-postgres.md)", None),
        (" 12factor apps", None),
        (" the new one", None),
        ("", None),
        (" [unclosed", None),
        (" 99999999999", None),
    ] {
        assert_eq!(superseded_by_number(rest), number, "{rest}");
    }
}

#[test]
fn a_decisions_tags_may_be_written_as_jekyll_writes_them() {
    let text = "---\ntitle: T\nstatus: proposed\ntype: 2\ndate: 2026-01-01\nteam: pay\ntags: performance, search\n---\n";
    let mut diags = Vec::new();
    let s = split("d.md", text).unwrap();
    let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(d.tags, ["performance", "search"]);
}

#[test]
fn a_charters_list_keys_written_as_one_string_are_lists() {
    let yaml = "---\nname: Pay\nproblem: p\nmetrics: [{ name: m, target: \"1\" }]\nowns: Search API\ncodeowners: \"@acme/pay, @acme/pay-eng\"\n---\n";
    let (c, diags) = charter_diags(yaml);
    assert!(diags.is_empty(), "{diags:?}");
    let c = c.unwrap();
    let owns: Vec<_> = c
        .owns
        .iter()
        .map(|o| (o.value.as_str(), &yaml[o.span.clone()]))
        .collect();
    assert_eq!(owns, [("Search API", "Search API")]);
    let codeowners: Vec<_> = c.codeowners.iter().map(|o| o.value.as_str()).collect();
    assert_eq!(codeowners, ["@acme/pay", "@acme/pay-eng"]);
    // In TOML, each item at its place in the string; an escaped one at the string.
    let toml = "+++\nname = \"Pay\"\nproblem = \"p\"\nowns = \"Ledger, Search\\u0020API , ,Payouts\"\n[[metrics]]\nname = \"m\"\n+++\n";
    let (c, diags) = charter_diags(toml);
    assert!(diags.is_empty(), "{diags:?}");
    let owns: Vec<_> = c
        .unwrap()
        .owns
        .iter()
        .map(|o| (o.value.clone(), &toml[o.span.clone()]))
        .collect();
    assert_eq!(
        owns,
        [
            ("Ledger".to_string(), "Ledger"),
            (
                "Search API".to_string(),
                "\"Ledger, Search\\u0020API , ,Payouts\""
            ),
            (
                "Payouts".to_string(),
                "\"Ledger, Search\\u0020API , ,Payouts\""
            ),
        ]
    );
    // A number or a boolean is no list: the type error with its hint.
    let (_, diags) = charter_diags(&yaml.replace("owns: Search API", "owns: true"));
    let found: Vec<_> = diags
        .iter()
        .map(|d| (d.code, d.message.as_str(), d.help.as_deref()))
        .collect();
    assert_eq!(
        found,
        [(
            "invalid-type",
            "`owns` in team charter must be an array of strings, found boolean",
            Some("write it like: owns: [\"…\", \"…\"]")
        )]
    );
}

#[test]
fn a_single_value_where_a_list_belongs_is_one_error_saying_so() {
    // Names may be one string (MADR's `deciders: Ana, Bo`); a number may not be a list.
    let text = "---\ntitle: T\nstatus: accepted\ntype: 1\ndate: 2026-01-01\ndecided: 2026-01-02\nteam: pay\ndeciders: Ana Lima, Bo Chen\nauthors: Cy\nsupersedes: 1\n---\n";
    let mut diags = Vec::new();
    let s = split("d.md", text).unwrap();
    let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags);
    let found: Vec<_> = diags
        .iter()
        .map(|d| (d.code, d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [(
            "invalid-type",
            10,
            "`supersedes` in decision record must be an array of numbers, found integer"
        )]
    );
    let d = d.unwrap();
    assert_eq!(d.deciders, ["Ana Lima", "Bo Chen"]);
    assert_eq!(d.authors, ["Cy"]);
    // `deciders: 7` is one error, not also the missing deciders.
    let seven = text.replace("deciders: Ana Lima, Bo Chen", "deciders: 7");
    let mut diags = Vec::new();
    let s = split("d.md", &seven).unwrap();
    decision("d.md", "decisions/0007-t.md", &seven, s.front, &mut diags);
    let codes: Vec<_> = diags.iter().map(|d| (d.code, d.line)).collect();
    assert_eq!(codes, [("invalid-type", 8), ("invalid-type", 10)]);
}

#[test]
fn decision_number_from_file_name() {
    assert_eq!(decision_number("a/0007-x.md"), Some(7));
    assert_eq!(decision_number("x.md"), None);
}

#[test]
fn yaml_charter_reads_like_toml_with_yaml_hints() {
    let text = "---\nname: Pay\nprobelm: x\nmetrics:\n  - name: m\nreviewed: \"2026-01-02\"\n---\n";
    let (c, d) = charter_diags(text);
    assert_eq!(c.unwrap().name, "Pay");
    let typo = d.iter().find(|d| d.code == "unknown-key").unwrap();
    assert_eq!((typo.line, typo.column), (3, 1));
    assert_eq!(typo.help.as_deref(), Some("did you mean `problem`?"));
    // Jekyll and Hugo quote their dates: the quoted date is the date.
    assert!(!d.iter().any(|d| d.message.contains("reviewed")), "{d:?}");
    let c = charter_diags(text).0.unwrap();
    assert_eq!(
        c.reviewed.map(|d| d.to_string()).as_deref(),
        Some("2026-01-02")
    );
}

#[test]
fn dates_as_other_generators_write_them_are_read_and_bad_ones_located() {
    for (written, read) in [
        ("reviewed: '2026-01-02T10:00:00+01:00'", "2026-01-02"),
        ("reviewed: 2026-01-02 23:30:00 -0800", "2026-01-02"),
        ("reviewed: 2026-01-02T10:00:00Z", "2026-01-02"),
    ] {
        let text = format!("---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\n{written}\n---\n");
        let (c, d) = charter_diags(&text);
        assert!(d.is_empty(), "{written}: {d:?}");
        let reviewed = c.unwrap().reviewed.map(|d| d.to_string());
        assert_eq!(reviewed.as_deref(), Some(read), "{written}");
    }
    for (written, code, message, help) in [
        (
            "reviewed: 2026-13-01",
            "invalid-date",
            "`reviewed`: 2026-13-01 is not a date in the calendar",
            "use a real date, e.g. 2026-03-14",
        ),
        (
            "reviewed: \"2026-02-30\"",
            "invalid-date",
            "`reviewed`: 2026-02-30 is not a date in the calendar",
            "use a real date, e.g. 2026-03-14",
        ),
        (
            "reviewed: last spring",
            "invalid-type",
            "`reviewed` in team charter must be a date, found string",
            "write it like: reviewed: 2026-03-14",
        ),
        (
            "reviewed: 2026-01-02x",
            "invalid-type",
            "`reviewed` in team charter must be a date, found string",
            "write it like: reviewed: 2026-03-14",
        ),
    ] {
        let text = format!("---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\n{written}\n---\n");
        let (_, d) = charter_diags(&text);
        assert_eq!(d.len(), 1, "{written}: {d:?}");
        assert_eq!(
            (d[0].code, d[0].line, d[0].column),
            (code, 6, 11),
            "{written}"
        );
        assert_eq!(d[0].message, message, "{written}");
        assert_eq!(d[0].help.as_deref(), Some(help), "{written}");
    }
}

#[test]
fn named_values_are_read_in_any_case() {
    let (c, d) = charter_diags(
        "---\nname: Pay\nkind: Group\ntopology: Stream-aligned\nproblem: x\nmetrics:\n  - name: m\n---\n",
    );
    assert!(d.is_empty(), "{d:?}");
    let c = c.unwrap();
    assert_eq!(c.kind, TeamKind::Group);
    assert_eq!(c.topology, Some(Topology::StreamAligned));
    let (_, d) = charter_diags("---\nname: Pay\nkind: squad\nproblem: x\n---\n");
    let kind = d.iter().find(|d| d.message.contains("`kind`")).unwrap();
    assert_eq!(
        kind.help.as_deref(),
        Some("use `kind: \"group\"` for a team of teams, or leave `kind` out for a team")
    );
}

#[test]
fn hints_for_missing_keys_are_written_in_the_files_own_syntax() {
    let (_, d) = charter_diags("---\nname: Pay\nproblem: x\n---\n");
    let metrics = d.iter().find(|d| d.message.contains("`metrics`")).unwrap();
    assert_eq!(
        metrics.help.as_deref(),
        Some(
            "add `metrics: [{ name: \"…\", target: \"…\" }] (or indented `- name: …` lines)` to the front matter"
        )
    );
    let (_, d) = charter_diags("+++\nname = \"Pay\"\nproblem = \"x\"\n+++\n");
    let metrics = d.iter().find(|d| d.message.contains("`metrics`")).unwrap();
    assert!(
        metrics
            .help
            .as_deref()
            .unwrap()
            .starts_with("add `metrics = [{ name = "),
        "{metrics:?}"
    );
}

#[test]
fn yaml_decision_with_padded_supersedes() {
    let text = "---\ntitle: T\nstatus: accepted\ntype: 2\ndate: 2026-01-01\ndecided: 2026-01-02\nteam: pay\nsupersedes: [0003]\n---\n";
    let mut diags = Vec::new();
    let s = split("d.md", text).unwrap();
    let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(d.supersedes[0].value, 3);
}

fn page_of(rel: &str, text: &str) -> (PageMeta, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let s = split("p.md", text).unwrap();
    let p = page("p.md", rel, text, s.front, &mut diags).unwrap();
    (p, diags)
}

#[test]
fn an_ablog_post_is_dated_and_its_keys_accepted() {
    let text = "---\nblogpost: true\ndate: Jan 03, 2022\nauthor: jupyter\nlocation: World\ncategory: Manual\ntags: one, two\nlanguage: English\n---\n";
    let (p, d) = page_of("blog/post3.md", text);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(p.date.unwrap().to_string(), "2022-01-03");
    for (written, iso) in [
        ("January 3, 2022", Some("2022-01-03")),
        ("3 January 2022", Some("2022-01-03")),
        ("2022-01-03T10:00:00Z", Some("2022-01-03")),
        ("03/01/2022", None),
        ("Jan 32, 2022", None),
    ] {
        let read = match crate::fields::written_date(written) {
            crate::fields::DateRead::Date(d) => Some(d.to_string()),
            _ => None,
        };
        assert_eq!(read.as_deref(), iso, "{written}");
    }
}

#[test]
fn navigation_labels_of_other_generators_name_the_page_in_the_navigation() {
    for (text, label) in [
        (
            "---\ntitle: Incident response\nsidebar_label: Incidents\n---\n",
            Some("Incidents"),
        ),
        (
            "---\ntitle: Incident response\nlinkTitle: Incidents\n---\n",
            Some("Incidents"),
        ),
        (
            "---\ntitle: Incident response\nsidebarTitle: Incidents\n---\n",
            Some("Incidents"),
        ),
        (
            "---\ntitle: Incident response\nsidebar:\n  label: Incidents\n  order: 2\n---\n",
            Some("Incidents"),
        ),
        (
            "---\ntitle: Incident response\nsidebar_label: \"  \"\n---\n",
            None,
        ),
        ("---\ntitle: Incident response\n---\n", None),
    ] {
        let (p, d) = page_of("ops/incidents.md", text);
        assert!(d.is_empty(), "{text}: {d:?}");
        assert_eq!(p.nav_label.as_deref(), label, "{text}");
        assert_eq!(p.title, "Incident response");
    }
}

#[test]
fn a_docsy_page_is_read_without_warnings_and_toc_hide_hides_it() {
    let text = "---\ntitle: Editor Extensions\ntoc_hide: true\nno_list: true\nhide_summary: true\ncascade:\n  type: docs\ncontrols: false\ntwitter_image: /img/x.png\n---\n";
    let (p, d) = page_of("create/editor-extensions.md", text);
    assert!(d.is_empty(), "{d:?}");
    assert!(p.nav_hidden);
}

#[test]
fn page_keys_from_other_generators() {
    let text = "---\ntitle: Setup\nsidebar_position: 2.4\ntags: onboarding setup\nkeywords: [a, b]\ndate: 2024-05-01 10:00:00 +0200\nredirect_from:\n  - /old/setup/\n  - /setup.html\npublished: false\nlayout: page\ncover_art: false\nextra:\n  owner: ops\n---\n";
    let (p, d) = page_of("guide/setup.md", text);
    assert_eq!(p.weight, Some(2));
    assert_eq!(p.tags, ["onboarding", "setup"]);
    assert_eq!(p.keywords, ["a", "b"]);
    assert_eq!(p.date.unwrap().to_string(), "2024-05-01");
    assert!(p.draft);
    assert_eq!(p.aliases.len(), 2);
    assert_eq!(&text[p.aliases[0].span.clone()], "/old/setup/");
    assert_eq!(p.extra.unwrap()["owner"], "ops");
    // `layout` is another generator's navigation key: accepted in silence. `cover_art`
    // (a theme's) means nothing here: a warning at its line, not an error.
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
    assert_eq!((d[0].code, d[0].line), ("unknown-key", 12));
}

#[test]
fn folder_index_names() {
    assert!(page_of("README.md", "x").0.is_home);
    assert!(page_of("index.md", "x").0.is_home);
    let (p, _) = page_of("guide/README.md", "x");
    assert!(p.folder_index && !p.is_home);
    assert!(!page_of("guide/readme-first.md", "x").0.folder_index);
    assert_eq!(index_rank("_index.md"), Some(0));
    assert_eq!(index_rank("index.md"), Some(1));
    assert_eq!(index_rank("readme.md"), Some(2));
}
