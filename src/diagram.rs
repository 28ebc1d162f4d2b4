//! Mermaid diagrams drawn at build time. A ```` ```mermaid ```` fence (GitHub, GitLab,
//! Docusaurus, MkDocs's superfences, MyST's ```` ```{mermaid} ````) becomes an inline SVG in
//! the page, so diagrams read the same on GitHub and in the handbook, without JavaScript and
//! from `file://`. A diagram that does not parse stays a code block, and its fence gets a
//! warning at the line and column the parser names.
//!
//! The drawing is merman's, a Rust port of Mermaid checked against Mermaid's own output
//! (docs/design.md, "Diagrams"): what reaches the page is its SVG, whose labels it
//! sanitizes as Mermaid's strict mode does (no scripts, event handlers or `javascript:`
//! links). The Markdown stage draws each diagram, once, in parallel with the other pages
//! (`markdown::render` keeps the SVG beside the body, see [`Drawn`]); pages put it in
//! place of the code block when they are built ([`place`]), after the raw-HTML sanitizer
//! has run, which would otherwise strip the SVG's styles.

use std::borrow::Cow;
use std::cell::RefCell;
use std::ops::Range;

/// One diagram of a body, drawn: the Mermaid source as the code block holds it, and its SVG.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Drawn {
    pub source: String,
    pub svg: String,
}

/// Why a diagram was not drawn, and where in its source (byte offsets) when the parser says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotDrawn {
    pub message: String,
    pub at: Option<Range<usize>>,
}

/// Whether a fenced code block's info string is a Mermaid diagram's (```` ```mermaid ````,
/// ```` ```Mermaid title="Flow" ````).
pub fn is_mermaid(info: &str) -> bool {
    info.split_whitespace()
        .next()
        .is_some_and(|lang| lang.eq_ignore_ascii_case("mermaid"))
}

/// Where the addresses of a diagram's `click` lines are in `source` (byte ranges,
/// without their quotes): `click A "/x/"`, `click A "/x/" "tooltip" _blank`, `click A
/// href "/x/"`. A `click` that calls a function (`click A callback`, `click A call f()`)
/// has none; Mermaid's strict mode, and so the page, never runs it.
pub fn click_urls(source: &str) -> Vec<Range<usize>> {
    let mut urls = Vec::new();
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_start();
        let Some(rest) = trimmed.strip_prefix("click") else {
            continue;
        };
        if !rest.starts_with([' ', '\t']) {
            continue;
        }
        let mut words = rest.trim_start();
        // The node's id.
        let Some(after_id) = words.find(char::is_whitespace) else {
            continue;
        };
        words = words[after_id..].trim_start();
        if let Some(after) = words.strip_prefix("href")
            && after.starts_with([' ', '\t', '"'])
        {
            words = after.trim_start();
        }
        let Some(quoted) = words.strip_prefix('"') else {
            continue;
        };
        let Some(end) = quoted.find('"') else {
            continue;
        };
        let from = start + (line.len() - quoted.len());
        urls.push(from..from + end);
    }
    urls
}

thread_local! {
    // One renderer per thread: it holds the parser's and the layout's reusable state.
    static RENDERER: RefCell<merman::Renderer> = RefCell::new(merman::Renderer::new());
}

