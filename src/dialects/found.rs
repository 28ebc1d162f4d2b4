//! What the dialect scanners report to the Markdown stage: a [`Leftover`] found in a body
//! and its [`Kind`] (another tool's construct, blanked, drawn or left as written), the MyST
//! [`Role`]s orgbook draws, and how a drawn MkDocs block looks ([`Drawn`]). The shared
//! vocabulary of `leftovers.rs`, `myst.rs` and `mkdocs.rs`, below all three.

use std::ops::Range;

/// One template construct found outside code: its byte range in the body and its text
/// (shortened for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub range: Range<usize>,
    pub construct: String,
    pub kind: Kind,
}

/// What a [`Leftover`] is, for its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Template syntax or a MyST role, left in the text as written.
    Template,
    /// A MyST colon-fence directive (`:::{note}`): `construct` is its name in braces, and
    /// the range runs from the first colon.
    ColonDirective,
    /// The opening line of another generator's callout, blanked: a Docusaurus admonition
    /// (`:::note Title` … `:::`, closed by a [`Kind::CalloutEnd`]) or a Just the Docs one
    /// (`{: .note }`, which styles the next block alone). `construct` is the title it
    /// gives, or empty. The Markdown renderer draws it like a GitHub alert.
    Callout {
        kind: pulldown_cmark::BlockQuoteKind,
        next_block_only: bool,
        /// Drawn as a `<details>` element titled by `construct` (VitePress `::: details`).
        details: bool,
    },
    /// The `:::` line closing a Docusaurus admonition, blanked.
    CalloutEnd,
    /// The opening line of a tab written as a container (VuePress's `::: tab Title`, a
    /// `::: code-group-item Title`), blanked, closed by a [`Kind::CalloutEnd`]:
    /// `construct` is its title. Drawn as a section under its title, as Material's content
    /// tabs are; the container around the tabs (`:::: tabs`) goes silently.
    Tab,
    /// A tag of an MDX component around Markdown on one line, with no title of its own
    /// (Mintlify's `<Frame>![Map](/img/map.png)</Frame>`), blanked: its Markdown is shown.
    /// An opening tag that starts a block of its own is written as `#`, read back as a
    /// paragraph, as a one-line callout's is (`leftovers::OneLineCallouts`). Nothing is
    /// drawn for it.
    Wrapper,
    /// mdBook's `{{#title Onboarding at Acme}}`, blanked: `construct` is the title it
    /// gives the page's `<title>`.
    PageTitle,
    /// A MyST role orgbook draws (``{pep}`8` ``): the renderer drops its name in braces
    /// from the text and draws the code span that follows it as the role says.
    Role(Role),
    /// A line of Python-Markdown's extensions (MkDocs) left as written: an admonition
    /// (`!!! note "Title"`, `??? tip`) that cannot be drawn (see `drawable_body` in leftovers.rs), or a
    /// snippet include (`--8<-- "file.md"`), whose file is not included. `construct` is
    /// the line.
    MkDocs,
    /// An MkDocs admonition or content tab that is drawn: its line was rewritten to a list
    /// item marker (`MARKER` in leftovers.rs) and invisible references of the same length, so CommonMark
    /// makes its indented body the blocks of that item (paragraphs, lists, code, tables,
    /// after blank lines too). The renderer draws the item starting at `range.start` as
    /// `drawn` says. `construct` is the title (empty: none).
    MkDocsBlock {
        kind: pulldown_cmark::BlockQuoteKind,
        drawn: Drawn,
    },
    /// An abbreviation's definition line (`*[SLO]: Service level objective`, Python-
    /// Markdown's `abbr`, as MkDocs sites write them in a snippet every page includes),
    /// blanked: `construct` is the abbreviation, the line's text after `]:` what it stands
    /// for (`leftovers::abbreviation_title`). The renderer wraps the abbreviation's
    /// whole-word uses in the page's text in `<abbr>`.
    Abbr,
    /// An ERB tag (`<%= partial "partials/x" %>`) or block (`<% content_for :sidebar do %>`
    /// … `<% end %>`) of a Middleman page (the GOV.UK tech docs template's
    /// `.html.md.erb`), blanked: orgbook does not run Ruby, and what the tag wrote is not
    /// known. `construct` is the tag, or a block's first and last tags; `lines` is how many
    /// lines a block spans (0 for a tag alone); `in_attribute` when it is in an HTML
    /// attribute's value (`href="<%= url %>"`), `before_path` when a path follows it there
    /// (`href="<%= config[:tech_docs][:host] %>/x.html"`, read as `/x.html`).
    Erb {
        lines: usize,
        in_attribute: bool,
        before_path: bool,
    },
    /// An Obsidian callout's first line (`> [!info] Title`, `> [!faq]-`): rewritten in
    /// place to the GitHub alert of its kind (`>[!NOTE]`, padded), which CommonMark then
    /// reads as an alert; `construct` is the title to show (empty: the kind's own).
    AlertTitle,
    /// pandoc's Markdown that orgbook does not redraw (`dialects::pandoc`), left as written;
    /// `construct` says what it is.
    Pandoc,
    /// A pandoc table's caption (`: Equipment`), its line blanked: the renderer draws it
    /// as the `<caption>` of the table starting at `range.start`. `construct` is its text.
    Caption,
    /// A one-line Confluence `code` macro whose `<code>` element (`construct`) is longer
    /// than the macro, so written in place as a code span (`range`), which Markdown reads
    /// but a block of HTML (a paragraph exported as HTML, a panel's body) shows as written:
    /// there the renderer writes the element into the page in the span's place.
    CodeElement,
    /// A pandoc fenced div's id (`::: {#claims .policy}`): `construct` is the id, an anchor
    /// before the first block after the div's line.
    Anchor,
}

