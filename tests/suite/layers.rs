//! The pipeline's direction in the source tree: no file of `src/`, and no top-level folder,
//! reaches itself through `crate::` / `super::` imports (docs/design.md, "Module layers").
//! A circle makes a change to one stage touch the stages that feed it, and hides which way
//! the data flows.
//!
//! The reader is deliberately small: it sees the paths written in code (`use` lines, with
//! their `{…}` groups, and paths inline in expressions), not in comments or the files' test
//! modules, and resolves each to the longest module file it names. A folder's `mod.rs`
//! names its own children by bare paths, which it does not follow: a folder is one room,
//! inside which a child may use its parent's items.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module file of `src/`, by module path (`link/mod.rs` is `link`), to its name as
/// printed (`link/mod`).
fn modules(src: &Path) -> BTreeMap<Vec<String>, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        if rel.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let name = rel.with_extension("").to_string_lossy().replace('\\', "/");
        // A folder's `tests.rs` is its `#[cfg(test)] mod tests;`: test code, as the
        // inline `mod tests { … }` that `code_of` leaves out.
        if name == "tests" || name.ends_with("/tests") {
            continue;
        }
        let mut parts: Vec<String> = name.split('/').map(str::to_string).collect();
        if matches!(
            parts.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            parts.pop();
        }
        out.insert(parts, name);
    }
    out
}

/// The code of a file without comments, string literals' contents and its `#[cfg(test)]`
/// module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests {") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths after `crate::` or `super::` in `code`, each as its segments, with `use`
/// groups expanded (`crate::a::{b, c::d}` gives `a::b` and `a::c::d`).
fn paths(code: &str, anchor: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(anchor) {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + anchor.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let mut base = Vec::new();
        loop {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if end == 0 {
                break;
            }
            base.push(rest[..end].to_string());
            rest = &rest[end..];
            if rest.starts_with("::{") {
                let close = rest.find('}').unwrap_or(rest.len());
                for item in rest[3..close].split(',') {
                    let item = item.trim().trim_start_matches('{');
                    if item.is_empty() {
                        continue;
                    }
                    let mut full = base.clone();
                    full.extend(item.split("::").map(|s| s.trim().to_string()));
                    out.push(full);
                }
                rest = &rest[close..];
                base.clear();
                break;
            }
            match rest.strip_prefix("::") {
                Some(r) => rest = r,
                None => break,
            }
        }
        if !base.is_empty() {
            out.push(base);
        }
    }
    out
}

/// The file `path` names: the longest module path that is a prefix of it.
fn resolve<'a>(mods: &'a BTreeMap<Vec<String>, String>, path: &[String]) -> Option<&'a String> {
    (1..=path.len()).rev().find_map(|n| mods.get(&path[..n]))
}

/// File → the files it imports.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mods = modules(src);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (key, name) in &mods {
        let text = std::fs::read_to_string(src.join(format!("{name}.rs"))).unwrap();
        let code = code_of(&text);
        // `super::` in `a/b.rs` (or `a/mod.rs`'s child) is module `a`.
        let parent: Vec<String> = key[..key.len().saturating_sub(1)].to_vec();
        let is_folder_root = name.ends_with("/mod");
        let mut targets = BTreeSet::new();
        for path in paths(&code, "crate::") {
            targets.extend(resolve(&mods, &path).cloned());
        }
        for path in paths(&code, "super::") {
            // In `link/mod.rs`, `super` is the crate root; in `link/handbook.rs`, `link`.
            let mut full = if is_folder_root {
                key[..key.len().saturating_sub(1)].to_vec()
            } else {
                parent.clone()
            };
            full.extend(path);
            targets.extend(resolve(&mods, &full).cloned());
        }
        targets.remove(name);
        graph.insert(name.clone(), targets);
    }
    graph
}

