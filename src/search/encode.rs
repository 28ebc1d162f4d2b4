//! Compact text encodings for postings, and the wrapper that makes each
//! index file a small script that registers itself.
//!
//! Postings are stored as plain ASCII inside JSON strings, not as binary.
//! Browsers block `fetch` of binary files on `file://`, but they do load
//! `<script src>`. The alphabet needs no escaping in JSON. Decoding it in the
//! client takes a few lines.

use std::cmp::Ordering;

/// The base64url alphabet. Every character is safe unescaped in a JSON
/// string and in HTML.
pub(crate) const ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Writes `v` as a varint, least significant group first, 5 bits per
/// character. Characters from the upper half of the alphabet mean "more
/// follows". Doc-id gaps in common terms are mostly under 32, so they take
/// a single character.
pub(crate) fn push_varint(out: &mut String, mut v: u32) {
    loop {
        let low = (v & 31) as usize;
        v >>= 5;
        if v == 0 {
            out.push(ALPHABET[low] as char);
            return;
        }
        out.push(ALPHABET[32 + low] as char);
    }
}

/// How many characters [`push_varint`] writes for `v`.
pub(crate) fn varint_len(v: u32) -> usize {
    // One character per 5 bits, and at least one.
    (32 - v.leading_zeros()).div_ceil(5).max(1) as usize
}

/// Writes one 6-bit value (0..=63) as a single character.
pub(crate) fn push_digit(out: &mut String, v: u8) {
    out.push(ALPHABET[usize::from(v & 63)] as char);
}

/// Encodes `(doc, impact)` pairs, which must be sorted by doc id with no
/// duplicates. Each pair becomes `varint(doc - prev - 1)` followed by one
/// impact character, starting from `prev = -1`.
pub(crate) fn encode_postings(postings: &[(u32, u8)]) -> String {
    let mut out = Vec::with_capacity(postings.len() * 2);
    let mut next = 0u32;
    for &(doc, impact) in postings {
        debug_assert!(doc >= next, "postings must be sorted and unique");
        let mut gap = doc - next;
        while gap >= 32 {
            out.push(ALPHABET[32 + (gap & 31) as usize]);
            gap >>= 5;
        }
        out.push(ALPHABET[gap as usize]);
        out.push(ALPHABET[usize::from(impact & 63)]);
        next = doc + 1;
    }
    String::from_utf8(out).expect("the alphabet is ASCII")
}

/// Wraps a JSON value as `orgbookSearchLoad("key",value);`.
///
/// The output must stay inert wherever it ends up, so `<`, `>` and `&` are
/// escaped. That stops `</script>` or `<!--` in content from closing or
/// commenting out a script block if the file is ever inlined. U+2028 and
/// U+2029 are escaped too, because engines older than ES2019 treat them as
/// line breaks inside string literals. None of these characters can appear
/// in JSON outside a string, so escaping them everywhere is safe.
pub(crate) fn js_file(key: &str, value: &serde_json::Value) -> Vec<u8> {
    let json = serde_json::to_string(value).expect("JSON values always serialise");
    let mut out = String::with_capacity(json.len() + key.len() + 32);
    out.push_str("orgbookSearchLoad(\"");
    out.push_str(key);
    out.push_str("\",");
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out.push_str(");\n");
    out.into_bytes()
}

/// Bytes that [`push_json_str`] may have to escape: control characters,
/// `"`, `\\`, `<`, `>`, `&`, and the last bytes of U+2028 and U+2029.
static MAY_ESCAPE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(
            b as u8,
            0..=0x1f | b'"' | b'\\' | b'<' | b'>' | b'&' | 0xa8 | 0xa9
        );
        b += 1;
    }
    table
};

/// Appends `s` as a JSON string exactly as `serde_json` writes it, with the
/// escapes of [`js_file`] already applied. Returns how many bytes those
/// escapes added, so that callers can still tell the plain JSON size.
pub(crate) fn push_json_str(out: &mut String, s: &str) -> usize {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut extra = 0;
    out.push('"');
    let mut plain = 0;
    // Most strings need no escape at all: find the first byte that may.
    let Some(first) = s.bytes().position(|b| MAY_ESCAPE[usize::from(b)]) else {
        out.push_str(s);
        out.push('"');
        return 0;
    };
    for (i, b) in s.bytes().enumerate().skip(first) {
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            0xa8 | 0xa9 if s.as_bytes()[..i].ends_with(&[0xe2, 0x80]) => {
                if b == 0xa8 {
                    "\\u2028"
                } else {
                    "\\u2029"
                }
            }
            _ => continue,
        };
        let start = if matches!(b, 0xa8 | 0xa9) { i - 2 } else { i };
        out.push_str(&s[plain..start]);
        plain = i + 1;
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        } else {
            out.push_str(escape);
            extra += match b {
                b'<' | b'>' | b'&' => 5,
                0xa8 | 0xa9 => 3,
                _ => 0,
            };
        }
    }
    out.push_str(&s[plain..]);
    out.push('"');
    extra
}

