//! Behavioural tests of the org map through its public functions: geometry
//! (no overlaps, edges clear of boxes, bounded size), completeness and order
//! of links, escaping, determinism, and the neighbourhood map.

use super::layout::{NODE_H, NODE_W};
use super::*;

fn team(slug: &str, size: usize) -> OrgNode {
    OrgNode {
        slug: slug.to_string(),
        name: format!("Team {slug}"),
        url: format!("teams/{slug}.html"),
        metric: Some(format!("{slug} conversion: 3.1% → 3.5%")),
        size,
        is_group: false,
        children: Vec::new(),
    }
}

fn group(slug: &str, children: Vec<OrgNode>) -> OrgNode {
    OrgNode {
        name: format!("Group {slug}"),
        metric: None,
        is_group: true,
        children,
        ..team(slug, 3)
    }
}

fn count(roots: &[OrgNode]) -> usize {
    let mut stack: Vec<&OrgNode> = roots.iter().collect();
    let mut n = 0;
    while let Some(x) = stack.pop() {
        n += 1;
        stack.extend(x.children.iter());
    }
    n
}

fn preorder(roots: &[OrgNode]) -> Vec<&OrgNode> {
    let mut out = Vec::new();
    let mut stack: Vec<&OrgNode> = roots.iter().rev().collect();
    while let Some(x) = stack.pop() {
        out.push(x);
        stack.extend(x.children.iter().rev());
    }
    out
}

/// 8 nodes: two groups and a standalone team as separate roots.
fn sample_8() -> Vec<OrgNode> {
    vec![
        group("eng", vec![team("web", 5), team("api", 6), team("data", 4)]),
        group("ops", vec![team("sre", 5), team("it", 2)]),
        team("legal", 3),
    ]
}

/// 60 nodes under one company root: 4 groups × 2 subgroups × 5–7 teams.
fn sample_60() -> Vec<OrgNode> {
    let mut n = 0;
    let mut next = |p: &str| {
        n += 1;
        format!("{p}{n}")
    };
    let mut groups = Vec::new();
    let sizes = [[6, 6], [6, 6], [6, 6], [6, 5]];
    for s in sizes {
        let subs = s
            .iter()
            .map(|&k| {
                let teams = (0..k).map(|_| team(&next("t"), 6)).collect();
                group(&next("s"), teams)
            })
            .collect();
        groups.push(group(&next("g"), subs));
    }
    let roots = vec![group("company", groups)];
    assert_eq!(count(&roots), 60);
    roots
}

/// A chain `levels` deep with one side team at each level but the last.
fn chain(prefix: &str, levels: usize) -> OrgNode {
    let mut node = team(&format!("{prefix}{levels}"), 4);
    for l in (1..levels).rev() {
        node = group(
            &format!("{prefix}{l}"),
            vec![node, team(&format!("{prefix}side{l}"), 2)],
        );
    }
    node
}

/// 300 nodes: a group with 100 direct teams, a 12-level chain, and five
/// groups of three subgroups of ten teams, plus five standalone teams.
fn sample_300_children() -> Vec<OrgNode> {
    let mut kids = vec![group(
        "platform",
        (0..100).map(|i| team(&format!("p{i}"), 7)).collect(),
    )];
    kids.push(chain("c", 12));
    for g in 0..5 {
        let subs = (0..3)
            .map(|s| {
                group(
                    &format!("g{g}s{s}"),
                    (0..10).map(|t| team(&format!("g{g}s{s}t{t}"), 6)).collect(),
                )
            })
            .collect();
        kids.push(group(&format!("g{g}"), subs));
    }
    for t in 0..5 {
        kids.push(team(&format!("solo{t}"), 5));
    }
    kids
}

fn sample_300() -> Vec<OrgNode> {
    let roots = vec![group("company", sample_300_children())];
    assert_eq!(count(&roots), 300);
    roots
}