/// The strongly connected components of more than one file (Tarjan's algorithm).
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<BTreeSet<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<BTreeSet<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !s.index.contains_key(w) {
                visit(s, w);
                let lw = s.low[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(lw);
            } else if s.on_stack.contains(w) {
                let iw = s.index[w];
                let lv = s.low.get_mut(v).unwrap();
                *lv = (*lv).min(iw);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = BTreeSet::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.insert(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                s.found.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    s.found
}

#[test]
fn no_module_imports_itself_through_others() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&src);
    // The reader must see the pipeline's known arrows, or an empty graph would pass.
    for (from, to) in [
        ("site", "link/mod"),
        ("markdown/mod", "link/mod"),
        ("link/handbook", "link/mod"),
        ("link/mod", "load/mod"),
        ("load/include/mod", "model"),
        ("markdown/body/myst", "dialects/myst"),
        ("dialects/leftovers/mod", "dialects/found"),
    ] {
        assert!(
            graph.get(from).is_some_and(|t| t.contains(to)),
            "the import reader lost {from} -> {to}: {:?}",
            graph.get(from)
        );
    }
    let report = describe(&graph, |from, to| format!("{from} -> {to}"));
    assert!(
        report.is_empty(),
        "modules that import each other (move the shared item down a layer):\n{report}"
    );
}

/// Each circle of `graph`, its members and the arrows between them (`arrow` words one),
/// for a failure message; empty when there is none.
fn describe(
    graph: &BTreeMap<String, BTreeSet<String>>,
    arrow: impl Fn(&str, &str) -> String,
) -> String {
    let mut out = String::new();
    for c in circles(graph) {
        out.push_str(&c.iter().cloned().collect::<Vec<_>>().join(", "));
        out.push('\n');
        for from in &c {
            for to in graph[from].iter().filter(|to| c.contains(*to)) {
                out.push_str(&format!("  {}\n", arrow(from, to)));
            }
        }
    }
    out
}

/// The top-level room of a file: `link/handbook` is in `link`, `site` is `site`.
fn room(file: &str) -> String {
    file.split('/').next().unwrap_or(file).to_string()
}

#[test]
fn no_top_level_folder_imports_one_that_imports_it_back() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = imports(&src);
    let mut rooms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut why: BTreeMap<(String, String), String> = BTreeMap::new();
    for (from, targets) in &files {
        let entry = rooms.entry(room(from)).or_default();
        for to in targets.iter().filter(|to| room(to) != room(from)) {
            entry.insert(room(to));
            why.entry((room(from), room(to)))
                .or_insert_with(|| format!("{from} -> {to}"));
        }
    }
    assert!(
        rooms.get("site").is_some_and(|t| t.contains("render")),
        "the import reader lost site -> render: {:?}",
        rooms.get("site")
    );
    // Each arrow between rooms named by one file-level arrow that makes it.
    let report = describe(&rooms, |from, to| {
        why[&(from.to_string(), to.to_string())].clone()
    });
    assert!(
        report.is_empty(),
        "top-level folders that import each other (move the shared item down):\n{report}"
    );
}

#[test]
fn the_import_reader_finds_a_circle() {
    // The check above can fail: a circle written in the reader's input is found.
    let dir = tempfile_dir();
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("lib.rs"), "pub mod a;\npub mod b;\n").unwrap();
    std::fs::write(dir.join("a/mod.rs"), "use crate::b::{Thing, other::X};\n").unwrap();
    std::fs::write(
        dir.join("b.rs"),
        "// crate::a is only a comment here\nfn f() { super::a::g() }\n",
    )
    .unwrap();
    let graph = imports(&dir);
    assert_eq!(graph["a/mod"], BTreeSet::from(["b".to_string()]));
    assert_eq!(graph["b"], BTreeSet::from(["a/mod".to_string()]));
    assert_eq!(
        circles(&graph),
        vec![BTreeSet::from(["a/mod".to_string(), "b".to_string()])]
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("orgbook-layers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}
