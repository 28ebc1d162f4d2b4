//! Reading a generator's configuration as text: the files a configuration pattern stands
//! for (`*/conf.py`), and the first plain value of a key in YAML, TOML, JSON or JavaScript,
//! line by line, without a parser for any of them (the module doc of `existing_site` says
//! why).

use std::path::Path;

/// The paths a configuration pattern stands for in `dir`, `*` expanded to each folder in
/// name order (so the same checkout always finds the same file).
pub(super) fn config_paths(dir: &Path, pattern: &str) -> Vec<String> {
    let Some((before, after)) = pattern
        .strip_prefix("*/")
        .map(|after| ("", after))
        .or_else(|| pattern.split_once("/*/"))
    else {
        return vec![pattern.to_string()];
    };
    let Ok(entries) = std::fs::read_dir(dir.join(before)) else {
        return Vec::new();
    };
    let mut folders: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !crate::text::walk::is_ignored(name))
        .collect();
    folders.sort();
    folders
        .into_iter()
        .map(|f| match before {
            "" => format!("{f}/{after}"),
            _ => format!("{before}/{f}/{after}"),
        })
        .collect()
}

/// The first plain value of `key` in a YAML, TOML or JavaScript configuration: a line
/// `key: value`, `key = "value"` or `key: 'value',`, without the comment that may follow it
/// (`title: Acme # the name of your site`), or YAML's folded block (`title: >-` and the
/// indented lines under it). Values that are expressions (`!ENV …`, `process.env…`,
/// `${…}`, `"a" + b`) are not plain.
pub(crate) fn value_of(text: &str, key: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    lines.iter().enumerate().find_map(|(i, line)| {
        let depth = line.len() - line.trim_start().len();
        let line = line.trim_start();
        // `title: x`, `title = "x"`, and JSON's `"title": "x"` (book.json).
        let rest = line
            .strip_prefix(key)
            .or_else(|| line.strip_prefix('"')?.strip_prefix(key)?.strip_prefix('"'))?
            .trim_start();
        let rest = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('='))?
            .trim();
        let value = if let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            let (value, after) = quoted(&rest[1..], quote)?;
            let after = after.trim_start();
            let ends =
                after.is_empty() || after.starts_with(['#', ',', ';']) || after.starts_with("//");
            ends.then_some(value)?
        } else if matches!(rest, ">" | ">-" | ">+" | "|" | "|-" | "|+") {
            // A block scalar: the lines indented under the key, joined as YAML folds them.
            let block: Vec<&str> = lines[i + 1..]
                .iter()
                .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() > depth)
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect();
            block.join(" ")
        } else {
            // YAML and TOML comments start at a `#` after a space; JavaScript ends with `,`.
            let value = rest
                .find(" #")
                .or_else(|| rest.find("\t#"))
                .map_or(rest, |at| &rest[..at])
                .trim_end();
            value.strip_suffix(',').unwrap_or(value).trim().to_owned()
        };
        let plain = !value.is_empty()
            && !value.starts_with(['!', '[', '{', '&', '*'])
            && !value.contains("${")
            && !value.contains("process.env");
        plain.then_some(value)
    })
}

/// The text of a quoted value whose opening `quote` came just before `rest`, with its
/// escapes read (`\"` in double quotes, `''` in YAML's single quotes), and what follows
/// the closing quote; `None` when it does not close on the line.
fn quoted(rest: &str, quote: char) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = rest.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => value.push(chars.next()?.1),
            c if c == quote => {
                if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                    value.push('\'');
                } else {
                    return Some((value, &rest[at + 1..]));
                }
            }
            c => value.push(c),
        }
    }
    None
}
