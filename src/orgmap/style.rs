//! The org map's stylesheet, one file in the site that every page with a map
//! links ([`super::STYLESHEET_PATH`]). Colours are by top-level
//! group through `om-g0`..`om-g7` classes; each has a light and a
//! `prefers-color-scheme: dark` variant. Box fills are pale (light) or deep
//! (dark) tints so body text keeps well over 7:1 contrast, and the saturated
//! colour is only used for borders and the side band, at 3:1 or more against
//! the page background.

/// Border/band colours (light mode, dark mode): an Okabe–Ito-derived set,
/// darkened or lightened so hues stay distinct for common colour-vision
/// deficiencies while meeting non-text contrast on white and on near-black.
pub(super) const PALETTE: [(&str, &str); 8] = [
    ("#0072b2", "#56b4e9"),
    ("#c44e00", "#ff8a50"),
    ("#00805f", "#3ccb9b"),
    ("#a8437f", "#e58cc0"),
    ("#a86400", "#f0b03c"),
    ("#6a4fa3", "#b49cf0"),
    ("#6f7300", "#c9cf4a"),
    ("#5e6470", "#a6adb8"),
];

const NEUTRAL: (&str, &str) = ("#5e6470", "#a6adb8");
const LIGHT_BG: u32 = 0xffffff;
const DARK_BG: u32 = 0x161a1f;
/// Share of the border colour in a box fill, in thousandths.
const LIGHT_TINT: u32 = 100;
const DARK_TINT: u32 = 170;

fn parse(hex: &str) -> u32 {
    u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0)
}

/// `a` blended towards `b`, `keep` thousandths of `a` retained.
fn mix(a: u32, b: u32, keep: u32) -> String {
    let ch = |v: u32, s: u32| (v >> s) & 0xff;
    let blend = |s: u32| (ch(a, s) * keep + ch(b, s) * (1000 - keep) + 500) / 1000;
    format!("#{:02x}{:02x}{:02x}", blend(16), blend(8), blend(0))
}

fn colour_rules(out: &mut String, class: &str, (light, dark): (&str, &str), dark_mode: bool) {
    let (stroke, fill) = if dark_mode {
        (dark, mix(parse(dark), DARK_BG, DARK_TINT))
    } else {
        (light, mix(parse(light), LIGHT_BG, LIGHT_TINT))
    };
    out.push_str(&format!(
        ".{class} .om-box{{fill:{fill};stroke:{stroke}}}.{class} .om-band{{fill:{stroke}}}\n"
    ));
}

/// The stylesheet shared by the full map and the neighbourhood: made once per process.
pub(super) fn css() -> &'static str {
    static CSS: std::sync::LazyLock<String> = std::sync::LazyLock::new(make_css);
    &CSS
}

fn make_css() -> String {
    let mut out = String::from(
        ".om-map{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}\n\
         .om-hood{max-width:100%;height:auto}\n\
         .om-edge{fill:none;stroke:#878d96;stroke-width:1.5}\n\
         .om-box{stroke-width:1.5}\n\
         .om-group .om-box{stroke-width:2.5}\n\
         .om-me .om-box{stroke-width:3.5}\n\
         .om-name{font-size:13px;font-weight:600;fill:#16191d}\n\
         .om-meta{font-size:11px;fill:#3b424b}\n\
         .om-chip{fill:transparent;stroke:#878d96;stroke-dasharray:4 3}\n\
         .om-more text{font-size:12px;fill:#3b424b;text-anchor:middle}\n\
         .om-ring{fill:none;stroke:#16191d;stroke-width:2;stroke-dasharray:5 3;visibility:hidden}\n\
         .om-node:hover .om-box{stroke-width:3.5}\n\
         .om-node:focus:not(:focus-visible){outline:none}\n\
         .om-node:focus-visible{outline:none}\n\
         .om-node:focus-visible .om-ring,.om-node:target .om-ring{visibility:visible}\n",
    );
    colour_rules(&mut out, "om-n", NEUTRAL, false);
    for (i, &c) in PALETTE.iter().enumerate() {
        colour_rules(&mut out, &format!("om-g{i}"), c, false);
    }
    out.push_str(
        "@media (prefers-color-scheme:dark){\n\
         .om-name{fill:#eef1f4}\n\
         .om-meta,.om-more text{fill:#c6cdd5}\n\
         .om-ring{stroke:#eef1f4}\n",
    );
    colour_rules(&mut out, "om-n", NEUTRAL, true);
    for (i, &c) in PALETTE.iter().enumerate() {
        colour_rules(&mut out, &format!("om-g{i}"), c, true);
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod unit {
    use super::*;

    fn luminance(hex: &str) -> f64 {
        let v = parse(hex);
        let lin = |s: u32| {
            let c = ((v >> s) & 0xff) as f64 / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(16) + 0.7152 * lin(8) + 0.0722 * lin(0)
    }

    fn contrast(a: &str, b: &str) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn text_and_borders_meet_contrast_in_both_schemes() {
        for &(light, dark) in PALETTE.iter().chain([NEUTRAL].iter()) {
            let light_fill = mix(parse(light), LIGHT_BG, LIGHT_TINT);
            let dark_fill = mix(parse(dark), DARK_BG, DARK_TINT);
            assert!(contrast("#16191d", &light_fill) >= 7.0, "{light}");
            assert!(contrast("#3b424b", &light_fill) >= 7.0, "{light}");
            assert!(contrast("#eef1f4", &dark_fill) >= 7.0, "{dark}");
            assert!(contrast("#c6cdd5", &dark_fill) >= 7.0, "{dark}");
            assert!(contrast(light, "#ffffff") >= 3.0, "{light}");
            assert!(contrast(dark, "#161a1f") >= 3.0, "{dark}");
        }
    }
}