/// Deterministic pseudo-random tree of `n` nodes; `spread` bounds how far
/// back a parent may be, so small spreads give deep trees, large ones wide.
fn random_tree(n: usize, seed: u64, spread: usize) -> Vec<OrgNode> {
    let mut state = seed;
    let mut rnd = |m: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m.max(1)
    };
    let mut parent = vec![None; n];
    for (i, p) in parent.iter_mut().enumerate().skip(1) {
        if rnd(20) != 0 {
            *p = Some(i - 1 - rnd(spread.min(i)));
        }
    }
    let mut built: Vec<Option<OrgNode>> = (0..n)
        .map(|i| Some(team(&format!("r{i}"), i % 9)))
        .collect();
    let mut kids: Vec<Vec<OrgNode>> = vec![Vec::new(); n];
    for i in (0..n).rev() {
        let mut node = built[i].take().unwrap();
        let mut ch = std::mem::take(&mut kids[i]);
        ch.reverse();
        node.is_group = !ch.is_empty();
        node.children = ch;
        match parent[i] {
            Some(p) => kids[p].push(node),
            None => built[i] = Some(node),
        }
    }
    built.into_iter().flatten().collect()
}

fn assert_no_overlap(boxes: &[NodeBox]) {
    let mut sorted: Vec<&NodeBox> = boxes.iter().collect();
    sorted.sort_by_key(|b| (b.x, b.y));
    for (i, a) in sorted.iter().enumerate() {
        for b in &sorted[i + 1..] {
            if b.x >= a.x + a.w {
                break;
            }
            let overlap = a.y < b.y + b.h && b.y < a.y + a.h;
            assert!(!overlap, "{} {:?} overlaps {} {:?}", a.slug, a, b.slug, b);
        }
    }
}

fn svg_size(svg: &str) -> (i32, i32) {
    let attr = |name: &str| -> i32 {
        let start = svg.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        let end = start + svg[start..].find('"').unwrap();
        svg[start..end].parse().unwrap()
    };
    (attr("width"), attr("height"))
}

/// Every `(x1,y1)-(x2,y2)` axis-parallel segment of every edge path.
fn edge_segments(svg: &str) -> Vec<(i32, i32, i32, i32)> {
    let mut segs = Vec::new();
    for part in svg.split("class=\"om-edge\" d=\"").skip(1) {
        let d = &part[..part.find('"').unwrap()];
        let (mut x, mut y) = (0, 0);
        let mut chars = d.char_indices().peekable();
        let mut cmds = Vec::new();
        while let Some((i, c)) = chars.next() {
            if c.is_ascii_alphabetic() {
                let mut j = d.len();
                while let Some(&(k, n)) = chars.peek() {
                    if n.is_ascii_alphabetic() {
                        j = k;
                        break;
                    }
                    chars.next();
                }
                cmds.push((c, &d[i + 1..j]));
            }
        }
        for (c, args) in cmds {
            let nums: Vec<i32> = args.split(' ').map(|s| s.parse().unwrap()).collect();
            match c {
                'M' => (x, y) = (nums[0], nums[1]),
                'V' => {
                    segs.push((x, y, x, nums[0]));
                    y = nums[0];
                }
                'H' => {
                    segs.push((x, y, nums[0], y));
                    x = nums[0];
                }
                _ => panic!("unexpected path command {c}"),
            }
        }
    }
    segs
}

fn assert_edges_clear(svg: &str, boxes: &[NodeBox]) {
    let (w, h) = svg_size(svg);
    for &(x1, y1, x2, y2) in &edge_segments(svg) {
        let (lx, hx) = (x1.min(x2), x1.max(x2));
        let (ly, hy) = (y1.min(y2), y1.max(y2));
        assert!(
            lx >= 0 && hx <= w && ly >= 0 && hy <= h,
            "edge outside drawing"
        );
        for b in boxes {
            // Touching a box's border (where an edge starts or ends) is fine;
            // entering its interior is not.
            let crosses = lx < b.x + b.w && hx > b.x && ly < b.y + b.h && hy > b.y;
            let pierces_vertically =
                x1 == x2 && x1 > b.x && x1 < b.x + b.w && ly < b.y + b.h && hy > b.y;
            let pierces_horizontally =
                y1 == y2 && y1 > b.y && y1 < b.y + b.h && lx < b.x + b.w && hx > b.x;
            assert!(
                !(crosses && (pierces_vertically || pierces_horizontally)),
                "edge ({x1},{y1})-({x2},{y2}) crosses {}",
                b.slug
            );
        }
    }
}

