//! Files that are not UTF-8: text an old editor saved in a legacy encoding (Windows-1252
//! in Western Europe, Shift_JIS, GBK, Windows-1251…). The build refuses such a page, naming
//! the encoding it looks like and the command that converts it; the importers read such a
//! document in that encoding, with a note, so "dépôts" stays readable instead of becoming
//! "d�p�ts". The guess is Firefox's (chardetng, on encoding_rs): telling Windows-1252 from
//! Windows-1250 or Shift_JIS from byte statistics is a job for a tested detector, not for a
//! table written here.
//!
//! The files read beside the pages (`mkdocs.yml`, `CODEOWNERS`, `_category_` and `.order`
//! files, included snippets) are read in the encoding they look like, with an
//! `invalid-utf8` warning ([`read_beside`]): a list of paths, a label or a code sample read
//! so is right far more often than not, and the build goes on.

use crate::diagnostic::{Code, Diagnostic};
use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use std::path::Path;

/// How text that was not valid UTF-8 was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// UTF-8 with a few broken sequences (a truncated character, a stray byte): they were
    /// replaced by U+FFFD.
    BrokenUtf8,
    /// A legacy encoding, by its WHATWG name (`windows-1252`, `Shift_JIS`).
    Legacy(&'static str),
}

impl Reading {
    /// For a note: how the file was read, and what to check.
    pub fn describe(self) -> String {
        match self {
            Reading::BrokenUtf8 => {
                "not UTF-8; the bytes that are not were replaced by U+FFFD".to_string()
            }
            Reading::Legacy(name) => format!(
                "not UTF-8; read as {name}, the encoding it looks like (check its accented letters)"
            ),
        }
    }
}

/// `bytes`, which are not valid UTF-8, as text. A file whose other non-ASCII text is valid
/// UTF-8 is UTF-8 with a few broken bytes (replaced by U+FFFD); any other is decoded in the
/// legacy encoding it most likely uses, which reads every byte.
pub fn decode(bytes: &[u8]) -> (String, Reading) {
    if is_broken_utf8(bytes) {
        return (
            String::from_utf8_lossy(bytes).into_owned(),
            Reading::BrokenUtf8,
        );
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), Reading::Legacy(encoding.name()))
}

/// Where byte `at` of `bytes` (a character boundary of the valid UTF-8 before it) is in the
/// text [`decode`] made of them.
pub fn decoded_offset(bytes: &[u8], at: usize, reading: Reading) -> usize {
    let at = at.min(bytes.len());
    match reading {
        // The bytes before the first bad one are valid UTF-8, kept as they are.
        Reading::BrokenUtf8 => at,
        Reading::Legacy(name) => encoding_rs::Encoding::for_label(name.as_bytes())
            .map_or(at, |encoding| {
                encoding.decode_without_bom_handling(&bytes[..at]).0.len()
            }),
    }
}

/// Most of the non-ASCII text is valid UTF-8: the file is UTF-8 with damage (a stray byte,
/// a truncated character), not another encoding. In a legacy encoding, bytes that happen
/// to form a valid UTF-8 character are the exception (none in Windows-1252 prose, a few in
/// Shift_JIS), and the invalid ones the rule.
fn is_broken_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > invalid
}

/// Reads `path` as text: UTF-8, or else as [`decode`] reads it (with how).
pub fn read_text(path: &Path) -> std::io::Result<(String, Option<Reading>)> {
    let bytes = std::fs::read(path)?;
    Ok(match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let (text, reading) = decode(e.as_bytes());
            (text, Some(reading))
        }
    })
}

/// How to make `file` (a path from the handbook folder) UTF-8: the help of `invalid-utf8`.
pub fn convert_help(file: &str, reading: Reading) -> String {
    match reading {
        Reading::Legacy(name) => {
            let base = file.rsplit('/').next().unwrap_or(file);
            format!(
                "it looks like {name} (an older editor's encoding): save it as UTF-8, in your editor or with `iconv -f {name} -t UTF-8 {file} > {base}.utf8 && mv {base}.utf8 {file}`"
            )
        }
        Reading::BrokenUtf8 => "the rest of the file is UTF-8, but the character here is broken (a stray byte, or a character cut in two): type it again and save the file as UTF-8".to_string(),
    }
}

/// `invalid-utf8` for `file`, whose `bytes` are valid UTF-8 up to `first_bad`: at that
/// byte, on its line as the encoding the file looks like reads it (so the caret is under
/// "é", not "�"), with [`convert_help`]. An error; [`read_beside`] makes it a warning.
pub fn not_utf8(file: &str, bytes: &[u8], first_bad: usize) -> Diagnostic {
    let (text, reading) = decode(bytes);
    at_first_bad(file, bytes, first_bad, &text, reading)
}

/// [`not_utf8`] for `bytes` already decoded (`text`, as `reading` says).
fn at_first_bad(
    file: &str,
    bytes: &[u8],
    first_bad: usize,
    text: &str,
    reading: Reading,
) -> Diagnostic {
    let at = decoded_offset(bytes, first_bad, reading);
    let width = text[at.min(text.len())..]
        .chars()
        .next()
        .map_or(1, char::len_utf8);
    Diagnostic::error(Code::InvalidUtf8, file, "file is not valid UTF-8")
        .with_help(convert_help(file, reading))
        .at(text, at..at + width)
}

/// Reads `path`, a file orgbook reads beside the pages (`file`: its path as shown), as
/// text ([`beside_text`]).
pub fn read_beside(
    path: &Path,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> std::io::Result<String> {
    Ok(beside_text(std::fs::read(path)?, file, diags))
}

/// The text of `bytes`, read from `file` beside the pages: UTF-8, or else as [`decode`]
/// reads it, with an `invalid-utf8` warning that says how it was read and how to convert
/// it.
pub fn beside_text(bytes: Vec<u8>, file: &str, diags: &mut Vec<Diagnostic>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let bytes = e.as_bytes();
            let (text, reading) = decode(bytes);
            let mut d = at_first_bad(file, bytes, e.utf8_error().valid_up_to(), &text, reading);
            d.severity = crate::diagnostic::Severity::Warning;
            d.message = format!("file is {}", reading.describe());
            diags.push(d);
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_read_as_windows_1252() {
        // "Les dépôts du café – à réviser" as an old Windows editor saves it.
        let bytes = b"Les d\xe9p\xf4ts du caf\xe9 \x96 \xe0 r\xe9viser, \xe9t\xe9 comme hiver.\n";
        let (text, reading) = decode(bytes);
        assert_eq!(text, "Les dépôts du café – à réviser, été comme hiver.\n");
        assert_eq!(reading, Reading::Legacy("windows-1252"));
    }

    #[test]
    fn shift_jis_is_read_as_shift_jis() {
        let (bytes, _, _) =
            encoding_rs::SHIFT_JIS.encode("決済チームの憲章です。支払いを担当します。");
        let (text, reading) = decode(&bytes);
        assert_eq!(text, "決済チームの憲章です。支払いを担当します。");
        assert_eq!(reading, Reading::Legacy("Shift_JIS"));
    }

    #[test]
    fn utf8_with_a_broken_byte_stays_utf8() {
        // One stray byte in a UTF-8 file must not turn its "é" into "Ã©".
        let bytes = "Équipe café \u{2014} ok "
            .bytes()
            .chain([0xff])
            .collect::<Vec<_>>();
        let (text, reading) = decode(&bytes);
        assert_eq!(text, "Équipe café \u{2014} ok \u{fffd}");
        assert_eq!(reading, Reading::BrokenUtf8);
    }
}
