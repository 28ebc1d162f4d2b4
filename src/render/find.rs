//! The org map's "find a team" index: what `orgbook/orgmap.js` (`findBox`) fetches to
//! turn a typed name into the map page that draws the team.
//!
//! A small organisation gets one file, `orgmap/teams.json`: a JSON array of
//! `[name, map page#om-<slug>, group name]`, one per charter, in map order. Past
//! [`FILE_ENTRIES`] charters that file would grow with the handbook (about 100 bytes a
//! team: 5 MB at 50,000), so the entries are sharded by word prefix instead, and one lookup
//! fetches a bounded set of files:
//!
//! - `orgmap/teams.json` becomes a manifest, `{"keys": [...]}`: the first characters of
//!   the names' words (and `""` when some name has no word at all).
//! - `orgmap/teams/k<hex>.json` (`<hex>`: the key's UTF-8 bytes) holds the charters with a
//!   word starting with the key: the array above when there are at most
//!   [`FILE_ENTRIES`], else `{"top": [...], "more": [...]}`, the [`TOP`] best entries for
//!   the key itself (exact name, then names starting with it, then the rest, each in map
//!   order) and the suffixes that continue it, each with a file of its own: one character,
//!   or several where every entry continues alike (no file per character of a long word).
//!
//! A word is a run of characters other than ASCII punctuation, space and control
//! characters, lowercased (`str::to_lowercase`, JavaScript's `toLowerCase`); keys are
//! whole code points. A name with several words is also indexed under all of them joined
//! by spaces, so a name made only of common words is found by typing it. The client walks
//! from a query word's first character down the `more` lists until it reaches a complete
//! array (or runs out of word: then it shows the top entries), trying the query's words
//! joined first, then its longest word.

use serde_json::Value;
use std::collections::BTreeMap;

/// Most entries in one file of the index (about 100 bytes each).
pub const FILE_ENTRIES: usize = 400;
/// Entries a split file keeps for a query that is exactly its key.
pub const TOP: usize = 20;

/// Where the index starts; the client finds the rest from it.
pub const MANIFEST: &str = "orgmap/teams.json";

/// What a name is indexed under: its words, as the client splits a query (see the module
/// documentation), and, when it has several, the whole name as its words joined by spaces,
/// so that a name made only of common words is still found by typing it.
pub fn words(name: &str) -> Vec<String> {
    let split: Vec<String> = name
        .to_lowercase()
        .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let whole = split.join(" ");
    let mut out = split;
    out.push(whole);
    out.retain(|w| !w.is_empty());
    out.sort();
    out.dedup();
    out
}

/// The file holding key `key`.
pub fn shard_path(key: &str) -> String {
    let mut hex = String::with_capacity(key.len() * 2);
    for b in key.bytes() {
        hex.push_str(&format!("{b:02x}"));
    }
    format!("orgmap/teams/k{hex}.json")
}

fn json(v: &Value) -> Vec<u8> {
    serde_json::to_string(v)
        .unwrap_or_else(|_| "[]".into())
        .into_bytes()
}

/// The index files for `entries` (`[name, url, group]`, in map order): (path, contents).
pub fn files(entries: &[Value]) -> Vec<(String, Vec<u8>)> {
    files_of(entries, FILE_ENTRIES)
}