/// Minimal XML well-formedness: balanced tags and only the five entities.
fn assert_well_formed(svg: &str) {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = svg;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        for (i, _) in text.match_indices('&') {
            let ent = &text[i..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| ent.starts_with(e)),
                "bare & in text: {}",
                &ent[..ent.len().min(20)]
            );
        }
        let gt = lt + rest[lt..].find('>').expect("unclosed tag");
        let tag = &rest[lt + 1..gt];
        assert!(!tag.contains('<'), "< inside tag: {tag}");
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(stack.pop(), Some(name), "mismatched </{name}>");
        } else if !tag.ends_with('/') {
            stack.push(tag.split([' ', '\n']).next().unwrap());
        }
        rest = &rest[gt + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

fn hrefs(svg: &str) -> Vec<String> {
    svg.split("<a class=\"om-node")
        .skip(1)
        .map(|s| {
            let start = s.find("href=\"").unwrap() + 6;
            s[start..start + s[start..].find('"').unwrap()].to_string()
        })
        .collect()
}

fn check_map(roots: &[OrgNode]) -> (String, Vec<NodeBox>) {
    let boxes = layout(roots);
    let svg = render_org_map(roots);
    assert_eq!(boxes.len(), count(roots));
    assert_no_overlap(&boxes);
    assert_edges_clear(&svg, &boxes);
    assert_well_formed(&svg);
    let (w, h) = svg_size(&svg);
    for b in &boxes {
        assert!(
            b.x >= 0 && b.y >= 0 && b.x + b.w <= w && b.y + b.h <= h,
            "{b:?} outside {w}x{h}"
        );
    }
    (svg, boxes)
}

#[test]
fn no_overlap_at_8_nodes() {
    let roots = sample_8();
    let (svg, boxes) = check_map(&roots);
    assert_eq!(boxes.len(), 8);
    // Small maps need no wrapping: one row per level.
    let (w, h) = svg_size(&svg);
    assert!(h <= 2 * (NODE_H + 40) + 64, "height {h}");
    assert!(w <= 8 * (NODE_W + 48), "width {w}");
}

#[test]
fn no_overlap_at_60_nodes() {
    let (svg, _) = check_map(&sample_60());
    let (w, _) = svg_size(&svg);
    assert!(w <= 4000, "width {w}");
}

#[test]
fn no_overlap_at_300_nodes_with_wide_group_and_deep_chain() {
    let roots = sample_300();
    let (svg, boxes) = check_map(&roots);
    let (w, h) = svg_size(&svg);
    assert!(w <= 4000, "width {w}");
    assert!(h <= 6000, "height {h}");
    // The 12-level chain goes strictly downwards.
    let ys: Vec<i32> = (1..=12)
        .map(|l| boxes.iter().find(|b| b.slug == format!("c{l}")).unwrap().y)
        .collect();
    assert!(ys.windows(2).all(|p| p[0] < p[1]), "{ys:?}");
    // The 100-team group wraps rather than making one 22,000 px row.
    let platform: Vec<&NodeBox> = boxes
        .iter()
        .filter(|b| b.slug.starts_with('p') && b.slug[1..].parse::<u32>().is_ok())
        .collect();
    assert_eq!(platform.len(), 100);
    let min_x = platform.iter().map(|b| b.x).min().unwrap();
    let max_x = platform.iter().map(|b| b.x + b.w).max().unwrap();
    assert!(max_x - min_x <= 3000, "platform row {}", max_x - min_x);
}

#[test]
fn no_overlap_at_300_nodes_as_separate_roots() {
    let (svg, _) = check_map(&sample_300_children());
    let (w, _) = svg_size(&svg);
    assert!(w <= 4000, "width {w}");
}

#[test]
fn no_overlap_in_random_trees() {
    for (n, seed, spread) in [
        (1, 1, 1),
        (2, 2, 1),
        (40, 3, 2),
        (150, 4, 5),
        (300, 5, 1),
        (300, 6, 3),
        (300, 7, 40),
        (300, 8, 300),
        (1000, 9, 10),
    ] {
        let roots = random_tree(n, seed, spread);
        let (svg, _) = check_map(&roots);
        let (w, _) = svg_size(&svg);
        assert!(w <= 4000, "n={n} seed={seed}: width {w}");
    }
}

#[test]
fn every_node_appears_once_with_href_in_tree_order() {
    for roots in [sample_8(), sample_60(), sample_300()] {
        let svg = render_org_map(&roots);
        let expected: Vec<String> = preorder(&roots).iter().map(|n| n.url.clone()).collect();
        assert_eq!(hrefs(&svg), expected);
        let ids: Vec<String> = layout(&roots).into_iter().map(|b| b.slug).collect();
        let slugs: Vec<String> = preorder(&roots).iter().map(|n| n.slug.clone()).collect();
        assert_eq!(ids, slugs);
        for s in &slugs {
            assert_eq!(svg.matches(&format!("id=\"om-{s}\"")).count(), 1, "{s}");
        }
    }
}

#[test]
fn svg_root_has_size_viewbox_label_and_title() {
    let svg = render_org_map(&sample_8());
    let (w, h) = svg_size(&svg);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(&format!("viewBox=\"0 0 {w} {h}\"")));
    assert!(svg.contains("aria-label=\"Organisation map: 6 teams in 2 groups\""));
    assert!(svg.contains("<title>Organisation map: 6 teams in 2 groups</title>"));
    // The stylesheet is the site's file, linked by the page, not a copy in each map.
    assert!(!svg.contains("<style"));
    assert!(stylesheet().contains("prefers-color-scheme:dark"));
    assert_eq!(
        stylesheet_link("../"),
        "<link rel=\"stylesheet\" href=\"../orgbook/orgmap.css\">"
    );
}

