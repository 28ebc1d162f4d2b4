//! Redirect pages for a page's old addresses (`aliases`, Hugo; `redirect_from`, Jekyll):
//! a small HTML file at each old path that sends the reader on with `<meta http-equiv=
//! "refresh">` and names the page's address with `<link rel="canonical">`, so a moved
//! handbook keeps the links people bookmarked. Which paths are taken, and collisions with
//! pages, generated files, assets and other redirects, are decided in the link stage
//! ([`crate::link::resolve`]); this module only writes the files. mdBook's redirects to
//! another site's http(s) address get the same page, naming that address.

use crate::link::Handbook;
use crate::markdown::root_prefix;
use crate::render::{FileContents, OutputFile};
use crate::text::escape_html;

/// One redirect file per entry of `handbook.redirects` and `handbook.redirects_elsewhere`
/// (mdBook's redirects to another site), in path order.
pub fn files(handbook: &Handbook) -> Vec<OutputFile> {
    let own = handbook.redirects.iter().map(|(path, &id)| {
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
        (path, html)
    });
    // The address is the page's name, target and canonical address, as for a page that
    // sends its readers elsewhere (`redirect_to`).
    let elsewhere = handbook.redirects_elsewhere.iter().map(|(path, to)| {
        let to = escape_html(to);
        (path, crate::text::redirect_page(&to, &to, &to))
    });
    let mut files: Vec<(&String, String)> = own.chain(elsewhere).collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    files
        .into_iter()
        .map(|(path, html)| OutputFile {
            path: path.clone(),
            contents: FileContents::Bytes(html.into_bytes()),
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
