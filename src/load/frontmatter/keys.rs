//! The key lists more than one reader checks front matter against: a charter's own keys,
//! which a team's page that is read as a page ignores, and the keys other generators build
//! their navigation with, which pages and charters alike accept without effect.

pub(super) const CHARTER_KEYS: &[&str] = &[
    "name",
    "kind",
    "parent",
    "problem",
    "metrics",
    "owns",
    "lead",
    "members",
    "contact",
    "reviewed",
    "topology",
    "interactions",
    "codeowners",
];

/// Keys other generators and their themes use to build their navigation, layout and
/// page furniture, accepted on a page without a warning and without effect: orgbook's
/// navigation follows the folders (a Jekyll "Just the Docs" site carries `parent` and
/// `has_children` on every page, a Sphinx one `orphan`, an MkDocs Material one `hide`, so
/// warning about them buried the warnings that matter).
pub(super) const NAVIGATION_KEYS: &[&str] = &[
    // Jekyll, and its "Just the Docs" theme
    "layout",
    "parent",
    "grand_parent",
    "has_children",
    "has_toc",
    "last_modified_date",
    // Hugo, and its "Book" theme
    "type",
    "menu",
    "bookFlatSection",
    "bookCollapseSection",
    "bookToc",
    "lastmod",
    "summary",
    "toc",
    "images",
    "series",
    "publishDate",
    "expiryDate",
    "outputs",
    "cascade",
    "build",
    "_build",
    "resources",
    "markup",
    // Hugo's Docsy theme (Kubernetes', GitLab's handbook and many project sites)
    "no_list",
    "simple_list",
    "hide_summary",
    "hide_feedback",
    "hide_readingtime",
    "exclude_search",
    "manualLink",
    "manualLinkTarget",
    "manualLinkRelref",
    "sidebar_root_for",
    "body_class",
    "twitter_image",
    "controls",
    // Docusaurus
    "id",
    "sidebar_class_name",
    "sidebar_custom_props",
    "displayed_sidebar",
    "hide_title",
    "hide_table_of_contents",
    "toc_min_heading_level",
    "toc_max_heading_level",
    "pagination_label",
    "pagination_next",
    "pagination_prev",
    "custom_edit_url",
    "last_update",
    "image",
    // MkDocs and its Material theme
    "template",
    "hide",
    "icon",
    "status",
    "subtitle",
    "search",
    "toc_depth",
    "comments",
    "social",
    // Sphinx file-wide metadata, and the Furo and PyData themes
    "orphan",
    "nocomments",
    "nosearch",
    "tocdepth",
    "hide-toc",
    "html_theme.sidebar_secondary.remove",
    // MyST and Jupyter Book settings and metadata of one page
    "myst",
    "substitutions",
    "jupytext",
    "kernelspec",
    "short_title",
    "subject",
    "license",
    "numbering",
    "exports",
    "downloads",
    "thumbnail",
    "banner",
    "abbreviations",
    // Quarto: a page's layout, its rendering options (`format`, `execute`, code cells'
    // engine) and its title block's furniture
    "page-layout",
    "body-classes",
    "date-modified",
    "format",
    "execute",
    "engine",
    "jupyter",
    "knitr",
    "editor",
    "toc-depth",
    "toc-title",
    "toc-location",
    "number-sections",
    "title-block-banner",
    "title-block-style",
    "code-fold",
    "bibliography",
    "citation",
    "filters",
    // The GOV.UK tech docs template: when a page was last reviewed, when it is due again
    // and who reviews it, which drive its "this page may be out of date" banners. orgbook
    // pages have no review date (only a charter's `reviewed`), so they are kept for
    // Middleman and have no effect here.
    "last_reviewed_on",
    "review_in",
    "owner_slack",
    // Authors, shown by themes and blog plugins (not by orgbook's pages)
    "author",
    "authors",
    // ABlog (Sphinx's blog plugin): a post's marker and where and in what it was written
    "blogpost",
    "location",
    "language",
    // VitePress: a home page's hero and feature cards, and each page's outline, aside,
    // neighbours and furniture
    "hero",
    "features",
    "outline",
    "aside",
    "prev",
    "next",
    "editLink",
    "lastUpdated",
    "navbar",
    "footer",
    "pageClass",
    "titleTemplate",
    "head",
    // VuePress: a home page's flag and image (its `heroText`, `tagline`, `actionText`,
    // `actionLink` and `actions` are read: `hero`)
    "home",
    "heroImage",
    "heroAlt",
    // Astro Starlight (its `sidebar` is read: `order` places the page, `hidden` leaves it
    // out of the navigation)
    "sidebar",
    "tableOfContents",
    "pagefind",
    "editUrl",
    // Gatsby sites (PostHog's handbook): how their templates show a page
    "showTitle",
    "hideAnchor",
    "hideLastUpdated",
    "featuredImage",
    "featuredVideo",
    // Dendron: a note's timestamps, whether it is a placeholder for its children, and its
    // preview settings (`desc` is read: the description)
    "updated",
    "created",
    "stub",
    "config",
    "hierarchyDisplay",
    // Wiki.js: the editor a page is written in, and when it was made
    "editor",
    "dateCreated",
    // Rspress: a page's layout (`home`, `doc`, `custom`) and its overview page's headings
    "pageType",
    "overviewHeaders",
    // Retype: whether a folder starts unfolded in its tree, and its next/previous buttons
    "expanded",
    "nextprev",
    // HackMD and HedgeDoc: a note's analytics, robots, language and slide settings
    "GA",
    "robots",
    "lang",
    "dir",
    "breaks",
    "slideOptions",
    // Joplin's "Markdown + Front Matter" export: the page a clipped note came from, where a
    // note was written, and a to-do's state and alarm (`updated`, `created` and `author`
    // are above)
    "source",
    "latitude",
    "longitude",
    "altitude",
    "completed?",
    "due",
    // Ethereum's EIPs and ERCs: the proposal's number, the proposals it builds on, where it
    // is discussed, why it was withdrawn and when its last call ends (`title`,
    // `description`, `author`, `status`, `type`, `category` and `created` are above). The
    // proposal is a page here; `orgbook import adr` makes it a decision (docs/import.md).
    "eip",
    "requires",
    "discussions-to",
    "withdrawal-reason",
    "last-call-deadline",
];
