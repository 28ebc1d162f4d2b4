//! Splitting long lists over several pages, so that no generated index page grows with the
//! handbook (each stays well under 300 KB at 10,000 pages, see docs/performance.md). The
//! first page keeps the list's usual address; the others add `-2`, `-3`… before `.html`,
//! so existing links keep working and land on the first part.

use super::context::{Link, Pager};

/// The address of part `i` (0-based) of a list whose first page is `base`.
pub fn part_url(base: &str, i: usize) -> String {
    if i == 0 {
        base.to_string()
    } else {
        let stem = base.strip_suffix(".html").unwrap_or(base);
        format!("{stem}-{}.html", i + 1)
    }
}

/// One [`Pager`] per part, given each part's address and title.
pub fn pagers(parts: &[Link]) -> Vec<Pager> {
    (0..parts.len())
        .map(|i| Pager {
            part: i + 1,
            parts: parts.len(),
            prev: i.checked_sub(1).map(|j| parts[j].clone()),
            next: parts.get(i + 1).cloned(),
            all: parts.to_vec(),
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
}
