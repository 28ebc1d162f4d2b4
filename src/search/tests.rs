//! End-to-end tests of `build_index`: they read the emitted files back the
//! way the client does.

use std::collections::HashMap;

use serde_json::Value;

use super::encode::decode_postings;
use super::*;

fn doc(kind: DocKind, url: &str, title: &str, fields: &[(Field, &str)]) -> SearchDoc<'static> {
    let mut all = vec![(Field::Title, title.to_string().into())];
    all.extend(fields.iter().map(|(f, s)| (*f, s.to_string().into())));
    SearchDoc {
        url: url.to_string().into(),
        kind,
        title: title.to_string().into(),
        team: None,
        status: None,
        decision_type: None,
        fields: all,
        excerpt: None,
    }
}

fn sample() -> Vec<SearchDoc<'static>> {
    let mut adr = doc(
        DocKind::Decision,
        "decisions/0007-adopt-postgres.html",
        "ADR 7: Adopt Postgres",
        &[
            (Field::Typed, &decision_number_text(7)),
            (Field::Body, "We store the ledger in Postgres."),
        ],
    );
    adr.team = Some("Payments".into());
    adr.status = Some("accepted".into());
    adr.decision_type = Some(1);
    vec![
        doc(
            DocKind::Team,
            "teams/payments.html",
            "Payments",
            &[
                (Field::Owns, "ledger"),
                (Field::Typed, "Ana Müller"),
                (Field::Body, "Card payments in Zürich."),
            ],
        ),
        adr,
        doc(
            DocKind::Page,
            "onboarding.html",
            "Onboarding",
            &[(
                Field::Body,
                "Ask the payments team about the ledger. 支付系统",
            )],
        ),
        doc(
            DocKind::Page,
            "xss.html",
            "<script>alert(1)</script>",
            &[(Field::Body, "line\u{2028}sep </script>")],
        ),
    ]
}

/// Parses `orgbookSearchLoad("key",JSON);` back into (key, value).
fn parse(bytes: &[u8]) -> (String, Value) {
    let s = std::str::from_utf8(bytes).unwrap();
    let rest = s.strip_prefix("orgbookSearchLoad(\"").unwrap();
    let (key, json) = rest.split_once("\",").unwrap();
    let json = json.strip_suffix(");\n").unwrap();
    (key.to_string(), serde_json::from_str(json).unwrap())
}

/// A reader for the index that mirrors the client's exact-term lookup.
struct Reader {
    files: HashMap<String, Value>,
}

impl Reader {
    fn new(files: &[(String, Vec<u8>)]) -> Self {
        let mut map = HashMap::new();
        for (path, bytes) in files {
            let (key, v) = parse(bytes);
            assert_eq!(path, &format!("search/{key}.js"));
            if key == "index"
                && let Some(inline) = v.get("inline").and_then(Value::as_object)
            {
                for (k, val) in inline {
                    map.insert(k.clone(), val.clone());
                }
            }
            map.insert(key, v);
        }
        Reader { files: map }
    }

    /// Undoes `shard::front_code`.
    fn seps(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for item in self.files["index"]["seps"].as_str().unwrap().split(',') {
            let shared = encode::ALPHABET
                .iter()
                .position(|&a| a == item.as_bytes()[0])
                .unwrap();
            let prev: Vec<u16> = out
                .last()
                .map(|p| p.encode_utf16().collect())
                .unwrap_or_default();
            let mut units = prev[..shared].to_vec();
            units.extend(item[1..].encode_utf16());
            out.push(String::from_utf16(&units).unwrap());
        }
        out
    }

    fn postings(&self, term: &str) -> Vec<(u32, u8)> {
        let shard = shard::shard_of(&self.seps(), term);
        let arr = self.files[&format!("t{shard}")].as_array().unwrap();
        for pair in arr.chunks(2) {
            if pair[0] == term {
                let enc = pair[1].as_str().or_else(|| pair[1][0].as_str()).unwrap();
                return decode_postings(enc);
            }
        }
        Vec::new()
    }

    fn meta(&self, id: u32) -> Value {
        let per = self.files["index"]["md"].as_u64().unwrap() as u32;
        self.files[&format!("m{}", id / per)][(id % per) as usize].clone()
    }

