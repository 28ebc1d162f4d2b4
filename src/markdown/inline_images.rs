//! Images a page carries inside itself as `data:` URLs, written out as files of the site.
//!
//! Google Docs' own Markdown export (File > Download > Markdown) puts every picture of a
//! document at its end as a reference definition, `[image1]: <data:image/png;base64,…>`,
//! often hundreds of kilobytes on one line. Kept inline, a page of three screenshots is
//! over a megabyte of HTML, its images are downloaded again with every page view, and
//! the same logo pasted into twenty documents is twenty copies. This module owns
//! recognising such an image ([`extract`]: a raster type, base64, more than
//! [`INLINE_UP_TO`] characters), decoding it in one pass, and naming its file by what it
//! holds (`orgbook/images/<hash>.png`), so that the same picture is one file whatever page
//! shows it, and two builds name it the same. The Markdown stage puts the file's path in
//! the page ([`super::Rendered::inline_images`]); [`collect`] gathers every page's into
//! [`Handbook::inline_images`] once all are rendered, and the static-file stage writes them.

use crate::link::Handbook;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Where the files go, below the output root. orgbook's own folder (`orgbook/orgmap.css`
/// is there too), so no page or asset of the handbook is at these paths unless it is put
/// in `static/orgbook/images/`, which `check` reports as a clash.
pub const FOLDER: &str = "orgbook/images";

/// Encoded lengths up to this stay in the page: a spacer pixel or an icon costs less
/// inline than a request of its own.
pub const INLINE_UP_TO: usize = 1024;

/// One image taken out of a page: its path below the output root and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineImage {
    pub path: String,
    pub bytes: Arc<Vec<u8>>,
}

/// The image a `data:` URL holds, when it is one to write out: a PNG, JPEG, GIF or WebP
/// in base64 (the types browsers show and `html_policy` lets through; an SVG can hold
/// script and is refused there), longer than [`INLINE_UP_TO`], that decodes. Anything
/// else (`None`) stays as written.
pub fn extract(url: &str) -> Option<InlineImage> {
    let rest = strip_prefix_ignore_case(url.trim(), "data:")?;
    let (meta, payload) = rest.split_once(',')?;
    if payload.len() <= INLINE_UP_TO {
        return None;
    }
    let mut parts = meta.split(';');
    let ext = match parts.next()?.trim().to_ascii_lowercase().as_str() {
        "image/png" => "png",
        "image/jpeg" | "image/jpg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        _ => return None,
    };
    if !parts.any(|p| p.trim().eq_ignore_ascii_case("base64")) {
        return None;
    }
    let bytes = decode_base64(payload)?;
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    Some(InlineImage {
        path: format!("{FOLDER}/{hash:016x}.{ext}"),
        bytes: Arc::new(bytes),
    })
}

fn strip_prefix_ignore_case<'s>(s: &'s str, prefix: &str) -> Option<&'s str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// Standard or URL-safe base64, padded or not, with whitespace and percent-encoded
/// padding (`%3D`, which some exporters write) allowed; one pass over the input, no
/// allocation past the output. `None` for anything else.
///
/// By hand rather than with the `base64` crate: its engines take one alphabet and reject
/// whitespace and `%3D`, so a multi-megabyte payload would first be copied without them
/// and then tried once per alphabet; this is the whole decoder, and it is unit-tested.
fn decode_base64(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 4 * 3 + 3);
    let (mut acc, mut bits, mut ended) = (0u32, 0u32, false);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                ended = true;
                continue;
            }
            b'%' if bytes
                .get(i..i + 2)
                .is_some_and(|h| h.eq_ignore_ascii_case(b"3d")) =>
            {
                i += 2;
                ended = true;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return None,
        };
        if ended {
            // Data after the padding.
            return None;
        }
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Six bits left over are not a byte: a truncated payload.
    (bits < 6).then_some(out)
}

/// Every page's images, by path (a picture several pages show is one file), into
/// `handbook.inline_images`. True when the set changed (`serve` then writes the static
/// files again).
pub fn collect(handbook: &mut Handbook, rendered: &[super::Rendered]) -> bool {
    let mut all: BTreeMap<String, Arc<Vec<u8>>> = BTreeMap::new();
    for image in rendered.iter().flat_map(|r| &r.inline_images) {
        all.entry(image.path.clone())
            .or_insert_with(|| Arc::clone(&image.bytes));
    }
    let changed =
        all.len() != handbook.inline_images.len() || all.keys().ne(handbook.inline_images.keys());
    handbook.inline_images = all;
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b64(bytes: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut s = String::new();
        for c in bytes.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for k in 0..4 {
                if k <= c.len() {
                    s.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
                } else {
                    s.push('=');
                }
            }
        }
        s
    }

    #[test]
    fn decodes_what_it_encodes() {
        for len in [0usize, 1, 2, 3, 4, 5, 1000, 1001, 1002] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 + 3) as u8).collect();
            assert_eq!(decode_base64(&b64(&bytes)), Some(bytes.clone()), "{len}");
            let unpadded = b64(&bytes).trim_end_matches('=').to_string();
            assert_eq!(decode_base64(&unpadded), Some(bytes), "{len} unpadded");
        }
        assert_eq!(decode_base64("aGk%3D"), Some(b"hi".to_vec()));
        assert_eq!(decode_base64("aGk=aGk="), None, "data after padding");
        assert_eq!(decode_base64("aGk*"), None);
        assert_eq!(decode_base64("a"), None, "six bits are no byte");
    }

    #[test]
    fn only_large_raster_base64_images_are_taken_out() {
        let big = b64(&vec![7u8; 2000]);
        let png = extract(&format!("data:image/png;base64,{big}")).unwrap();
        assert!(png.path.starts_with("orgbook/images/") && png.path.ends_with(".png"));
        assert_eq!(*png.bytes, vec![7u8; 2000]);
        let jpeg = extract(&format!("DATA:Image/JPEG;BASE64,{big}")).unwrap();
        assert_eq!(
            jpeg.path,
            png.path.replace(".png", ".jpg"),
            "named by content"
        );
        assert!(extract(&format!("data:image/svg+xml;base64,{big}")).is_none());
        assert!(
            extract(&format!("data:image/png,{big}")).is_none(),
            "not base64"
        );
        assert!(
            extract("data:image/png;base64,iVBORw0KGgo=").is_none(),
            "small"
        );
        assert!(extract(&format!("data:image/png;base64,{big}!")).is_none());
    }

    /// A multi-megabyte payload (Google Docs writes a whole screenshot on one line) is
    /// decoded in one pass: quadratic work here would take minutes.
    #[test]
    fn a_large_payload_is_linear() {
        let bytes: Vec<u8> = (0..12_000_000u32).map(|i| (i % 251) as u8).collect();
        let url = format!("data:image/png;base64,{}", b64(&bytes));
        let start = std::time::Instant::now();
        let image = extract(&url).unwrap();
        assert_eq!(image.bytes.len(), bytes.len());
        assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    }
}
