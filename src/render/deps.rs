//! What a page depends on, declared where the page is rendered: its context.
//!
//! A template sees nothing but the context its page builder hands it (orgbook registers no
//! Tera functions that read the handbook), so a page rendered twice from contexts that
//! serialise the same, with the same templates, is the same page byte for byte. `orgbook
//! serve` keeps, per served page, a hash of the context it was rendered from
//! ([`Fingerprints`]); [`super::Renderer`] hashes each new context before running Tera and
//! skips pages whose context did not change ([`super::FileContents::Unchanged`]). There is
//! no second description of "what a page shows" to keep in step with the templates: a page
//! builder that starts reading another document puts what it read into its context, and the
//! hash sees it. `orgbook build` renders without fingerprints and never hashes.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::Mutex;
use xxhash_rust::xxh3::Xxh3Default;

/// Per output path, the hash of the context the served page was rendered from; and, while
/// a render runs, the hashes of the contexts that differed (to be kept once those pages are
/// published).
#[derive(Debug, Default)]
pub struct Fingerprints {
    served: HashMap<String, u64>,
    fresh: Mutex<Vec<(String, u64)>>,
}

/// Feeds serialised bytes straight into a hasher: no buffer per page (the hasher keeps its
/// own small one, so serde_json's many short writes cost little).
struct HashWriter<'h>(&'h mut Xxh3Default);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The hash of what `template` is rendered from. XXH3 over the context's JSON: JSON
/// because contexts use `#[serde(flatten)]`, which the compact binary formats refuse; XXH3
/// because every page's context is hashed after each edit, megabytes in all, and it is a
/// checksum made for long streams (std's SipHash, which guards hash tables against chosen
/// keys, took about two thirds of this function's time); 64 bits, so two different
/// contexts of one page collide with odds of about 2⁻⁶⁴. `None` when the context does not
/// serialise (Tera then reports why).
pub fn context_hash<T: Serialize + ?Sized>(template: &str, ctx: &T) -> Option<u64> {
    let mut hasher = Xxh3Default::new();
    hasher.update(template.as_bytes());
    hasher.update(&[0]);
    serde_json::to_writer(HashWriter(&mut hasher), ctx).ok()?;
    Some(hasher.digest())
}

impl Fingerprints {
    /// Whether the page at `path` was served from this very context. When not, the new
    /// hash is noted for [`Self::take_fresh`].
    pub fn unchanged<T: Serialize + ?Sized>(&self, template: &str, path: &str, ctx: &T) -> bool {
        let Some(hash) = context_hash(template, ctx) else {
            return false;
        };
        if self.served.get(path) == Some(&hash) {
            return true;
        }
        self.fresh
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_string(), hash));
        false
    }

    /// The hashes noted since the last call, by path.
    pub fn take_fresh(&mut self) -> HashMap<String, u64> {
        std::mem::take(self.fresh.get_mut().unwrap_or_else(|e| e.into_inner()))
            .into_iter()
            .collect()
    }

    /// The page at `path` is now served from the context hashed `hash`.
    pub fn served(&mut self, path: String, hash: u64) {
        self.served.insert(path, hash);
    }

    /// The page at `path` is no longer served (or was published without a hash).
    pub fn forget(&mut self, path: &str) {
        self.served.remove(path);
    }

    /// Templates changed: no served page can be trusted to match its context any more.
    pub fn clear(&mut self) {
        self.served.clear();
        self.take_fresh();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Inner {
        title: String,
    }

    #[derive(Serialize)]
    struct Ctx {
        #[serde(flatten)]
        inner: Inner,
        n: u32,
    }

    fn ctx(title: &str, n: u32) -> Ctx {
        Ctx {
            inner: Inner {
                title: title.into(),
            },
            n,
        }
    }

    #[test]
    fn a_page_is_unchanged_only_when_its_context_and_template_are() {
        let mut fp = Fingerprints::default();
        assert!(!fp.unchanged("team.html", "teams/a.html", &ctx("A", 1)));
        for (path, hash) in fp.take_fresh() {
            fp.served(path, hash);
        }
        assert!(fp.unchanged("team.html", "teams/a.html", &ctx("A", 1)));
        assert!(fp.take_fresh().is_empty(), "nothing new to keep");
        assert!(!fp.unchanged("team.html", "teams/a.html", &ctx("A", 2)));
        assert!(!fp.unchanged("team.html", "teams/a.html", &ctx("B", 1)));
        assert!(!fp.unchanged("page.html", "teams/a.html", &ctx("A", 1)));
        assert!(!fp.unchanged("team.html", "teams/b.html", &ctx("A", 1)));
        assert_eq!(fp.take_fresh().len(), 2, "one hash kept per path");
        fp.forget("teams/a.html");
        assert!(!fp.unchanged("team.html", "teams/a.html", &ctx("A", 1)));
    }
}
