//! The search client's engine in Node (tests/js/): the builder (`orgbook::search`) writes
//! an index of synthetic documents, and the client must find what it should in it, analyse
//! text the same way as the builder and stem like rust-stemmers. These need `node`: without
//! it they fail when `CI` is set, and otherwise skip with a notice.

use crate::browser::in_ci;
use crate::harness::repo_root;
use orgbook::search::{DocKind, Field, SearchDoc, build_index, decision_number_text};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

fn node() -> Option<&'static str> {
    let found = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some("node");
    }
    assert!(
        !in_ci(),
        "the search client tests need `node`; CI is set, so this is a failure"
    );
    eprintln!("notice: skipping a search client test: `node` is not installed");
    None
}

/// Runs `node tests/js/<script> args…` and fails with its output unless it exits 0.
#[track_caller]
pub(crate) fn run_js(script: &str, args: &[&Path]) {
    let Some(node) = node() else { return };
    let out = Command::new(node)
        .arg(repo_root().join("tests/js").join(script))
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "node {script} failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains(" passed, 0 failed"), "{stdout}");
    println!("node {script}: {}", stdout.trim_end());
}

/// The addresses of the first results for `query` on the site built in `site`, as the
/// shipped client finds them (`tests/js/query.js`); `None` without `node` outside CI.
pub(crate) fn query_site(site: &Path, query: &str) -> Option<Vec<String>> {
    let node = node()?;
    let out = Command::new(node)
        .arg(repo_root().join("tests/js/query.js"))
        .arg(site)
        .arg(query)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "node query.js failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

/// Writes the index files of `docs` below `dir` (`dir/search/…`), and the search client
/// as the binary ships it (`dir/orgbook/search.js`), which harness.js runs and counts.
fn write_index(dir: &Path, docs: &[SearchDoc]) {
    let client = orgbook::render::theme::default_file("static/orgbook/search.js").unwrap();
    std::fs::create_dir_all(dir.join("orgbook")).unwrap();
    std::fs::write(dir.join("orgbook/search.js"), client).unwrap();
    for (path, bytes) in build_index(docs) {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, bytes).unwrap();
    }
}

#[test]
fn client_script_parses() {
    let Some(node) = node() else { return };
    let js = repo_root().join("themes/default/static/orgbook/search.js");
    let out = Command::new(node).arg("--check").arg(&js).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn client_finds_expected_hits_in_a_small_single_file_index() {
    let dir = tempfile::tempdir().unwrap();
    synthetic(30, 120, dir.path());
    assert!(dir.path().join("search/index.js").is_file());
    assert!(!dir.path().join("search/f0.js").exists(), "one file only");
    run_js("harness.js", &[dir.path(), Path::new("--quiet")]);
}

#[test]
fn client_finds_expected_hits_in_a_sharded_index() {
    let dir = tempfile::tempdir().unwrap();
    synthetic(2000, 60, dir.path());
    assert!(dir.path().join("search/f0.js").is_file(), "sharded");
    run_js("harness.js", &[dir.path(), Path::new("--quiet")]);
}

/// Each line of tests/js/cross.txt becomes a document; the client must find it by its
/// own text, so builder and client must fold, split and stem alike.
#[test]
fn client_and_builder_analyse_text_alike() {
    let lines = std::fs::read_to_string(repo_root().join("tests/js/cross.txt")).unwrap();
    let mut docs: Vec<SearchDoc> = lines
        .lines()
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, s)| page(format!("d{i}.html"), s, s))
        .collect();
    // Filler, so that the index is sharded like a real one.
    for i in 0..3000 {
        docs.push(page(
            format!("f{i}.html"),
            &format!("filler {i}"),
            &format!("word{} other{} thing", i % 97, i % 13),
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    write_index(dir.path(), &docs);
    assert!(dir.path().join("search/f0.js").is_file(), "sharded");
    run_js("cross.js", &[dir.path()]);
}

/// The client's stemmer gives what rust-stemmers gives, on every word of this
/// repository's documentation and example handbook, some known hard cases, and the
/// crate's own 29,403-word test vocabulary when its source is in the cargo registry.
#[test]
fn client_stems_like_rust_stemmers() {
    let mut words = std::collections::BTreeSet::new();
    let mut add_text = |text: &str| {
        for w in text.split(|c: char| !c.is_ascii_alphabetic()) {
            let w = w.to_ascii_lowercase();
            if !w.is_empty() && w.len() <= 40 {
                words.insert(w);
            }
        }
    };
    for dir in ["content", "docs"] {
        for entry in walkdir::WalkDir::new(repo_root().join(dir))
            .into_iter()
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "md") {
                add_text(&std::fs::read_to_string(entry.path()).unwrap());
            }
        }
    }
    add_text(
        "generous generously communism communication arsenal arsenals skis skies dying \
         lying tying idly gently ugly early only singly sky news howe atlas cosmos bias \
         andes inning innings outing canning herring earring proceed proceeded exceed \
         succeeded hopping hoped agreed feed bleed sized cry by say enjoying ease yes \
         yellow bayonet abeyance running runner stopped traditional rationalization \
         hopefulness effectiveness sensibiliti logically archeology fluently happily",
    );
    let vocabulary = stemmer_vocabulary();
    if let Some(v) = &vocabulary {
        add_text(&std::fs::read_to_string(v).unwrap());
    } else {
        eprintln!(
            "notice: rust-stemmers' test vocabulary not found; using {} words",
            words.len()
        );
    }
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let mut pairs = String::new();
    for w in &words {
        writeln!(pairs, "{w}\t{}", stemmer.stem(w)).unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stems.tsv");
    std::fs::write(&file, pairs).unwrap();
    run_js("stem.js", &[&file]);
}

/// `test_data/voc_en.txt` of the rust-stemmers source that cargo unpacked.
fn stemmer_vocabulary() -> Option<PathBuf> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))?;
    let src = std::fs::read_dir(home.join("registry/src")).ok()?;
    src.flatten()
        .flat_map(|registry| {
            std::fs::read_dir(registry.path())
                .into_iter()
                .flatten()
                .flatten()
        })
        .filter(|c| {
            c.file_name()
                .to_string_lossy()
                .starts_with("rust-stemmers-")
        })
        .map(|c| c.path().join("test_data/voc_en.txt"))
        .find(|p| p.is_file())
}

