//! Splitting long lists over several pages, so that no generated index page grows with the
//! handbook (each stays well under 300 KB at 10,000 pages, see docs/performance.md). The
//! first page keeps the list's usual address; the others add `-2`, `-3`… before `.html`,
//! so existing links keep working and land on the first part.

use super::context::{Link, Pager, PagerLink};

/// Parts linked on each side of the current one.
const WINDOW: usize = 3;

/// The entries of part `part`'s (1-based) pager among `parts`: the first, the last and
/// the [`WINDOW`] parts on either side of `part`, so that each pager is bounded however
/// long the list is (a pager naming every part made each of 175 parts list all 175).
pub fn window(parts: &[Link], part: usize) -> Vec<PagerLink> {
    let mut out: Vec<PagerLink> = Vec::new();
    for (i, l) in parts.iter().enumerate() {
        let n = i + 1;
        if n == 1 || n == parts.len() || n.abs_diff(part) <= WINDOW {
            let gap = out.last().is_some_and(|prev| prev.part + 1 != n);
            out.push(PagerLink {
                title: l.title.clone(),
                url: l.url.clone(),
                part: n,
                gap,
            });
        }
    }
    out
}

/// The address of part `i` (0-based) of a list whose first page is `base`.
pub fn part_url(base: &str, i: usize) -> String {
    if i == 0 {
        base.to_string()
    } else {
        let stem = base.strip_suffix(".html").unwrap_or(base);
        format!("{stem}-{}.html", i + 1)
    }
}

/// Each part's link: its address (see [`part_url`]) and a title naming what it holds, made
/// by `range` from its first and last items (`None`, or an empty part: its number).
pub fn part_links<T>(
    chunks: &[Vec<T>],
    base: &str,
    range: impl Fn(&T, &T) -> Option<String>,
) -> Vec<Link> {
    chunks
        .iter()
        .enumerate()
        .map(|(i, c)| Link {
            title: match (c.first(), c.last()) {
                (Some(a), Some(b)) => range(a, b),
                _ => None,
            }
            .unwrap_or_else(|| format!("{}", i + 1)),
            url: part_url(base, i),
        })
        .collect()
}

/// One [`Pager`] per part, given each part's address and title.
pub fn pagers(parts: &[Link]) -> Vec<Pager> {
    (0..parts.len())
        .map(|i| Pager {
            part: i + 1,
            parts: parts.len(),
            prev: i.checked_sub(1).map(|j| parts[j].clone()),
            next: parts.get(i + 1).cloned(),
            all: window(parts, i + 1),
        })
        .collect()
}

/// Splits `items` into runs of at most `per` (at least one run, possibly empty).
pub fn chunks<T>(items: Vec<T>, per: usize) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = vec![Vec::new()];
    for item in items {
        if out.last().is_some_and(|c| c.len() >= per) {
            out.push(Vec::new());
        }
        if let Some(last) = out.last_mut() {
            last.push(item);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_keep_the_first_address() {
        assert_eq!(part_url("decisions/index.html", 0), "decisions/index.html");
        assert_eq!(
            part_url("decisions/index.html", 2),
            "decisions/index-3.html"
        );
        let c = chunks((0..5).collect(), 2);
        assert_eq!(c, vec![vec![0, 1], vec![2, 3], vec![4]]);
        assert_eq!(chunks(Vec::<u8>::new(), 2), vec![Vec::<u8>::new()]);
    }

    #[test]
    fn pager_is_bounded_and_marks_gaps() {
        let parts: Vec<Link> = (0..100)
            .map(|i| Link {
                title: format!("{i}"),
                url: part_url("x.html", i),
            })
            .collect();
        let w = window(&parts, 50);
        let nums: Vec<usize> = w.iter().map(|p| p.part).collect();
        assert_eq!(nums, vec![1, 47, 48, 49, 50, 51, 52, 53, 100]);
        let gaps: Vec<bool> = w.iter().map(|p| p.gap).collect();
        assert_eq!(
            gaps,
            vec![false, true, false, false, false, false, false, false, true]
        );
        assert_eq!(window(&parts[..3], 1).len(), 3);
    }
}