/// Draws `source` as an SVG whose ids start with `id` (unique on its page: a page with two
/// diagrams must not share marker and style ids).
pub fn draw(source: &str, id: &str) -> Result<String, NotDrawn> {
    use merman::{OperationControl, RenderError, RenderOutput, RenderRequest, SvgRequest};
    let mut request = SvgRequest::default();
    request.options.diagram_id = Some(id.to_string());
    request.environment = request
        .environment
        .with_text_measurement_policy(arial_fitting_measurement());
    // A bug in the drawing must not stop the build: the diagram stays a code block.
    let output = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        RENDERER.with(|r| {
            r.borrow()
                .render(RenderRequest::svg(source, OperationControl::new(), request))
        })
    }))
    .map_err(|_| NotDrawn {
        message: "the diagram could not be drawn".to_string(),
        at: None,
    })?;
    let no_type = || NotDrawn {
        message: "no Mermaid diagram type at its start (`flowchart LR`, `sequenceDiagram`, \
                  `stateDiagram-v2`, …)"
            .to_string(),
        at: None,
    };
    match output {
        Ok(RenderOutput::Svg(Some(svg))) => Ok(labelled(&without_unused_colours(svg.svg()))),
        Ok(_) | Err(RenderError::NoDiagram) => Err(no_type()),
        Err(RenderError::Parse(d)) => {
            let details = d.terminal_diagnostic_details();
            if details.code == "merman.parse.no_diagram_detected" {
                return Err(no_type());
            }
            let at = details
                .span
                .map(|s| s.start.min(source.len())..s.end.clamp(s.start, source.len()));
            Err(NotDrawn {
                message: parse_message(&d.terminal_safe_message()),
                at,
            })
        }
        Err(other) => Err(NotDrawn {
            message: without_internals(&other.to_string()),
            at: None,
        }),
    }
}

/// merman's "resource limit `max_layout_work_units` exceeded during layout_model:
/// actual=14102469 …" (its bound on layout work, which keeps a huge diagram from taking
/// minutes) as what an author can act on.
fn without_internals(message: &str) -> String {
    if message.starts_with("resource limit") {
        "the diagram is too large to lay out (it passes the work limit that keeps a build \
         fast); split it into smaller diagrams"
            .to_string()
    } else {
        message.to_string()
    }
}

/// Text measured at least as wide as Arial sets it. merman sizes labels with its own model
/// of Mermaid's fonts ("Recursive Variable", Trebuchet MS), which no reader has installed:
/// browsers fall back to Arial (Liberation Sans on Linux, which has Arial's widths). Where
/// Arial is wider, a label sized by the model wrapped onto one more line than its box (a
/// fifth of multi-word flowchart labels, measured in Chromium). So each width is the
/// larger of merman's and Arial's (its advance widths are Helvetica's, public in Adobe's
/// font metrics; a table rather than a font file, because only the widths are needed).
fn arial_fitting_measurement() -> merman::svg::TextMeasurementPolicy {
    use merman::svg::{
        DeterministicTextMeasurer, MeasurementProfileId, TextMeasurementPolicy,
        TextMeasurementProfile, TextMeasurementProfileIdentity, TextMeasurer,
    };
    let model = DeterministicTextMeasurer::default();
    let backend = DeterministicTextMeasurer::default().with_width_callback(move |text, style| {
        let arial = arial_width(text, style.font_size, style.font_weight.as_deref());
        model.measure_html_line_width_px(text, style).max(arial)
    });
    let identity = MeasurementProfileId::new("orgbook.arial-fitting")
        .and_then(|id| TextMeasurementProfileIdentity::new(id, env!("CARGO_PKG_VERSION")))
        .expect("a static profile name and version are valid");
    TextMeasurementPolicy::uniform(TextMeasurementProfile::new(identity, backend))
}

/// `text`'s width in Arial at `size` px: Helvetica's advance widths (thousandths of an em)
/// for printable ASCII, an average letter's for other Latin text, a full em for CJK; bold
/// about 7 % wider.
fn arial_width(text: &str, size: f64, weight: Option<&str>) -> f64 {
    #[rustfmt::skip]
    const ASCII: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
        667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
        333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
        556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      // p..~
    ];
    let thousandths: u32 = text
        .chars()
        .map(|c| match c as u32 {
            0x20..=0x7e => u32::from(ASCII[c as usize - 0x20]),
            0x2e80.. => 1000,
            _ => 556,
        })
        .sum();
    let bold = weight.is_some_and(|w| w == "bold" || w.parse::<u16>().is_ok_and(|w| w >= 600));
    f64::from(thousandths) * size / 1000.0 * if bold { 1.07 } else { 1.0 }
}

