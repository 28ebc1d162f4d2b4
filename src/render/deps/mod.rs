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
//!
//! A field that is costly to make from small inputs (a page's finished body, a team's
//! neighbourhood map) is a [`Drawn`]: the hash sees its inputs, Tera its drawing.

use serde::Serialize;
use std::collections::HashMap;
use std::sync::Mutex;

/// Per output path, the hash of the context the served page was rendered from; and, while
/// a render runs, the hashes of the contexts that differed (to be kept once those pages are
/// published).
#[derive(Debug, Default)]
pub struct Fingerprints {
    served: HashMap<String, u64>,
    fresh: Mutex<Vec<(String, u64)>>,
}

mod hash_ser;

/// The hash of what `template` is rendered from: XXH3 over the context as
/// [`hash_ser`] feeds it (every string by length and bytes, no JSON and no escaping).
/// XXH3 because every page's context is hashed after each edit, megabytes in all, and it
/// is a checksum made for long streams (std's SipHash, which guards hash tables against
/// chosen keys, took about two thirds of this function's time); 64 bits, so two different
/// contexts of one page collide with odds of about 2⁻⁶⁴. `None` when the context does not
/// serialise (Tera then reports why).
pub fn context_hash<T: Serialize + ?Sized>(template: &str, ctx: &T) -> Option<u64> {
    let mut feed = hash_ser::Feed::new();
    feed.prefix(template.as_bytes());
    ctx.serialize(&mut feed).ok()?;
    Some(feed.digest())
}

/// A context field made by a pure function from small inputs, such as a team's
/// neighbourhood map (kilobytes of SVG drawn from a dozen boxes). Templates see what
/// `draw` makes; [`context_hash`], whose serialiser is not human-readable, sees the
/// inputs, so a sweep that finds a page unchanged never draws it. Sound because `draw`
/// reads nothing but its inputs: a plain `fn` captures nothing, and the functions given
/// here read no state of their own.
pub struct Drawn<I> {
    pub inputs: I,
    pub draw: fn(&I) -> String,
}

impl<I: std::fmt::Debug> std::fmt::Debug for Drawn<I> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Drawn")
            .field("inputs", &self.inputs)
            .finish()
    }
}

impl<I: Serialize> Serialize for Drawn<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.serialize_str(&(self.draw)(&self.inputs))
        } else {
            self.inputs.serialize(s)
        }
    }
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

    #[derive(Serialize)]
    struct Optional {
        #[serde(skip_serializing_if = "Option::is_none")]
        a: Option<String>,
        b: Vec<String>,
    }

    fn hash<T: Serialize>(v: &T) -> u64 {
        context_hash("t.html", v).expect("serialises")
    }

    #[test]
    fn values_that_differ_hash_differently_and_equal_ones_alike() {
        let v = |a: Option<&str>, b: &[&str]| Optional {
            a: a.map(str::to_string),
            b: b.iter().map(|s| s.to_string()).collect(),
        };
        let distinct = [
            hash(&v(None, &["ab", "c"])),
            // A string holding the byte that marks the start of a string.
            hash(&v(None, &["a\u{6}b"])),
            hash(&v(None, &["a", "b"])),
            hash(&v(None, &["a", "bc"])),
            hash(&v(None, &["abc"])),
            hash(&v(None, &[])),
            hash(&v(None, &[""])),
            hash(&v(Some(""), &[])),
            hash(&v(Some("x"), &[])),
            hash(&ctx("A", 1)),
            hash(&ctx("A", 2)),
            hash(&ctx("A\"", 1)),
            hash(&(1u32, 2u32)),
            hash(&(2u32, 1u32)),
        ];
        let set: std::collections::HashSet<u64> = distinct.iter().copied().collect();
        assert_eq!(set.len(), distinct.len(), "{distinct:?}");
        assert_eq!(hash(&v(Some("x"), &["y"])), hash(&v(Some("x"), &["y"])));
        assert_eq!(hash(&ctx("A", 1)), hash(&ctx("A", 1)));
        // Long strings go to the hasher past the gathering block: still their bytes.
        let long = "é".repeat(5_000);
        assert_eq!(hash(&ctx(&long, 1)), hash(&ctx(&long.clone(), 1)));
        assert_ne!(hash(&ctx(&long, 1)), hash(&ctx(&format!("{long}."), 1)));
        assert_ne!(
            context_hash("a.html", &ctx("A", 1)),
            context_hash("b.html", &ctx("A", 1))
        );
    }

    fn never_drawn(_: &u32) -> String {
        panic!("the hash must not draw")
    }

    fn drawn(n: &u32) -> String {
        format!("<svg>{n}</svg>")
    }

    #[test]
    fn a_drawn_field_shows_its_drawing_to_templates_and_its_inputs_to_the_hash() {
        let field = |n| Drawn {
            inputs: n,
            draw: never_drawn,
        };
        assert_ne!(hash(&field(1)), hash(&field(2)));
        assert_eq!(hash(&field(1)), hash(&field(1)));
        let shown = Drawn {
            inputs: 7u32,
            draw: drawn,
        };
        assert_eq!(
            serde_json::to_value(&shown).unwrap(),
            serde_json::json!("<svg>7</svg>")
        );
        let mut c = tera::Context::new();
        c.insert("map", &shown);
        assert_eq!(
            c.get("map").and_then(|v| v.as_str()),
            Some("<svg>7</svg>"),
            "what Tera renders is the drawing"
        );
    }
}