/// A MyST role orgbook knows how to draw. Roles of a project's own Sphinx extensions
/// stay reported leftovers, but for those its `conf.py` defines with `extlinks`
/// (``{pypi}`x` ``).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `{doc}`: a link to a page, by its path without extension.
    Doc,
    /// `{pep}`, `{rfc}`: a link to the Python enhancement proposal or the RFC.
    Pep,
    Rfc,
    /// `{sup}`, `{sub}`: superscript, subscript.
    Sup,
    Sub,
    /// `{ref}`, `{any}`, `{numref}`, `{eq}`: a link to a MyST label (`(label)=` before a heading,
    /// `leftovers::myst_labels`); shown as its text when no page defines the label.
    Ref,
    /// `{term}`: a link to a glossary's term (`{glossary}`, any page), case as written;
    /// its text when no glossary defines it.
    Term,
    /// `{abbr}`: `LIFO (last-in, first-out)` is an `<abbr>` titled by its explanation.
    Abbr,
    /// `{math}`: an inline formula, as `$…$` is.
    Math,
    /// `{guilabel}`, sphinx-design's badges (`{bdg-primary}`) and the like:
    /// their text (`text <target>` shows `text`).
    Text,
    /// sphinx-design's `{octicon}`: an icon, which orgbook does not ship; nothing.
    Nothing,
    /// `{code}`, `{file}`, `{kbd}`, `{mod}`, `{py:func}` and the other roles Sphinx
    /// prints in code type: the span as code.
    Code,
    /// A role the site's `conf.py` defines with `sphinx.ext.extlinks` (``{issue}`123` ``):
    /// a link to the URL it gives. Never from [`Role::of`], which knows no site.
    External,
}

impl Role {
    pub fn of(name: &str) -> Option<Role> {
        let bare = name.rsplit(':').next().unwrap_or(name);
        if bare == "bdg" || bare.starts_with("bdg-") {
            return Some(Role::Text);
        }
        Some(match bare {
            "octicon" | "fa" => Role::Nothing,
            "doc" => Role::Doc,
            "pep" => Role::Pep,
            "rfc" => Role::Rfc,
            "sup" | "superscript" => Role::Sup,
            "sub" | "subscript" => Role::Sub,
            "ref" | "any" | "numref" | "eq" => Role::Ref,
            "term" => Role::Term,
            "abbr" => Role::Abbr,
            "math" => Role::Math,
            "guilabel" | "menuselection" | "dfn" | "title-reference" | "emphasis" | "strong" => {
                Role::Text
            }
            "code" | "literal" | "file" | "samp" | "kbd" | "command" | "program" | "envvar"
            | "option" | "makevar" | "mailheader" | "regexp" | "mod" | "module" | "func"
            | "function" | "class" | "meth" | "method" | "attr" | "attribute" | "obj" | "data"
            | "exc" | "const" | "type" | "var" | "member" | "macro" | "struct" | "enum"
            | "enumerator" | "expr" | "texpr" | "token" | "keyword" | "confval" => Role::Code,
            _ => return None,
        })
    }
}

/// How an MkDocs block is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Drawn {
    /// `!!! note`: a callout, like a GitHub alert.
    Callout,
    /// `??? note` (closed) or `???+ note` (open): a `<details>` element.
    Details { open: bool },
    /// Material's content tab (`=== "Title"`): a section under its title.
    Tab,
}