    /// Urls of the documents that contain every term, best first.
    fn search(&self, terms: &[&str]) -> Vec<String> {
        let mut scores: HashMap<u32, (usize, u32)> = HashMap::new();
        for t in terms {
            for (d, q) in self.postings(t) {
                let e = scores.entry(d).or_default();
                e.0 += 1;
                e.1 += u32::from(q);
            }
        }
        let mut hits: Vec<(u32, u32)> = scores
            .into_iter()
            .filter(|(_, (n, _))| *n == terms.len())
            .map(|(d, (_, s))| (d, s))
            .collect();
        hits.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        hits.into_iter()
            .map(|(d, _)| self.meta(d)[0].as_str().unwrap().to_string())
            .collect()
    }
}

#[test]
fn small_handbook_is_one_file() {
    let files = build_index(&sample());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].0, "search/index.js");
}

#[test]
fn finds_by_folded_and_typed_fields() {
    let r = Reader::new(&build_index(&sample()));
    assert_eq!(r.search(&["zurich"]), ["teams/payments.html"]);
    assert_eq!(r.search(&["muller"]), ["teams/payments.html"]);
    // "ADR 7", "0007" and "7" all reduce to these terms.
    assert_eq!(
        r.search(&["adr", "7"]),
        ["decisions/0007-adopt-postgres.html"]
    );
    assert_eq!(r.search(&["7"]), ["decisions/0007-adopt-postgres.html"]);
    assert_eq!(r.search(&["adr7"]), ["decisions/0007-adopt-postgres.html"]);
    assert_eq!(r.search(&["支付"]), ["onboarding.html"]);
}

#[test]
fn name_and_owns_hits_rank_first() {
    let r = Reader::new(&build_index(&sample()));
    assert_eq!(r.search(&["payment"])[0], "teams/payments.html");
    assert_eq!(r.search(&["ledger"])[0], "teams/payments.html");
    assert_eq!(
        r.search(&["postgr"])[0],
        "decisions/0007-adopt-postgres.html"
    );
}

#[test]
fn metadata_keeps_content_as_data() {
    let files = build_index(&sample());
    let raw = String::from_utf8(files[0].1.clone()).unwrap();
    assert!(!raw.contains("<script>") && !raw.contains("</script>") && !raw.contains('\u{2028}'));
    let r = Reader::new(&files);
    let hit = r.search(&["alert"]);
    assert_eq!(hit, ["xss.html"]);
    let id = (0..4).find(|&i| r.meta(i)[0] == "xss.html").unwrap();
    assert_eq!(r.meta(id)[1], "<script>alert(1)</script>");
}

#[test]
fn output_is_deterministic_and_order_independent() {
    let docs = synthetic(300);
    let a = build_with(&docs, &small_limits());
    let mut reversed = docs.clone();
    reversed.reverse();
    let b = build_with(&reversed, &small_limits());
    assert!(a.len() > 5);
    assert_eq!(a, b);
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    // Enough documents for many blocks, so that the work is shared out
    // differently each time.
    let docs = synthetic(700);
    let build = |threads| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| build_with(&docs, &small_limits()))
    };
    let one = build(1);
    assert_eq!(one, build(3));
    assert_eq!(one, build(8));
}

fn small_limits() -> Limits {
    Limits {
        shard_bytes: 2_000,
        single_file_bytes: 1_000,
        ..Limits::default()
    }
}

fn synthetic(n: usize) -> Vec<SearchDoc<'static>> {
    let words = [
        "alpha", "beta", "gamma", "delta", "compute", "company", "contact", "control", "code",
        "cost",
    ];
    (0..n)
        .map(|i| {
            let body: Vec<&str> = (0..30)
                .map(|j| words[(i * 7 + j * j) % words.len()])
                .collect();
            let mut d = doc(
                DocKind::Page,
                &format!("p{i}.html"),
                &format!("Page {i}"),
                &[(Field::Body, &body.join(" "))],
            );
            if i % 3 == 0 {
                d.kind = DocKind::Decision;
                d.team = Some(format!("Team {}", i % 5).into());
                d.status = Some(["accepted", "proposed"][i % 2].into());
                d.decision_type = Some(1 + (i % 2) as u8);
            }
            d
        })
        .collect()
}