/// merman's "Diagram parse error (flowchart-v2): Unterminated node label" as "the
/// flowchart does not parse: unterminated node label".
fn parse_message(message: &str) -> String {
    let Some((kind, what)) = message
        .strip_prefix("Diagram parse error (")
        .and_then(|rest| rest.split_once("): "))
    else {
        return message.to_string();
    };
    let kind = kind.trim_end_matches("-v2");
    let mut what = what.chars();
    let first = what
        .next()
        .map(|c| c.to_lowercase().to_string())
        .unwrap_or_default();
    format!("the {kind} does not parse: {first}{}", what.as_str())
}

/// The SVG without the style rules of colour slots no element of it uses. Mermaid's
/// stylesheet carries rules for twelve cluster and node colours in every diagram
/// (`[data-color-id="color-7"] …`), about half of a flowchart's bytes, though most
/// diagrams use none: a page with a few diagrams would carry tens of kilobytes of rules
/// that select nothing. A rule is dropped only if every colour slot its selector names is
/// absent from the diagram's elements, so what is drawn is unchanged.
fn without_unused_colours<'a>(svg: &'a str) -> Cow<'a, str> {
    const SLOT: &str = "data-color-id=\"";
    let (Some(open), Some(close)) = (svg.find("<style>"), svg.find("</style>")) else {
        return Cow::Borrowed(svg);
    };
    let css_start = open + "<style>".len();
    if close < css_start || !svg[css_start..close].contains(SLOT) {
        return Cow::Borrowed(svg);
    }
    let css = &svg[css_start..close];
    // The slots the elements use (outside the stylesheet), each looked up once: the
    // stylesheet names the same twelve slots in many rules.
    let mut seen: std::collections::HashMap<&str, bool> = Default::default();
    let mut used = |slot: &'a str| {
        *seen.entry(slot).or_insert_with(|| {
            let attr = format!("{SLOT}{slot}\"");
            svg[..open].contains(&attr) || svg[close..].contains(&attr)
        })
    };
    let mut out = String::with_capacity(svg.len());
    out.push_str(&svg[..css_start]);
    // Top-level rules: a selector, then a block whose braces may nest (`@keyframes`).
    let (mut depth, mut rule_start) = (0usize, 0usize);
    for (i, b) in css.bytes().enumerate() {
        match b {
            b'{' => depth += 1,
            b'}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let rule = &css[rule_start..=i];
                    let selector = &rule[..rule.find('{').unwrap_or(0)];
                    let mut slots = selector
                        .split(SLOT)
                        .skip(1)
                        .map(|rest| rest.split('"').next().unwrap_or(""));
                    let unused = selector.contains(SLOT) && slots.all(|slot| !used(slot));
                    if !unused {
                        out.push_str(rule);
                    }
                    rule_start = i + 1;
                }
            }
            _ => {}
        }
    }
    out.push_str(&css[rule_start..]);
    out.push_str(&svg[close..]);
    Cow::Owned(out)
}

