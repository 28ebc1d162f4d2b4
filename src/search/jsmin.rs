//! Strips comments and indentation from the search client
//! (`themes/default/static/orgbook/search.js`) before `build.rs` embeds it.
//!
//! Every page that searches downloads the client first, and its comments
//! (which say why the code is as it is, and must stay) are a third of it.
//! This is not a minifier: names, statements and line breaks stay as they
//! are, so the code means exactly what it meant. It only drops comments,
//! turns each run of blanks into one space (none where no word would run
//! into another) and each run that holds a line break into one line break,
//! which keeps automatic semicolon insertion unchanged. It knows strings,
//! template literals and regular expression literals well enough not to
//! touch what is inside them. Hand-written because the maintained JavaScript
//! minifiers for Rust bring a whole compiler into the build, and the tests
//! run the client's Node test suite on this file's output.
//!
//! Shared by `build.rs` (through `#[path]`) and the crate's unit tests, so
//! it uses nothing outside `std`.

/// `src` without comments and indentation; see the module comment.
pub fn strip(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    // What blanks were skipped since the last character written: 0 none,
    // 1 a space, 2 a line break.
    let mut gap = 0u8;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            gap = gap.max(if is_line_break(c) { 2 } else { 1 });
            i += 1;
            continue;
        }
        if c == '/' && next == Some('/') {
            while i < chars.len() && !is_line_break(chars[i]) {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut j = i + 2;
            while j + 1 < chars.len() && !(chars[j] == '*' && chars[j + 1] == '/') {
                if is_line_break(chars[j]) {
                    gap = 2;
                }
                j += 1;
            }
            gap = gap.max(1);
            i = (j + 2).min(chars.len());
            continue;
        }
        let last = out.chars().next_back();
        if gap == 2 && last.is_some() {
            out.push('\n');
        } else if gap == 1 && last.is_some_and(|l| needs_space(l, c)) {
            out.push(' ');
        }
        gap = 0;
        let end = match c {
            '\'' | '"' | '`' => literal_end(&chars, i, c, None),
            '/' if regex_allowed(&out) => {
                let close = literal_end(&chars, i, '/', Some(('[', ']')));
                let mut k = close;
                while k < chars.len() && chars[k].is_ascii_alphabetic() {
                    k += 1;
                }
                k
            }
            _ => i + 1,
        };
        out.extend(&chars[i..end]);
        i = end;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$' || !c.is_ascii() && !c.is_whitespace()
}

/// Whether dropping the blank between `a` and `b` would change the tokens:
/// two words would join, `+ +` would become `++`, `/ /` a comment.
fn needs_space(a: char, b: char) -> bool {
    (is_word(a) && is_word(b))
        || (a == '+' && b == '+')
        || (a == '-' && b == '-')
        || (a == '/' && matches!(b, '/' | '*'))
        || (a == '.' && b.is_ascii_digit())
}

/// One past the closing `quote` of the literal opening at `start`, skipping
/// backslash escapes and, for a regular expression, character classes
/// (where `/` needs no escape).
fn literal_end(chars: &[char], start: usize, quote: char, class: Option<(char, char)>) -> usize {
    let mut i = start + 1;
    let mut in_class = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' {
            i += 2;
            continue;
        }
        match class {
            Some((open, _)) if c == open => in_class = true,
            Some((_, close)) if c == close => in_class = false,
            _ => {}
        }
        if c == quote && !in_class {
            return i + 1;
        }
        i += 1;
    }
    chars.len()
}

/// Whether a `/` after `out` starts a regular expression rather than a
/// division: after an operator, an opening bracket, a comma or semicolon,
/// or a keyword such as `return`; not after a value.
fn regex_allowed(out: &str) -> bool {
    let trimmed = out.trim_end();
    let Some(last) = trimmed.chars().next_back() else {
        return true;
    };
    if is_word(last) {
        let start = trimmed
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_word(*c))
            .last()
            .map_or(0, |(i, _)| i);
        return matches!(
            &trimmed[start..],
            "return"
                | "typeof"
                | "case"
                | "do"
                | "else"
                | "in"
                | "of"
                | "new"
                | "delete"
                | "void"
                | "throw"
                | "instanceof"
        );
    }
    !matches!(last, ')' | ']' | '}' | '"' | '\'' | '`')
}

#[cfg(test)]
mod tests {
    use super::strip;

    #[test]
    fn drops_comments_and_indentation_only() {
        let src = "/* head\n * more */\n(function () {\n  'use strict';\n  // why\n  var a = 1, b = a / 2 / 3; // note\n  return a\n    + b;\n})();\n";
        assert_eq!(
            strip(src),
            "(function(){\n'use strict';\nvar a=1,b=a/2/3;\nreturn a\n+b;\n})();\n"
        );
    }

    #[test]
    fn leaves_strings_templates_and_regexes_alone() {
        let src = "var s = 'a // b /* c */', t = \"it's // x\", u = `// ${v} /*`;\nvar r = /\\/\\/[/*]+/g, q = x.replace(/['\\u2019]/gu, ''); // gone\nif (/^a$/.test(w)) return /b/;\n";
        assert_eq!(
            strip(src),
            "var s='a // b /* c */',t=\"it's // x\",u=`// ${v} /*`;\nvar r=/\\/\\/[/*]+/g,q=x.replace(/['\\u2019]/gu,'');\nif(/^a$/.test(w))return/b/;\n"
        );
    }

    #[test]
    fn keeps_blanks_that_separate_tokens() {
        assert_eq!(strip("a + +b; c - -d; e / /f/.g"), "a+ +b;c- -d;e/ /f/.g\n");
        assert_eq!(strip("typeof  x === 'y'"), "typeof x==='y'\n");
        assert_eq!(strip("a = b\n\n\n/* x\n*/ c()"), "a=b\nc()\n");
    }
}