fn page(url: String, title: &str, body: &str) -> SearchDoc<'static> {
    SearchDoc {
        url: url.into(),
        kind: DocKind::Page,
        title: title.to_string().into(),
        team: None,
        status: None,
        decision_type: None,
        fields: vec![(Field::Body, body.to_string().into())],
        excerpt: None,
    }
}

/// A deterministic random source (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

const COMMON: &str = "team service customer data process review incident release deploy \
    deployment payment payments account billing support platform infrastructure security \
    policy policies access request approval budget hiring onboarding meeting meetings planning \
    roadmap quarter goal goals metric metrics latency availability reliability database \
    databases postgres kafka queue cache search api apis interface contract ownership owner \
    owners decision decisions proposal proposals context consequences option options tradeoff \
    risk risks migration migrations upgrade version config configuration monitoring alert \
    alerts oncall rotation escalation runbook documentation docs guide guideline standard \
    standards compliance audit privacy retention storage backup recovery network traffic load \
    capacity performance cost costs vendor contract contracts legal finance report reporting \
    dashboard analytics experiment experiments feature features flag flags mobile web frontend \
    backend design research product manager engineering quality testing test tests automation \
    pipeline build builds ci environment production staging cluster region regions company \
    companies contact contacts control controls code compute computing communication community \
    commit commitment common complete component components concern condition conference \
    confirm connect consider constraint consumer content continue contribute convert \
    coordinate core correct could count course cover create credit critical current cycle";

