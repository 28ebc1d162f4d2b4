//! ERB (Middleman) tags and blocks: where each opens and closes, and a title heading written as
//! an ERB expression.

use super::*;

/// One ERB tag (`<%= x %>`, `<% x %>`, `<%# x %>`, `<%- x -%>`).
pub(super) struct ErbTag<'b> {
    /// From `<%` to `%>`.
    pub(super) range: Range<usize>,
    /// The Ruby inside, without the tag's markers.
    pub(super) code: &'b str,
    pub(super) comment: bool,
    /// `<%=`: its value is written into the page.
    pub(super) output: bool,
}

/// The ERB tag starting at `at` (at a `<%`), closed on its line. `<%%` is ERB's escape for
/// a literal `<%`, not a tag; a `<%` with no `%>` after it on its line is text (`<%5`).
pub(super) fn erb_tag(body: &str, at: usize) -> Option<ErbTag<'_>> {
    let rest = body.get(at..)?;
    let after = rest.strip_prefix("<%")?;
    // `<%%` is not a tag, nor is `<%` before other text (`<%5`): ERB's own tags start
    // `<%=`, `<%-`, `<%#` or `<%` and a space.
    if !after.starts_with(['=', '-', '#', ' ', '\t']) {
        return None;
    }
    let line = &after[..after.find('\n').unwrap_or(after.len())];
    let close = line.find("%>").filter(|&c| c <= MAX_TAG)?;
    let inner = &after[..close];
    let comment = inner.starts_with('#');
    let output = inner.starts_with('=');
    let code = inner
        .trim_start_matches(['=', '-', '#'])
        .trim_end_matches(['-', '='])
        .trim();
    Some(ErbTag {
        range: at..at + 2 + close + 2,
        code,
        comment,
        output,
    })
}

/// Whether the Ruby of a tag opens a block its `<% end %>` closes: `x.each do |r|`,
/// `content_for :sidebar do`, `if x`, `unless x`, `case x` and the other keywords that
/// take an `end` (a trailing `if`, `x = 1 if y`, does not).
pub(super) fn erb_opens(code: &str) -> bool {
    let first = code
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .next();
    if matches!(
        first,
        Some("if" | "unless" | "case" | "while" | "until" | "for" | "begin")
    ) {
        return true;
    }
    // `do` last, or `do |resource|`.
    let without_params = match code.strip_suffix('|').and_then(|c| c.rfind("do |")) {
        Some(at) => &code[..at + 2],
        None => code,
    };
    without_params == "do" || without_params.ends_with(" do") || without_params.ends_with(")do")
}

/// Whether the Ruby of a tag closes a block (`end`, `end.join`, `end -`).
pub(super) fn erb_closes(code: &str) -> bool {
    code.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .next()
        .is_some_and(|w| w == "end")
}

/// Every ERB block of `body` outside code: where its opening tag starts → its closing
/// tag (`<% end %>`), blocks inside it paired first. One pass for the whole body, so a
/// file of unclosed blocks costs no scan to its end for each. An `end` with no block
/// open, or a block never closed, pairs with nothing.
pub(super) fn erb_blocks(
    body: &str,
    in_code: impl Fn(usize) -> bool,
) -> HashMap<usize, Range<usize>> {
    let mut blocks = HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(k) = body.get(at..).and_then(|r| r.find("<%")) {
        let k = at + k;
        let Some(tag) = erb_tag(body, k).filter(|t| !t.comment && !in_code(k)) else {
            at = k + 2;
            continue;
        };
        at = tag.range.end;
        if erb_closes(tag.code) {
            if let Some(start) = open.pop() {
                blocks.insert(start, tag.range);
            }
        } else if erb_opens(tag.code) {
            open.push(k);
        }
    }
    blocks
}

/// The line of a heading that is only the page's title as Middleman writes it,
/// `# <%= current_page.data.title %>` (the tech docs template's first line of every page),
/// without its line break.
pub(super) fn erb_title_heading(body: &str, tag: &ErbTag) -> Option<Range<usize>> {
    let title = matches!(
        tag.code,
        "current_page.data.title"
            | "current_page.data[:title]"
            | "current_page.data['title']"
            | "current_page.data[\"title\"]"
    );
    if !(tag.output && title) {
        return None;
    }
    let start = body[..tag.range.start].rfind('\n').map_or(0, |n| n + 1);
    let prefix = body[start..tag.range.start].trim_start_matches(' ');
    let hashes = prefix.len() - prefix.trim_start_matches('#').len();
    let heading =
        (1..=6).contains(&hashes) && prefix[hashes..].trim().is_empty() && prefix.len() > hashes;
    let end = body[tag.range.end..]
        .find('\n')
        .map_or(body.len(), |n| tag.range.end + n);
    let after = body[tag.range.end..end].trim_end_matches('\r');
    (heading && after.trim().trim_end_matches('#').trim().is_empty()).then_some(start..end)
}
