//! Redirect pages for a page's old addresses (`aliases`, Hugo; `redirect_from`, Jekyll):
//! a small HTML file at each old path that sends the reader on with `<meta http-equiv=
//! "refresh">` and names the page's address with `<link rel="canonical">`, so a moved
//! handbook keeps the links people bookmarked. Which paths are taken, and collisions with
//! pages, generated files, assets and other redirects, are decided in the link stage
//! ([`crate::link::resolve`]); this module only writes the files.

use crate::link::Handbook;
use crate::markdown::root_prefix;
use crate::render::{FileContents, OutputFile};
use crate::text::escape_html;

/// One redirect file per entry of `handbook.redirects`, in path order.
pub fn files(handbook: &Handbook) -> Vec<OutputFile> {
    handbook
        .redirects
        .iter()
        .map(|(path, &id)| {
            let doc = &handbook.docs[id];
            let target = format!(
                "{}{}",
                root_prefix(path),
                crate::text::encode_path(&doc.url)
            );
            let canonical = match &handbook.config.base_url {
                Some(base) => format!("{}/{}", base.trim_end_matches('/'), doc.url),
                None => target.clone(),
            };
            let html = crate::text::redirect_page(
                &escape_html(doc.title()),
                &escape_html(&target),
                &escape_html(&canonical),
            );
            OutputFile {
                path: path.clone(),
                contents: FileContents::Bytes(html.into_bytes()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn redirect_page_names_target_twice() {
        let html = crate::text::redirect_page(
            "Setup &amp; more",
            "../guide/setup.html",
            "https://h.example/guide/setup.html",
        );
        assert!(
            html.contains("<meta http-equiv=\"refresh\" content=\"0; url=../guide/setup.html\">")
        );
        assert!(
            html.contains("<link rel=\"canonical\" href=\"https://h.example/guide/setup.html\">")
        );
        assert!(html.contains("<a href=\"../guide/setup.html\">Setup &amp; more</a>"));
    }
}