#[test]
fn content_strings_are_escaped() {
    let mut evil = team("x", 1);
    evil.name = "<script>alert(\"hi\")</script> & 'co'".to_string();
    evil.metric = Some("<b>up</b> & \"away\"".to_string());
    evil.url = "teams/x.html?a=1&b='2'\"><script>".to_string();
    let roots = vec![group("g<>", vec![evil.clone()])];
    let svg = render_org_map(&roots);
    assert_well_formed(&svg);
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("<b>"));
    assert!(
        svg.contains("&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt; &amp; &apos;co&apos;")
    );
    assert!(svg.contains("href=\"teams/x.html?a=1&amp;b=&apos;2&apos;&quot;&gt;&lt;script&gt;\""));
    assert!(svg.contains("id=\"om-g&lt;&gt;\""));

    let hood = render_neighbourhood(Some(&roots[0]), &[], &evil, &[evil.clone()]);
    assert_well_formed(&hood);
    assert!(!hood.contains("<script"));
}

#[test]
fn control_characters_do_not_break_xml() {
    let mut t = team("ctl", 1);
    t.name = "Bell\u{7} and\nnewline\u{0}".to_string();
    let svg = render_org_map(&[t]);
    assert_well_formed(&svg);
    assert!(!svg.contains('\u{7}') && !svg.contains('\u{0}'));
    assert!(svg.contains(">Bell and newline<"));
}

#[test]
fn output_is_deterministic() {
    let roots = sample_300();
    let a = render_org_map(&roots);
    let b = render_org_map(&roots.clone());
    assert_eq!(a, b);
    assert_eq!(layout(&roots), layout(&roots.clone()));
    let s = sample_8();
    assert_eq!(
        render_neighbourhood(Some(&s[0]), &s[0].children, &s[0].children[1], &[]),
        render_neighbourhood(Some(&s[0]), &s[0].children, &s[0].children[1], &[])
    );
}

#[test]
fn long_names_are_truncated_with_full_name_in_title() {
    let mut t = team("long", 4);
    t.name = "Checkout Experience and Payment Orchestration Platform".to_string();
    t.metric = Some("Weekly active merchants completing onboarding: 41% → 60%".to_string());
    let svg = render_org_map(&[t.clone()]);
    assert!(svg.contains(&format!("<title>{} — ", t.name)));
    let shown = svg.split("class=\"om-name\"").nth(1).unwrap();
    let shown = &shown[shown.find('>').unwrap() + 1..shown.find("</text>").unwrap()];
    assert!(shown.ends_with('…'), "{shown}");
    assert!(t.name.starts_with(shown.trim_end_matches('…')));
    let font = text::Font { px: 13, bold: true };
    assert!(text::width_px(shown, font) <= (NODE_W - 22) as u64);
    // A short name is left alone.
    let svg = render_org_map(&[team("ok", 1)]);
    assert!(svg.contains(">Team ok</text>"));
}

#[test]
fn truncation_respects_char_boundaries_and_wide_scripts() {
    let font = text::Font {
        px: 13,
        bold: false,
    };
    let cjk = "組織図の表示テストのための非常に長いチーム名です";
    let t = text::truncate(cjk, font, 100);
    assert!(t.ends_with('…'));
    assert!(text::width_px(&t, font) <= 100);
    assert_eq!(text::truncate("", font, 100), "");
    assert_eq!(text::truncate("abc", font, 0), "…");
}

