//! Text handling for the org map: XML escaping of content strings and
//! ellipsis truncation by an estimated rendered width (SVG text cannot wrap or
//! clip itself, and the build has no font metrics).

/// XML escaping lives with the other text rules.
pub(super) use crate::text::escape_xml as escape;

/// Collapses whitespace (including newlines, which would otherwise be drawn as
/// nothing and glue words together) into single spaces.
pub(super) fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Advance width in thousandths of an em, calibrated on DejaVu Sans (the
/// widest common fallback for `system-ui` on Linux) so text never spills out
/// of its box; narrower fonts just get an ellipsis a few characters early.
fn milli_em(c: char) -> u64 {
    match c {
        '\u{300}'..='\u{36f}' | '\u{200b}'..='\u{200f}' | '\u{fe00}'..='\u{fe0f}' => 0,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 300,
        ' ' | 'I' => 330,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 420,
        'm' => 980,
        'w' => 840,
        'M' | 'W' => 1000,
        'A'..='Z' => 760,
        '0'..='9' => 640,
        'a'..='z' => 630,
        '%' | '@' | '&' => 960,
        c if c.is_ascii() => 640,
        '\u{2190}'..='\u{21ff}' => 860,
        c if is_wide(c) => 1050,
        _ => 700,
    }
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115f
        | 0x2e80..=0xa4cf
        | 0xac00..=0xd7a3
        | 0xf900..=0xfaff
        | 0xfe30..=0xfe4f
        | 0xff00..=0xff60
        | 0xffe0..=0xffe6
        | 0x1f300..=0x1faff
        | 0x20000..=0x3fffd)
}

/// Font description for width estimation.
#[derive(Clone, Copy)]
pub(super) struct Font {
    pub px: u64,
    pub bold: bool,
}

impl Font {
    fn units(self, c: char) -> u64 {
        // DejaVu Sans Bold runs about 10% wider than the regular face.
        milli_em(c) * self.px * if self.bold { 1100 } else { 1000 }
    }

    fn width(self, s: &str) -> u64 {
        s.chars().map(|c| self.units(c)).sum()
    }
}

/// Estimated width in pixels, rounded up.
#[cfg(test)]
pub(super) fn width_px(s: &str, font: Font) -> u64 {
    font.width(s).div_ceil(1_000_000)
}

/// Shortens `s` with a trailing "…" so that its estimated width fits in
/// `budget_px`; returns it unchanged when it already fits.
pub(super) fn truncate(s: &str, font: Font, budget_px: u64) -> String {
    let budget = budget_px * 1_000_000;
    if font.width(s) <= budget {
        return s.to_string();
    }
    let room = budget.saturating_sub(font.units('…'));
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let w = font.units(c);
        if used + w > room {
            break;
        }
        used += w;
        end = i + c.len_utf8();
    }
    let mut out = s[..end].trim_end().to_string();
    out.push('…');
    out
}

/// Like [`truncate`], but for a "Label: value" metric it shortens the label
/// and keeps the value (e.g. "3.1% → 3.5%"), which is the part a reader of
/// the map is after; falls back to plain truncation when even the value
/// leaves no useful room.
pub(super) fn truncate_metric(s: &str, font: Font, budget_px: u64) -> String {
    const MIN_LABEL_PX: u64 = 40;
    if font.width(s) <= budget_px * 1_000_000 {
        return s.to_string();
    }
    if let Some((label, value)) = s.rsplit_once(": ") {
        let suffix = format!(": {value}");
        let suffix_px = font.width(&suffix).div_ceil(1_000_000);
        if !label.is_empty() && suffix_px + MIN_LABEL_PX <= budget_px {
            return truncate(label, font, budget_px - suffix_px) + &suffix;
        }
    }
    truncate(s, font, budget_px)
}