/// The SVG with an accessible name, unless the author gave the diagram one (`accTitle`,
/// which Mermaid points `aria-labelledby` at): a `graphics-document` without a name is
/// an image screen readers cannot announce.
fn labelled(svg: &str) -> String {
    let open_end = svg.find('>').unwrap_or(0);
    if !svg.starts_with("<svg") || svg[..open_end].contains("aria-labelledby") {
        return svg.to_string();
    }
    let kind = svg[..open_end]
        .split_once("aria-roledescription=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map_or("diagram", |(kind, _)| kind.trim_end_matches("-v2"));
    format!("<svg aria-label=\"{kind} diagram\"{}", &svg[4..])
}

/// The HTML pulldown-cmark writes for the opening of a Mermaid code block.
const OPEN: &str = "<pre><code class=\"language-mermaid";
const CLOSE: &str = "</code></pre>";

/// `html` with each Mermaid code block that was drawn replaced by its SVG, in a
/// `<figure class="diagram">`. Blocks are matched by their source, in order, so a code
/// block that raw HTML wrote around them cannot shift which SVG goes where.
pub fn place<'h>(html: &'h str, drawn: &[Drawn]) -> Cow<'h, str> {
    if drawn.is_empty() || !html.contains(OPEN) {
        return Cow::Borrowed(html);
    }
    let mut used = vec![false; drawn.len()];
    let mut out =
        String::with_capacity(html.len() + drawn.iter().map(|d| d.svg.len()).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let after_open = &rest[start + OPEN.len()..];
        let (Some(gt), Some(end)) = (after_open.find('>'), after_open.find(CLOSE)) else {
            break;
        };
        if gt > end {
            break;
        }
        let code = crate::text::unescape_html(&after_open[gt + 1..end]);
        let block_end = start + OPEN.len() + end + CLOSE.len();
        let found = drawn
            .iter()
            .enumerate()
            .find(|(i, d)| !used[*i] && d.source == *code);
        match found {
            Some((i, d)) => {
                used[i] = true;
                out.push_str(&rest[..start]);
                out.push_str("<figure class=\"diagram\">");
                out.push_str(&d.svg);
                out.push_str("</figure>");
            }
            None => out.push_str(&rest[..block_end]),
        }
        rest = &rest[block_end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_diagram_past_the_layout_work_limit_says_to_split_it() {
        let merman = "resource limit `max_layout_work_units` exceeded during layout_model: \
                      actual=14102469 maximum=14100000 cause=ceiling";
        assert_eq!(
            without_internals(merman),
            "the diagram is too large to lay out (it passes the work limit that keeps a build fast); split it into smaller diagrams"
        );
        assert_eq!(without_internals("other"), "other");
    }

    #[test]
    fn arial_widths_are_what_chromium_measures_in_liberation_sans() {
        // Canvas `measureText` in Chromium, 14px Liberation Sans (Arial's metrics).
        assert!((arial_width("Database database", 14.0, None) - 121.4).abs() < 0.1);
        assert!((arial_width("Onboarding", 14.0, None) - 73.2).abs() < 0.1);
        assert!((arial_width("iiiiiiiiii", 14.0, None) - 31.1).abs() < 0.1);
        assert!(arial_width("Bold", 16.0, Some("bold")) > arial_width("Bold", 16.0, None));
        assert_eq!(arial_width("日本", 10.0, None), 20.0);
    }

    #[test]
    fn a_flowchart_is_drawn_with_its_labels_and_ids() {
        let svg = draw("flowchart LR\n  A[Booking API] --> B(Payments)\n", "d-1").unwrap();
        assert!(
            svg.starts_with("<svg aria-label=\"flowchart diagram\""),
            "{svg:.200}"
        );
        assert!(svg.contains("Booking API") && svg.contains("Payments"));
        assert!(svg.contains("id=\"d-1\""), "the id asked for: {svg:.200}");
        assert!(!svg.contains("id=\"merman\""));
        // Deterministic: the same source draws the same bytes.
        assert_eq!(
            draw("flowchart LR\n  A[Booking API] --> B(Payments)\n", "d-1").unwrap(),
            svg
        );
    }

    #[test]
    fn unused_colour_rules_are_left_out_and_used_ones_kept() {
        let svg = "<svg id=\"d\"><style>#d{fill:red;}@keyframes dash{to{stroke-dashoffset:0;}}#d [data-color-id=\"color-0\"].node rect{stroke:#E879F9;}#d [data-color-id=\"color-1\"].node rect,#d [data-color-id=\"color-1\"].node path{stroke:#2DD4BF;}#d .label{color:#000;}</style><g data-color-id=\"color-1\"></g></svg>";
        assert_eq!(
            without_unused_colours(svg),
            "<svg id=\"d\"><style>#d{fill:red;}@keyframes dash{to{stroke-dashoffset:0;}}#d [data-color-id=\"color-1\"].node rect,#d [data-color-id=\"color-1\"].node path{stroke:#2DD4BF;}#d .label{color:#000;}</style><g data-color-id=\"color-1\"></g></svg>"
        );
        // A real flowchart loses about half its bytes, and keeps every other rule.
        let full = draw_unpruned("flowchart LR\n  a --> b\n");
        let pruned = without_unused_colours(&full);
        assert!(
            pruned.len() * 10 < full.len() * 7,
            "{} of {}",
            pruned.len(),
            full.len()
        );
        assert!(!pruned.contains("data-color-id=\"color-3\""));
        assert_eq!(
            full.matches("#d .").count(),
            pruned.matches("#d .").count(),
            "only slot rules go"
        );
    }

    /// A diagram as merman draws it, ids starting `d`.
    fn draw_unpruned(source: &str) -> String {
        use merman::{OperationControl, RenderOutput, RenderRequest, SvgRequest};
        let mut request = SvgRequest::default();
        request.options.diagram_id = Some("d".into());
        let RenderOutput::Svg(Some(svg)) = merman::Renderer::new()
            .render(RenderRequest::svg(source, OperationControl::new(), request))
            .unwrap()
        else {
            panic!("no SVG")
        };
        svg.svg().to_string()
    }

    #[test]
    fn click_addresses_are_found_in_every_form() {
        let source = "flowchart TD\n  A --> B\n  click A \"/teams/a/\"\n  click B href \"../b.md\" \"Team B\" _blank\n\tclick C callback\n  click D call go()\n  clicked E \"/no/\"\n";
        let urls: Vec<&str> = click_urls(source).into_iter().map(|r| &source[r]).collect();
        assert_eq!(urls, ["/teams/a/", "../b.md"]);
    }

    #[test]
    fn labels_cannot_run_code() {
        let svg = draw(
            "flowchart LR\n  A[\"<script>alert(1)</script><img src=x onerror=alert(2)>\"] --> B\n  click A \"javascript:alert(3)\"\n",
            "d-1",
        )
        .unwrap();
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("onerror"), "{svg}");
        assert!(!svg.contains("javascript:"), "{svg}");
    }

    #[test]
    fn a_syntax_error_says_where() {
        let source = "flowchart LR\n  A --> B\n  B[[[ oops\n";
        let e = draw(source, "d-1").unwrap_err();
        let at = e.at.clone().expect("the parser names a place");
        assert_eq!(&source[at.start..at.start + 3], "[[[", "{e:?}");
        assert!(!e.message.is_empty());
        let none = draw("not a diagram\n", "d-1").unwrap_err();
        assert!(none.message.contains("no Mermaid diagram type"), "{none:?}");
    }

    #[test]
    fn an_author_title_is_the_accessible_name() {
        let svg = draw(
            "flowchart LR\n  accTitle: How a booking flows\n  A --> B\n",
            "d-1",
        )
        .unwrap();
        assert!(
            !svg[..svg.find('>').unwrap()].contains("aria-label=\""),
            "{svg:.300}"
        );
        assert!(svg.contains("How a booking flows"));
    }

    #[test]
    fn drawn_blocks_replace_their_code_in_order() {
        let a = Drawn {
            source: "graph LR\nA-->B\n".into(),
            svg: "<svg>A</svg>".into(),
        };
        let b = Drawn {
            source: "graph LR\nC-->D\n".into(),
            svg: "<svg>C</svg>".into(),
        };
        let html = "<p>x</p>\n<pre><code class=\"language-mermaid\">graph LR\nC--&gt;D\n</code></pre>\n\
                    <pre><code class=\"language-mermaid\">graph LR\nA--&gt;B\n</code></pre>\n\
                    <pre><code class=\"language-mermaid\">graph LR\nbroken\n</code></pre>\n";
        let out = place(html, &[a, b]);
        assert_eq!(
            out,
            "<p>x</p>\n<figure class=\"diagram\"><svg>C</svg></figure>\n\
             <figure class=\"diagram\"><svg>A</svg></figure>\n\
             <pre><code class=\"language-mermaid\">graph LR\nbroken\n</code></pre>\n"
        );
        assert!(matches!(place(html, &[]), Cow::Borrowed(_)));
    }

    #[test]
    fn mermaid_fences_are_recognised() {
        assert!(is_mermaid("mermaid"));
        assert!(is_mermaid("Mermaid title=\"x\""));
        assert!(!is_mermaid("mermaidjs"));
        assert!(!is_mermaid(""));
    }
}