#[test]
fn colours_follow_top_level_group() {
    // Several roots: each root and its subtree share a palette slot.
    let svg = render_org_map(&sample_8());
    for (slug, class) in [
        ("eng", "om-g0"),
        ("web", "om-g0"),
        ("ops", "om-g1"),
        ("it", "om-g1"),
        ("legal", "om-g2"),
    ] {
        assert!(
            svg.contains(&format!("{class} om-group\" href=\"teams/{slug}.html\""))
                || svg.contains(&format!("{class}\" href=\"teams/{slug}.html\"")),
            "{slug} should be {class}"
        );
    }
    // One company root: it stays neutral and its groups get the colours,
    // cycling after eight.
    let kids: Vec<OrgNode> = (0..9)
        .map(|i| group(&format!("d{i}"), vec![team(&format!("d{i}t"), 1)]))
        .collect();
    let svg = render_org_map(&[group("co", kids)]);
    assert!(svg.contains("om-n om-group\" href=\"teams/co.html\""));
    assert!(svg.contains("om-g7 om-group\" href=\"teams/d7.html\""));
    assert!(svg.contains("om-g0 om-group\" href=\"teams/d8.html\""));
    assert!(svg.contains("om-g0\" href=\"teams/d8t.html\""));
}

#[test]
fn group_nodes_summarise_their_teams() {
    let svg = render_org_map(&sample_60());
    assert!(svg.contains(">Group · 47 teams</text>"));
    assert!(svg.contains(">Group · 12 teams</text>"));
}

#[test]
fn empty_map_is_a_valid_svg() {
    let svg = render_org_map(&[]);
    assert_well_formed(&svg);
    assert!(svg.contains("No teams yet"));
    assert!(layout(&[]).is_empty());
}

#[test]
fn ten_thousand_teams_stay_bounded() {
    let roots = vec![group(
        "all",
        (0..10_000).map(|i| team(&format!("t{i}"), 5)).collect(),
    )];
    let boxes = layout(&roots);
    assert_no_overlap(&boxes);
    let svg = render_org_map(&roots);
    let (w, _) = svg_size(&svg);
    assert!(w <= 4000, "width {w}");

    let roots = random_tree(10_000, 42, 50);
    assert_no_overlap(&layout(&roots));
    let (w, _) = svg_size(&render_org_map(&roots));
    assert!(w <= 4000, "width {w}");
}

#[test]
fn very_deep_chain_does_not_overflow_the_stack() {
    let roots = random_tree(3000, 7, 1);
    let boxes = layout(&roots);
    assert_eq!(boxes.len(), 3000);
    assert_no_overlap(&boxes);
}

// ---- neighbourhood ----

fn hood_boxes(svg: &str) -> Vec<NodeBox> {
    let mut out = Vec::new();
    for (i, part) in svg.split("<rect class=\"om-").skip(1).enumerate() {
        if !(part.starts_with("box\"") || part.starts_with("chip\"")) {
            continue;
        }
        let attr = |name: &str| -> i32 {
            let s = part.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            part[s..s + part[s..].find('"').unwrap()].parse().unwrap()
        };
        out.push(NodeBox {
            slug: i.to_string(),
            x: attr("x"),
            y: attr("y"),
            w: attr("width"),
            h: attr("height"),
        });
    }
    out
}

#[test]
fn neighbourhood_shows_parent_siblings_me_and_children() {
    let parent = group("eng", vec![]);
    let sibs = vec![team("api", 3), team("data", 3), team("web", 3)];
    let me = sibs[1].clone();
    let kids = vec![team("etl", 2), team("bi", 2)];
    let svg = render_neighbourhood(Some(&parent), &sibs, &me, &kids);
    assert_well_formed(&svg);
    assert_eq!(
        hrefs(&svg),
        ["eng", "api", "data", "web", "etl", "bi"].map(|s| format!("teams/{s}.html"))
    );
    assert_eq!(svg.matches("aria-current=\"page\"").count(), 1);
    assert!(svg.contains("om-g0 om-me\" href=\"teams/data.html\" aria-current=\"page\""));
    assert!(svg.contains(
        "aria-label=\"Where Team data sits: part of Group eng, 2 sibling teams, 2 sub-teams\""
    ));
    assert!(svg.contains("class=\"om-map om-hood\""));
    let boxes = hood_boxes(&svg);
    assert_eq!(boxes.len(), 6);
    assert_no_overlap(&boxes);
    assert_edges_clear(&svg, &boxes);
    assert_eq!(edge_segments(&svg).len(), 3 * 5);
}