/// Made-up words, so that the vocabulary grows with the handbook as in real ones.
fn pseudo_words(rng: &mut Rng, n: usize) -> Vec<String> {
    let onset = [
        "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br",
        "ch", "st", "tr", "pl", "gr", "sh",
    ];
    let nucleus = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
    let coda = ["", "n", "r", "s", "t", "l", "m", "x", "nd", "rk", "st"];
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    while out.len() < n {
        let mut w = String::new();
        for _ in 0..1 + rng.below(3) {
            w.push_str(onset[rng.below(onset.len())]);
            w.push_str(nucleus[rng.below(nucleus.len())]);
            w.push_str(coda[rng.below(coda.len())]);
        }
        if seen.insert(w.clone()) {
            out.push(w);
        }
    }
    out
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// Writes the index of a synthetic handbook of `n` documents (bodies of up to
/// `body_words` words, Zipf-distributed vocabulary, 4% teams, 30% decisions, the rest
/// pages, some CJK and markup) to `out/search/`, and the queries whose best hits are
/// known to `out/expect.json` as `[query, url, top]`: `url` must be in the first `top`.
fn synthetic(n: usize, body_words: usize, out: &Path) {
    let mut rng = Rng(42);
    let mut vocab: Vec<String> = COMMON.split_whitespace().map(String::from).collect();
    vocab.extend(pseudo_words(&mut rng, (n * 15).clamp(300, 30_000)));
    let mut cumulative = Vec::with_capacity(vocab.len());
    let mut acc = 0.0;
    for r in 0..vocab.len() {
        acc += 1.0 / (r as f64 + 2.7);
        cumulative.push(acc);
    }
    let word = |rng: &mut Rng| -> String {
        let x = (rng.next() as f64 / u64::MAX as f64) * acc;
        vocab[cumulative.partition_point(|&c| c < x).min(vocab.len() - 1)].clone()
    };
    let sentence = |rng: &mut Rng, len: usize| -> String {
        let words: Vec<String> = (0..len).map(|_| word(rng)).collect();
        cap(&words.join(" ")) + "."
    };
    let body = |rng: &mut Rng| -> String {
        let target = body_words / 4 + rng.below(body_words * 3 / 4);
        let mut b = String::new();
        let mut w = 0;
        while w < target {
            let len = 6 + rng.below(14);
            b.push_str(&sentence(rng, len));
            b.push(' ');
            w += len;
        }
        b
    };
    let firsts = [
        "Ana", "Zoë", "Jürgen", "Åsa", "Łukasz", "Chloé", "Mateo", "Priya", "Wei", "Sven",
        "Noémie", "Ola", "Kemal", "Yuki", "Ravi", "Inès", "Tomás", "Björn", "Amara", "Leila",
    ];
    let lasts = [
        "Müller",
        "García",
        "Nakamura",
        "Kowalski",
        "Ødegaard",
        "Dubois",
        "Singh",
        "Okafor",
        "Rossi",
        "Jensen",
        "Zürcher",
        "Novák",
        "Chen",
        "Haddad",
        "Moreau",
    ];
    let statuses = [
        "accepted",
        "proposed",
        "rejected",
        "deprecated",
        "superseded",
    ];
    let n_teams = (n / 25).max(3);
    let n_decisions = n * 3 / 10;
    let mut team_names = Vec::new();
    let mut docs = Vec::new();
    let mut expect: Vec<(String, String, usize)> = Vec::new();

    for t in 0..n_teams {
        let name = format!(
            "{} {}",
            cap(&vocab[200 + t * 7 % (vocab.len() - 300)]),
            cap(&vocab[300 + t * 13 % (vocab.len() - 300)])
        );
        let slug = name.to_lowercase().replace(' ', "-");
        let owns: Vec<String> = (0..2 + rng.below(4))
            .map(|i| {
                let kind = ["service", "api", "pipeline", "db"][i % 4];
                format!("{}-{kind}", vocab[(1000 + t * 5 + i) % vocab.len()])
            })
            .collect();
        // People are mostly unique, as in a real organisation: a first name from the
        // list, a surname of its own (some with diacritics).
        let person = |i: usize| {
            let double = if i.is_multiple_of(3) {
                format!("{}-", lasts[i % lasts.len()])
            } else {
                String::new()
            };
            format!(
                "{} {double}{}",
                firsts[i % firsts.len()],
                cap(&vocab[(5000 + i) % vocab.len()])
            )
        };
        let lead = person(t * 8);
        let members: Vec<String> = (1..4 + rng.below(5)).map(|i| person(t * 8 + i)).collect();
        let url = format!("teams/{slug}.html");
        let problem = sentence(&mut rng, 14);
        let mut fields = vec![(Field::Title, name.clone())];
        fields.extend(owns.iter().map(|o| (Field::Owns, o.clone())));
        fields.push((Field::Typed, problem.clone()));
        fields.push((
            Field::Typed,
            format!("{} {}", word(&mut rng), word(&mut rng)),
        ));
        fields.push((Field::Typed, lead.clone()));
        fields.push((Field::Typed, members.join(", ")));
        fields.push((Field::Typed, format!("#{slug} {slug}@example.com")));
        for _ in 0..3 {
            fields.push((Field::Heading, sentence(&mut rng, 3)));
        }
        fields.push((Field::Body, body(&mut rng)));
        if t < 20 {
            expect.push((name.clone(), url.clone(), 1));
            expect.push((owns[0].clone(), url.clone(), 1));
            expect.push((lead.clone(), url.clone(), 8));
        }
        let kind = if t.is_multiple_of(10) {
            DocKind::Group
        } else {
            DocKind::Team
        };
        docs.push(SearchDoc {
            url: url.into(),
            kind,
            title: name.clone().into(),
            team: None,
            status: None,
            decision_type: None,
            fields: fields.into_iter().map(|(f, s)| (f, s.into())).collect(),
            excerpt: Some(problem.into()),
        });
        team_names.push(name);
    }

    for d in 1..=n_decisions as u32 {
        let team = rng.pick(&team_names).clone();
        let title_words: Vec<String> = (0..2 + rng.below(3)).map(|_| word(&mut rng)).collect();
        let verb = ["adopt", "replace", "retire", "split", "merge", "move"][rng.below(6)];
        let title = format!("ADR {d}: {} {}", cap(verb), title_words.join(" "));
        let url = format!("decisions/{d:04}-{}.html", title_words.join("-"));
        let status = statuses[rng.below(statuses.len())].to_string();
        let dtype = 1 + rng.below(2) as u8;
        let fields = vec![
            (Field::Title, title.clone()),
            (Field::Typed, decision_number_text(d)),
            (Field::Typed, format!("{status} type {dtype} {team}")),
            (
                Field::Typed,
                format!("{} {}", rng.pick(&firsts), rng.pick(&lasts)),
            ),
            (
                Field::Typed,
                format!("{} {}", word(&mut rng), word(&mut rng)),
            ),
            (Field::Heading, "Context".into()),
            (Field::Heading, "Decision".into()),
            (Field::Heading, "Consequences".into()),
            (Field::Body, body(&mut rng)),
        ];
        if d <= 10 || d.is_multiple_of(97) {
            expect.push((format!("ADR {d}"), url.clone(), 1));
            expect.push((format!("{d:04}"), url.clone(), 1));
            expect.push((format!("adr{d}"), url.clone(), 1));
        }
        docs.push(SearchDoc {
            url: url.into(),
            kind: DocKind::Decision,
            title: title.into(),
            team: Some(team.into()),
            status: Some(status.into()),
            decision_type: Some(dtype),
            fields: fields.into_iter().map(|(f, s)| (f, s.into())).collect(),
            excerpt: None,
        });
    }

    let cjk = [
        "支付系统的设计",
        "数据库迁移计划",
        "東京オフィスの案内",
        "セキュリティポリシー",
        "监控和告警",
    ];
    let mut p: usize = 0;
    while docs.len() < n {
        p += 1;
        let mut title = if p.is_multiple_of(50) {
            format!("{} {p}", cjk[p / 50 % cjk.len()])
        } else {
            let words: Vec<String> = (0..2 + rng.below(4))
                .map(|_| cap(&word(&mut rng)))
                .collect();
            words.join(" ")
        };
        let mut b = body(&mut rng);
        let url = format!("handbook/page-{p}.html");
        if p.is_multiple_of(50) {
            b.push_str(cjk[(p / 50 + 1) % cjk.len()]);
            let title_cjk = cjk[p / 50 % cjk.len()];
            let first: String = title_cjk.chars().take(2).collect();
            let one: String = title_cjk.chars().take(1).collect();
            for q in [title_cjk.to_string(), first, one] {
                expect.push((q, url.clone(), 48));
            }
        }
        if p == 7 {
            b.push_str(" The office is in Zürich. <script>alert(1)</script>");
            title = "Zürich office <script>alert(1)</script>".to_string();
            for q in ["zurich", "ZÜRICH", "Zürich office", "<script>"] {
                expect.push((q.to_string(), url.clone(), 8));
            }
        }
        let fields = vec![
            (Field::Title, title.clone()),
            (Field::Heading, sentence(&mut rng, 3)),
            (Field::Body, b),
        ];
        docs.push(SearchDoc {
            url: url.into(),
            kind: DocKind::Page,
            title: title.into(),
            team: None,
            status: None,
            decision_type: None,
            fields: fields.into_iter().map(|(f, s)| (f, s.into())).collect(),
            excerpt: None,
        });
    }

    write_index(out, &docs);
    let expect = serde_json::to_string(&expect).unwrap();
    std::fs::write(out.join("expect.json"), expect).unwrap();
}