#[test]
fn sharded_index_finds_every_term() {
    let docs = synthetic(300);
    let files = build_with(&docs, &small_limits());
    let r = Reader::new(&files);
    assert!(r.seps().len() > 1, "expected several term shards");
    for term in ["alpha", "comput", "code", "cost", "page", "299"] {
        assert!(!r.search(&[term]).is_empty(), "{term}");
    }
    assert_eq!(r.search(&["299"]), ["p299.html"]);
    // The terms and postings keep to the target size; the heads come on top.
    let limits = small_limits();
    for (path, bytes) in &files {
        if path.starts_with("search/t") {
            let (_, mut v) = parse(bytes);
            v.as_array_mut().unwrap().pop();
            let len = v.to_string().len();
            assert!(len <= limits.shard_bytes + 200, "{path} is {len} bytes");
        }
    }
}

/// Every term file and prefix summary ends with its heads: the row of each entry's
/// strongest document (highest impact, teams and groups lifted by the prior; on a tie the
/// lower id), as `[id, url, title, kind, team, status]`, the start of its metadata record;
/// as many as fit in `head_bytes`.
#[test]
fn index_files_carry_the_row_of_each_entrys_strongest_document() {
    let mut docs = synthetic(300);
    for d in docs.iter_mut().step_by(7) {
        d.kind = DocKind::Team;
        d.team = None;
    }
    for budget in [usize::MAX, 500] {
        check_heads(&docs, budget);
    }
}