#[test]
fn neighbourhood_caps_long_rows_with_more_chips() {
    let parent = group("big", vec![]);
    let sibs: Vec<OrgNode> = (0..11).map(|i| team(&format!("s{i:02}"), 1)).collect();
    let me = sibs[5].clone();
    let kids: Vec<OrgNode> = (0..9).map(|i| team(&format!("k{i}"), 1)).collect();
    let svg = render_neighbourhood(Some(&parent), &sibs, &me, &kids);
    assert_well_formed(&svg);
    let shown = hrefs(&svg);
    assert_eq!(shown.len(), 1 + hood::CAP + hood::CAP);
    assert!(shown.contains(&"teams/s05.html".to_string()));
    assert!(svg.contains(">+4 more</text>"));
    assert!(svg.contains(">+3 more</text>"));
    assert!(svg.contains(">+5 more</text>"));
    assert!(svg.contains("<title>4 more teams in Group big</title>"));
    // Every "+N more" is a link: siblings to the parent, sub-teams to this page's list.
    assert!(
        svg.contains("<a class=\"om-more\" href=\"#place-title\">"),
        "{svg}"
    );
    let boxes = hood_boxes(&svg);
    assert_no_overlap(&boxes);
    assert_edges_clear(&svg, &boxes);
    let (w, _) = svg_size(&svg);
    assert!(w <= 900, "width {w}");
}

#[test]
fn neighbourhood_inserts_me_when_siblings_exclude_it() {
    let sibs = vec![team("a", 1), team("c", 1)];
    let me = team("b", 1);
    let svg = render_neighbourhood(None, &sibs, &me, &[]);
    assert_well_formed(&svg);
    assert_eq!(
        hrefs(&svg),
        ["a", "b", "c"].map(|s| format!("teams/{s}.html"))
    );
    assert!(svg.contains("top level, 2 sibling teams, 0 sub-teams"));
    assert!(edge_segments(&svg).is_empty());
}

#[test]
fn neighbourhood_of_a_lone_team() {
    let me = team("solo", 1);
    let svg = render_neighbourhood(None, &[], &me, &[]);
    assert_well_formed(&svg);
    assert_eq!(hrefs(&svg), ["teams/solo.html"]);
    let (w, h) = svg_size(&svg);
    assert_eq!((w, h), (hood::HOOD_W + 32, NODE_H + 32));
}

#[test]
fn long_metrics_keep_their_values() {
    let font = text::Font {
        px: 11,
        bold: false,
    };
    let m = "Weekly active merchants completing onboarding: 41% → 60%";
    let t = text::truncate_metric(m, font, 190);
    assert!(t.ends_with("…: 41% → 60%"), "{t}");
    assert!(text::width_px(&t, font) <= 190);
    // No room for the value: plain truncation.
    let t = text::truncate_metric(m, font, 60);
    assert!(t.ends_with('…') && !t.contains("60%"), "{t}");
    // No "label: value" shape: plain truncation.
    let t = text::truncate_metric("A very long metric without any separator at all", font, 100);
    assert!(t.ends_with('…'));
    assert_eq!(
        text::truncate_metric("Short: 1 → 2", font, 190),
        "Short: 1 → 2"
    );
}

#[test]
fn group_summaries_in_neighbourhood_use_direct_children() {
    let sibs = vec![team("a", 1), group("sub", vec![team("x", 1)])];
    let parent = group("p", sibs.clone());
    let svg = render_neighbourhood(Some(&parent), &sibs, &sibs[0], &[]);
    assert!(svg.contains(">1 group, 1 team</text>"));
    assert!(svg.contains(">Group · 1 team</text>"));
    // Children not passed: just "Group".
    let bare = group("q", vec![]);
    let svg = render_neighbourhood(Some(&bare), &[], &sibs[0], &[]);
    assert!(svg.contains(">Group</text>"));
}

#[test]
fn a_group_with_a_metric_shows_it_and_moves_the_summary_down() {
    let mut g = group("g", vec![team("a", 1), team("b", 1)]);
    g.metric = Some("NPS: 30 → 40".to_string());
    let svg = render_org_map(&[g]);
    assert!(svg.contains(">NPS: 30 → 40</text>"));
    assert!(svg.contains(">Group · 2 teams · 3 people</text>"));
}