/// Wraps JSON text already escaped by [`push_json_str`] as
/// `orgbookSearchLoad("key",json);`, like [`js_file`].
pub(crate) fn js_file_raw(key: &str, json: &str) -> Vec<u8> {
    let mut out = String::with_capacity(json.len() + key.len() + 24);
    out.push_str("orgbookSearchLoad(\"");
    out.push_str(key);
    out.push_str("\",");
    out.push_str(json);
    out.push_str(");\n");
    out.into_bytes()
}

/// Orders strings as JavaScript compares them, by UTF-16 code units: the client
/// binary-searches what the build sorts, so both must agree.
pub(crate) fn cmp_utf16(a: &str, b: &str) -> Ordering {
    // UTF-8 bytes sort like code points. UTF-16 differs only where a code
    // point above U+FFFF (a surrogate pair, 0xD800–0xDFFF) meets one in
    // U+E000–U+FFFF, so only the first differing character needs a look.
    let Some(i) = a.bytes().zip(b.bytes()).position(|(x, y)| x != y) else {
        return a.len().cmp(&b.len());
    };
    // The bytes before `i` are equal, so both strings have a character
    // boundary at the same place before it.
    let start = (0..=i).rev().find(|&j| a.is_char_boundary(j)).unwrap_or(0);
    let first = |s: &str| s[start..].chars().next().map_or(0, utf16_rank);
    first(a).cmp(&first(b))
}

/// A number that orders characters the way their UTF-16 units do.
fn utf16_rank(c: char) -> u32 {
    match c as u32 {
        c @ 0x10000.. => 0xD800 + (c - 0x10000),
        c @ 0xE000..=0xFFFF => c + 0x10_0000,
        c => c,
    }
}

#[cfg(test)]
pub(crate) fn decode_postings(s: &str) -> Vec<(u32, u8)> {
    let idx = |c: u8| ALPHABET.iter().position(|&a| a == c).unwrap() as u32;
    let bytes = s.as_bytes();
    let (mut i, mut next, mut out) = (0, 0u32, Vec::new());
    while i < bytes.len() {
        let (mut v, mut shift) = (0u32, 0);
        loop {
            let d = idx(bytes[i]);
            i += 1;
            v |= (d & 31) << shift;
            shift += 5;
            if d < 32 {
                break;
            }
        }
        let doc = next + v;
        out.push((doc, idx(bytes[i]) as u8));
        i += 1;
        next = doc + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varint_sizes() {
        let len = |v| {
            let mut s = String::new();
            push_varint(&mut s, v);
            s.len()
        };
        assert_eq!(len(0), 1);
        assert_eq!(len(31), 1);
        assert_eq!(len(32), 2);
        assert_eq!(len(1023), 2);
        assert_eq!(len(1024), 3);
    }

    #[test]
    fn varint_len_matches() {
        for v in [0, 1, 31, 32, 1023, 1024, 32767, 32768, 1 << 20, u32::MAX] {
            let mut s = String::new();
            push_varint(&mut s, v);
            assert_eq!(varint_len(v), s.len(), "{v}");
        }
    }

    #[test]
    fn json_strings_match_serde_and_js_file() {
        let mut tricky: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(|c| format!("a{c}b"))
            .collect();
        tricky.extend(
            [
                "",
                "\u{2028}",
                "x\u{2029}y",
                "\u{2027}\u{202a}",
                "é\u{e2}\u{80}",
                "</script>",
                "a&b",
                "\"\\",
                "支付\u{1f600}",
                "\u{7f}\u{80}\u{a8}\u{a9}",
            ]
            .map(String::from),
        );
        for s in tricky {
            let mut out = String::new();
            let extra = push_json_str(&mut out, &s);
            let want = js_file("k", &serde_json::json!(s));
            assert_eq!(js_file_raw("k", &out), want, "{s:?}");
            let plain = serde_json::to_string(&s).unwrap();
            assert_eq!(out.len() - extra, plain.len(), "{s:?}");
        }
    }

    #[test]
    fn postings_round_trip() {
        let postings = vec![(0, 63), (1, 0), (40, 7), (100_000, 12), (100_001, 1)];
        let enc = encode_postings(&postings);
        assert!(enc.bytes().all(|b| ALPHABET.contains(&b)));
        assert_eq!(decode_postings(&enc), postings);
    }

    #[test]
    fn js_files_cannot_break_out() {
        let v = serde_json::json!([
            "</script><script>alert(1)</script>",
            "a\u{2028}b\u{2029}",
            "<!--",
            "\"&"
        ]);
        let out = String::from_utf8(js_file("m0", &v)).unwrap();
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        assert!(!out.contains('\u{2028}') && !out.contains('\u{2029}'));
        assert!(out.starts_with("orgbookSearchLoad(\"m0\",[\"\\u003c/script"));
        // Still valid JSON once unwrapped, so the same content comes back.
        let inner = &out["orgbookSearchLoad(\"m0\",".len()..out.len() - 3];
        let back: serde_json::Value = serde_json::from_str(inner).unwrap();
        assert_eq!(back, v);
    }
}