fn check_heads(docs: &[SearchDoc<'_>], budget: usize) {
    let limits = Limits {
        head_bytes: budget,
        ..small_limits()
    };
    let files = build_with(docs, &limits);
    let r = Reader::new(&files);
    let index = &r.files["index"];
    let teams_end = index["kinds"][0].as_u64().unwrap() + index["kinds"][1].as_u64().unwrap();
    let lift = index["prior"].as_f64().unwrap().ln() / index["step"].as_f64().unwrap();
    let strongest = |enc: &Value| {
        let enc = enc.as_str().or_else(|| enc[0].as_str()).unwrap();
        decode_postings(enc)
            .into_iter()
            .map(|(d, q)| {
                (
                    f64::from(q) + if u64::from(d) < teams_end { lift } else { 0.0 },
                    d,
                )
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .unwrap()
            .1
    };
    let (mut term_files, mut summaries) = (0, 0);
    for (key, v) in &r.files {
        let per = match key.as_bytes()[0] {
            b't' => 2,
            b'p' => 3,
            _ => continue,
        };
        let a = v.as_array().unwrap();
        assert_eq!(a.len() % per, 1, "{key} ends with its heads");
        let mut want: Vec<u32> = a[..a.len() - 1]
            .chunks(per)
            .map(|e| strongest(&e[per - 1]))
            .collect();
        want.sort_unstable();
        want.dedup();
        let heads = a[a.len() - 1].as_array().unwrap();
        let got: Vec<u32> = heads
            .iter()
            .map(|h| h[0].as_u64().unwrap() as u32)
            .collect();
        if budget == usize::MAX {
            assert_eq!(got, want, "{key}");
        } else {
            assert!(
                got.iter().all(|d| want.contains(d)),
                "{key}: {got:?} {want:?}"
            );
            assert!(!got.is_empty() && got.is_sorted(), "{key}: {got:?}");
            let len = a[a.len() - 1].to_string().len();
            assert!(len <= budget + 2, "{key}: {len} bytes");
        }
        for h in heads {
            let meta = r.meta(h[0].as_u64().unwrap() as u32);
            assert_eq!(
                h.as_array().unwrap()[1..],
                meta.as_array().unwrap()[..5],
                "{key}"
            );
        }
        if per == 2 {
            term_files += 1;
        } else {
            summaries += 1;
        }
    }
    assert!(term_files > 1 && summaries > 0, "{term_files} {summaries}");
    // Teams are among the heads, so the lift above was put to the test.
    assert!(r.files.iter().any(|(k, v)| {
        k.starts_with('t')
            && v.as_array()
                .unwrap()
                .last()
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h[3] == 0)
    }));
}

#[test]
fn an_inline_index_has_no_heads() {
    let r = Reader::new(&build_index(&sample()));
    assert_eq!(r.files["t0"].as_array().unwrap().len() % 2, 0);
}

#[test]
fn facet_runs_cover_every_document() {
    let docs = synthetic(90);
    let r = Reader::new(&build_with(&docs, &small_limits()));
    let f = &r.files["f0"];
    let runs = f["runs"].as_str().unwrap();
    // Decisions cost about one character each, everything else a run.
    assert!(runs.len() >= 30 && runs.len() < 2 * 90, "{}", runs.len());
    assert_eq!(f["statuses"], serde_json::json!(["accepted", "proposed"]));
    assert_eq!(r.files["n0"].as_array().unwrap().len(), 5);
}

/// Reads back one facets file: per document (kind, team number, status, type), in doc
/// id order.
fn facet_rows(f: &Value) -> Vec<(u64, u64, String, u64)> {
    let mut runs = f["runs"]
        .as_str()
        .unwrap()
        .bytes()
        .map(|c| encode::ALPHABET.iter().position(|&a| a == c).unwrap() as u64)
        .peekable();
    let varint = |runs: &mut dyn Iterator<Item = u64>| {
        let (mut v, mut scale) = (0, 1);
        for c in runs {
            v += (c & 31) * scale;
            scale *= 32;
            if c < 32 {
                break;
            }
        }
        v
    };
    let status = |i: u64| match i {
        0 => String::new(),
        i => f["statuses"][i as usize - 1].as_str().unwrap().to_string(),
    };
    let mut rows = Vec::new();
    while runs.peek().is_some() {
        let len = varint(&mut runs);
        let kind = runs.next().unwrap();
        let team = varint(&mut runs);
        let has = runs.next().unwrap();
        for _ in 0..len {
            let x = if has == 1 { varint(&mut runs) } else { 0 };
            rows.push((kind, team, status(x / 3), x % 3));
        }
    }
    rows
}

#[test]
fn facets_come_in_files_that_do_not_grow_with_the_handbook() {
    // A team per three documents, as a handbook of many small teams has: one file of
    // every document's facets, team names included, grew with the handbook.
    let handbook = |n: usize| {
        let mut docs = synthetic(n);
        for (i, d) in docs.iter_mut().enumerate() {
            d.team = Some(format!("Team number {}", i / 3).into());
        }
        let files = build_with(&docs, &small_limits());
        let largest = files
            .iter()
            .filter(|(path, _)| path.starts_with("search/f") || path.starts_with("search/n"))
            .map(|(_, bytes)| bytes.len())
            .max()
            .unwrap();
        (docs.len(), Reader::new(&files), largest)
    };
    let (n, r, largest) = handbook(2 * FACET_DOCS + 500);
    assert_eq!(r.files["index"]["fd"], FACET_DOCS);
    assert_eq!(r.files["index"]["nt"], n.div_ceil(3));
    let runs: Vec<&Value> = (0..).map_while(|i| r.files.get(&format!("f{i}"))).collect();
    assert_eq!(runs.len(), 3, "{:?}", r.files.keys().collect::<Vec<_>>());
    let names: Vec<&str> = (0..)
        .map_while(|j| r.files.get(&format!("n{j}")))
        .flat_map(|list| list.as_array().unwrap())
        .map(|name| name.as_str().unwrap())
        .collect();
    assert_eq!(names.len(), n.div_ceil(3), "every team named once");
    assert!(names.is_sorted_by(|a, b| encode::cmp_utf16(a, b).is_lt()));
    let mut id = 0u32;
    for f in &runs {
        for (kind, team, status, decision_type) in facet_rows(f) {
            let rec = r.meta(id);
            let team = names[team as usize - 1].to_string();
            let want = (
                rec[2].as_u64().unwrap(),
                rec[3].as_str().unwrap().to_string(),
                rec[4].as_str().unwrap().to_string(),
                rec[5].as_u64().unwrap(),
            );
            assert_eq!((kind, team, status, decision_type), want, "document {id}");
            id += 1;
        }
    }
    assert_eq!(id as usize, n, "every document has its facets once");
    // A few characters of runs per document, and 64 names a file: four times the
    // documents, no larger a file.
    let (_, _, larger) = handbook(4 * (2 * FACET_DOCS + 500));
    let bound = (FACET_DOCS * 8).max(TEAM_NAMES * 24);
    assert!(
        largest <= bound && larger <= bound,
        "{largest} and {larger} bytes"
    );
}

#[test]
fn excerpts_are_cut_at_words() {
    let mut d = doc(
        DocKind::Page,
        "x.html",
        "X",
        &[(Field::Body, &"word ".repeat(100))],
    );
    let e = excerpt(&d, &sections(&d), 22);
    assert_eq!(e, "word word word word…");
    d.excerpt = Some("Short problem statement.".into());
    assert_eq!(excerpt(&d, &sections(&d), 100), "Short problem statement.");
    let cjk = doc(
        DocKind::Page,
        "c.html",
        "C",
        &[(Field::Body, &"支".repeat(50))],
    );
    assert_eq!(excerpt(&cjk, &sections(&cjk), 10).chars().count(), 11);
}

/// The body text as `markdown::Rendered::text` writes it: each heading on a
/// line of its own, in order.
#[test]
fn sections_split_the_body_at_its_headings() {
    let d = doc(
        DocKind::Page,
        "x.html",
        "Runbook",
        &[
            (Field::Heading, "Runbook"),
            (Field::Heading, "Escalation"),
            (Field::Heading, "Empty"),
            (Field::Heading, "Paging"),
            (
                Field::Body,
                "Runbook\nWhat to do.\nEscalation\nCall the lead. Escalation is rare.\nEmpty\n\nPaging \nPage once.\n",
            ),
        ],
    );
    let s = sections(&d);
    // The leading "# Runbook" equals the title: its text is the lead.
    assert_eq!(s.lead, "\nWhat to do.\n");
    let heads: Vec<&str> = s.sections.iter().map(|x| x.0).collect();
    assert_eq!(heads, ["Escalation", "Paging"]);
    assert_eq!(s.sections[0].1.trim(), "Call the lead. Escalation is rare.");
    assert_eq!(s.sections[1].1.trim(), "Page once.");
    // The excerpt is the lead, never a heading run into the text.
    assert_eq!(excerpt(&d, &s, 100), "What to do.");

    // A heading text inside a paragraph is not a section start, and a
    // heading that is not found ends the search (the rest is one section).
    let d = doc(
        DocKind::Page,
        "y.html",
        "Y",
        &[
            (Field::Heading, "Scope"),
            (Field::Heading, "Missing"),
            (Field::Heading, "Later"),
            (
                Field::Body,
                "The Scope of it.\nScope\nAll of it.\nLater\nMore.\n",
            ),
        ],
    );
    let s = sections(&d);
    assert_eq!(s.lead, "The Scope of it.\n");
    assert_eq!(s.sections.len(), 1);
    assert_eq!(s.sections[0].0, "Scope");
    assert!(s.sections[0].1.contains("Later"));
}

#[test]
fn metadata_lists_section_snippets_after_the_excerpt() {
    let mut docs = sample();
    docs.push(doc(
        DocKind::Page,
        "handbook/oncall.html",
        "On-call guide",
        &[
            (Field::Heading, "Paging"),
            (Field::Heading, "Handover"),
            (
                Field::Body,
                "Lead text.\nPaging\nWe page the primary first.\nHandover\nWrite notes.\n",
            ),
        ],
    ));
    let files = build_index(&docs);
    let (_, index) = parse(&files.iter().find(|f| f.0 == "search/index.js").unwrap().1);
    let m0 = &index["inline"]["m0"];
    let rec = m0
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == "handbook/oncall.html")
        .unwrap();
    assert_eq!(rec[6], "Lead text.");
    assert_eq!(
        rec[7],
        serde_json::json!([
            "Paging",
            "We page the primary first.",
            "Handover",
            "Write notes."
        ])
    );
}

#[test]
fn empty_handbook_still_has_a_manifest() {
    let files = build_index(&[]);
    assert_eq!(files.len(), 1);
    let (_, v) = parse(&files[0].1);
    assert_eq!(v["n"], 0);
}

/// A build indexes each document as it is rendered, from many threads, in no set order,
/// holding the records compressed when the handbook is large: the files must be those
/// `build_index` makes of the same documents. Both a one-file index and a sharded one
/// (with summaries) are compared.
#[test]
fn streaming_index_equals_build_index_in_any_order() {
    for docs in [sample(), synthetic(3_000), Vec::new()] {
        let whole = build_index(&docs);
        let sharded = whole.iter().any(|(p, _)| p.starts_with("search/t1"));
        let reversed = StreamingIndex::default();
        for d in docs.iter().rev() {
            reversed.add(d);
        }
        assert_eq!(reversed.finish(), whole);
        let parallel = StreamingIndex::default();
        docs.par_iter().for_each(|d| parallel.add(d));
        assert_eq!(parallel.finish(), whole);
        // A large handbook's build holds the records compressed.
        let packed = StreamingIndex::with_capacity(docs.len()).packing_records();
        docs.par_iter().for_each(|d| packed.add(d));
        assert_eq!(packed.finish(), whole);
        assert!(
            docs.len() < 3_000 || sharded,
            "the large case must be sharded"
        );
    }
}

/// A large index's metadata files do not depend on the scores: a build writes them (and
/// frees the records) before the documents are scored, so that the records and the
/// postings are never held at once. Each file is handed over once.
#[test]
fn streaming_index_hands_over_the_metadata_files_before_the_terms() {
    let docs = synthetic(3_000);
    let index = StreamingIndex::default();
    docs.par_iter().for_each(|d| index.add(d));
    let order = std::sync::Mutex::new(Vec::new());
    index.finish_into(&|path, _| order.lock().unwrap().push(path));
    let order = order.into_inner().unwrap();
    let first_term = order.iter().position(|p| p.starts_with("search/t"));
    let last_meta = order.iter().rposition(|p| p.starts_with("search/m"));
    assert!(
        matches!((last_meta, first_term), (Some(m), Some(t)) if m < t),
        "{order:?}"
    );
    let mut unique = order.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), order.len());
}