/// [`files`], with at most `per_file` entries a file.
fn files_of(entries: &[Value], per_file: usize) -> Vec<(String, Vec<u8>)> {
    if entries.len() <= per_file {
        return vec![(MANIFEST.into(), json(&Value::Array(entries.to_vec())))];
    }
    let names: Vec<String> = entries
        .iter()
        .map(|e| e[0].as_str().unwrap_or("").to_lowercase())
        .collect();
    let name_words: Vec<Vec<Vec<char>>> = entries
        .iter()
        .map(|e| {
            words(e[0].as_str().unwrap_or(""))
                .iter()
                .map(|w| w.chars().collect())
                .collect()
        })
        .collect();
    // Work list of (key, entries with a word starting with it), in ascending entry order.
    let mut roots: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, ws) in name_words.iter().enumerate() {
        if ws.is_empty() {
            roots.entry(String::new()).or_default().push(i);
        }
        let mut firsts: Vec<char> = ws.iter().filter_map(|w| w.first().copied()).collect();
        firsts.dedup();
        for c in firsts {
            roots.entry(c.to_string()).or_default().push(i);
        }
    }
    let manifest = serde_json::json!({ "keys": roots.keys().collect::<Vec<_>>() });
    let mut out = vec![(MANIFEST.to_string(), json(&manifest))];
    let mut work: Vec<(String, Vec<usize>)> = roots.into_iter().rev().collect();
    while let Some((key, members)) = work.pop() {
        let pick = |ids: &[usize]| Value::Array(ids.iter().map(|&i| entries[i].clone()).collect());
        if members.len() <= per_file {
            out.push((shard_path(&key), json(&pick(&members))));
            continue;
        }
        let len = key.chars().count();
        // Words of member `i` that continue `prefix` (of `n` characters) by another one.
        let continuing = |i: usize, prefix: &[char], n: usize| -> Vec<char> {
            let mut next: Vec<char> = name_words[i]
                .iter()
                .filter(|w| w.len() > n && w[..n] == *prefix)
                .map(|w| w[n])
                .collect();
            next.sort_unstable();
            next.dedup();
            next
        };
        let mut by_char: BTreeMap<char, Vec<usize>> = BTreeMap::new();
        if !key.is_empty() {
            let prefix: Vec<char> = key.chars().collect();
            for &i in &members {
                for c in continuing(i, &prefix, len) {
                    by_char.entry(c).or_default().push(i);
                }
            }
        }
        // A child too large for one file whose members all continue it by the same
        // character (and none ends there) would be split into just one child: skip to
        // that, so a lookup fetches a file per branching rather than per character.
        let mut kids: Vec<(String, Vec<usize>)> = Vec::new();
        for (c, ids) in by_char {
            let mut child: Vec<char> = key.chars().chain([c]).collect();
            while ids.len() > per_file {
                let n = child.len();
                let mut next: Option<char> = None;
                let mut one = true;
                for &i in &ids {
                    let cont = continuing(i, &child, n);
                    let ends = name_words[i].contains(&child);
                    match (cont.as_slice(), next) {
                        ([c], None) if !ends => next = Some(*c),
                        ([c], Some(d)) if !ends && *c == d => {}
                        _ => {
                            one = false;
                            break;
                        }
                    }
                }
                match next {
                    Some(c) if one => child.push(c),
                    _ => break,
                }
            }
            kids.push((child.into_iter().collect(), ids));
        }
        // The best entries for the key itself, as the client ranks them.
        let mut ranked = members.clone();
        ranked.sort_by_key(|&i| {
            let n = &names[i];
            let rank = if *n == key {
                0
            } else if n.starts_with(&key) {
                1
            } else {
                2
            };
            (rank, i)
        });
        ranked.truncate(TOP);
        let more: Vec<String> = kids
            .iter()
            .map(|(k, _)| k.chars().skip(len).collect())
            .collect();
        let split = serde_json::json!({ "top": pick(&ranked), "more": more });
        out.push((shard_path(&key), json(&split)));
        work.extend(kids.into_iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_on_ascii_punctuation_only() {
        assert_eq!(
            words("Data-Platform (EU) & Ops"),
            ["data", "data platform eu ops", "eu", "ops", "platform"]
        );
        assert_eq!(words("Équipe"), ["équipe"]);
        assert_eq!(
            words("Équipe Ünïcode"),
            ["équipe", "équipe ünïcode", "ünïcode"]
        );
        assert!(words("!!!").is_empty());
        assert_eq!(shard_path("ab"), "orgmap/teams/k6162.json");
        assert_eq!(shard_path(""), "orgmap/teams/k.json");
    }

    /// The entries `findBox` (orgbook/orgmap.js) matches `q` against, from `files`.
    fn lookup(files: &[(String, Vec<u8>)], q: &str) -> Vec<Value> {
        let get = |p: &str| -> Option<Value> {
            let (_, b) = files.iter().find(|(f, _)| f == p)?;
            Some(serde_json::from_slice(b).unwrap())
        };
        let manifest = get(MANIFEST).unwrap();
        let split: Vec<String> = q
            .to_lowercase()
            .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect();
        let whole = (split.len() > 1).then(|| split.join(" "));
        let mut ws = split;
        ws.extend(whole.clone());
        ws.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        let mut partial = None;
        'words: for w in ws {
            let first = w.chars().next().unwrap().to_string();
            let joined = Some(&w) == whole.as_ref();
            if !manifest["keys"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| *k == first)
            {
                if joined {
                    continue;
                }
                return Vec::new();
            }
            let mut key = first;
            loop {
                let f = get(&shard_path(&key)).unwrap();
                if let Some(list) = f.as_array() {
                    return list.clone();
                }
                let rest: String = w.chars().skip(key.chars().count()).collect();
                if rest.is_empty() {
                    partial.get_or_insert(f["top"].as_array().unwrap().clone());
                    continue 'words;
                }
                let next = f["more"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|s| s.as_str())
                    .find(|s| rest.starts_with(s) || s.starts_with(&rest));
                match next {
                    Some(s) => key.push_str(s),
                    None if joined => continue 'words,
                    None => return Vec::new(),
                }
            }
        }
        partial.unwrap_or_default()
    }

    #[test]
    fn a_name_of_only_common_words_is_found_by_typing_it() {
        // Every word is in more names than a file holds; the names are distinct.
        let vocab = ["data", "growth", "group", "core", "infra"];
        let mut entries = Vec::new();
        for a in vocab {
            for b in vocab {
                for c in vocab {
                    if a != b && b != c && a != c {
                        entries.push(serde_json::json!([
                            format!("{a} {b} {c}"),
                            format!("orgmap.html#om-{a}-{b}-{c}"),
                            ""
                        ]));
                    }
                }
            }
        }
        let f = files_of(&entries, 5);
        for e in &entries {
            let name = e[0].as_str().unwrap();
            assert!(lookup(&f, name).contains(e), "{name}");
        }
        for (_, bytes) in &f {
            let v: Value = serde_json::from_slice(bytes).unwrap();
            let n = v
                .as_array()
                .or_else(|| v.get("top").and_then(Value::as_array))
                .map_or(0, Vec::len);
            assert!(n <= TOP.max(5), "{n}");
        }
    }

    #[test]
    fn a_small_index_is_one_array_and_a_large_one_is_bounded_shards() {
        let entry = |n: String| serde_json::json!([n, "orgmap.html#om-x", "G"]);
        let small: Vec<Value> = (0..3).map(|i| entry(format!("T{i}"))).collect();
        let f = files(&small);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].1, serde_json::to_vec(&small).unwrap());

        let big: Vec<Value> = (0..3000)
            .map(|i| entry(format!("Team {i}")))
            .chain([entry("Team".into()), entry("#1".into())])
            .collect();
        let f = files(&big);
        for (path, bytes) in &f {
            let v: Value = serde_json::from_slice(bytes).unwrap();
            let n = match &v {
                Value::Array(a) => a.len(),
                Value::Object(o) if path != MANIFEST => o["top"].as_array().unwrap().len(),
                Value::Object(_) => 0,
                _ => unreachable!(),
            };
            assert!(n <= FILE_ENTRIES, "{path}: {n}");
        }
        let get = |p: &str| -> Value {
            serde_json::from_slice(&f.iter().find(|(q, _)| q == p).unwrap().1).unwrap()
        };
        // "team" is in every name: its file is split and its top entry is the exact name.
        let t = get(&shard_path("team"));
        assert_eq!(t["top"][0][0], "Team");
        let keys = get(MANIFEST)["keys"].clone();
        assert!(keys.as_array().unwrap().iter().all(|k| k != ""), "{keys}");
        assert!(keys.as_array().unwrap().iter().any(|k| k == "t"), "{keys}");
        // "2999" is reached by its digits.
        let leaf = get(&shard_path("29"));
        assert!(leaf.as_array().unwrap().iter().any(|e| e[0] == "Team 2999"));
    }
}