#[test]
fn exact_titles_get_a_title_key() {
    let mut docs = sample();
    docs.push(doc(
        DocKind::Page,
        "slack.html",
        "Slack",
        &[(Field::Body, "Chat.")],
    ));
    docs.push(doc(
        DocKind::Page,
        "chat.html",
        "Chat tools",
        &[(Field::Body, "Slack slack slack.")],
    ));
    docs.push(doc(DocKind::Team, "teams/oncall.html", "On-call", &[]));
    let files = build_index(&docs);
    let (_, index) = parse(&files.iter().find(|f| f.0 == "search/index.js").unwrap().1);
    let t0 = index["inline"]["t0"].as_array().unwrap();
    let get = |key: &str| {
        let at = t0.iter().step_by(2).position(|t| t == key)?;
        Some(decode_postings(t0[at * 2 + 1].as_str().unwrap()))
    };
    let urls: Vec<&str> = index["inline"]["m0"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[0].as_str().unwrap())
        .collect();
    let slack = get("slack\t").expect("a key for the title Slack");
    assert_eq!(slack.len(), 1);
    assert_eq!(urls[slack[0].0 as usize], "slack.html");
    let oncall = get("on call\t").expect("a key for the title On-call");
    assert_eq!(urls[oncall[0].0 as usize], "teams/oncall.html");
    assert!(get("chat tool\t").is_some());
}

#[test]
fn the_strongest_document_is_lifted_for_teams_and_ties_go_to_the_lower_id() {
    let boost = |doc: u32| if doc < 2 { 3.7 } else { 0.0 };
    // A team two levels below a page outranks it once lifted.
    assert_eq!(
        strongest_doc([(1, 8), (5, 10)].into_iter(), boost),
        Some((11.7, 1))
    );
    assert_eq!(
        strongest_doc([(1, 8), (5, 12)].into_iter(), boost),
        Some((12.0, 5))
    );
    assert_eq!(
        strongest_doc([(3, 9), (4, 9)].into_iter(), boost),
        Some((9.0, 3))
    );
    assert_eq!(strongest_doc(std::iter::empty(), boost), None);
}
