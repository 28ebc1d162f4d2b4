// orgbook page enhancements. Every page reads and works without this script; it only
// collapses the section sidebar on narrow screens, adds "copy link" to heading anchors and
// applies the decisions index filters from the query string.
(function () {
  "use strict";

  // The interface's words in the page's language: search.js's word() (src/ui_text.rs);
  // English, filled, where the theme has no search.js.
  function word(key, english, fill) {
    if (window.orgbookWord) return window.orgbookWord(key, english, fill);
    var w = typeof english === "string" ? english : Number((fill || {}).n) === 1 ? english.one : english.other;
    return Object.keys(fill || {}).reduce(function (s, k) { return s.split("{" + k + "}").join(String(fill[k])); }, w);
  }
  function ready(f) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", f);
    else f();
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // Decisions index: ?status=…&type=…&team=…&tag=… filters every decision (all parts of
  // the list) from decisions/index.json, index-2.json…, a thousand rows each, fetched one
  // after the other until a screenful matches; "Show more" goes on. So a filter on a
  // large handbook shows its first matches after one small download, not after all of
  // them. Without JavaScript the full list still shows.
  var SCREENFUL = 200;
  function decisionFilters() {
    var form = document.querySelector("form.filters");
    if (!form) return;
    var params = new URLSearchParams(location.search);
    var keys = ["status", "type", "team", "tag"];
    var want = {};
    var any = false;
    keys.forEach(function (k) {
      var v = params.get(k) || "";
      want[k] = v;
      if (v) any = true;
      var field = form.elements[k];
      if (field) field.value = v;
    });
    if (!any) return;
    var status = form.querySelector(".filter-status");
    var tbody = document.querySelector("table.decisions tbody");
    var root = document.documentElement.getAttribute("data-root") || "";
    var first = form.getAttribute("data-rows");
    var files = Number(form.getAttribute("data-row-files")) || 1;
    var total = Number(form.getAttribute("data-total")) || 0;
    var hits = [];
    var scanned = 0;
    var next = 1;
    var wanted = SCREENFUL;
    // A drop-down names a choice exactly; a text box (a handbook with too many teams or
    // tags to list) matches part of the name, in any case.
    function match(key, value) {
      if (!want[key]) return true;
      var field = form.elements[key];
      if (field && field.tagName === "INPUT") {
        return String(value || "").toLowerCase().indexOf(want[key].toLowerCase()) >= 0;
      }
      return value === want[key];
    }
    function row(d) {
      var type = d[4] === 1 ? word("type1_title", "Type 1: irreversible, escalated") : word("type2_title", "Type 2: reversible");
      return "<tr data-status=\"" + esc(d[3]) + "\"><td class=\"num\">" + d[0] + "</td>" +
        "<td><a href=\"" + esc(root + d[2]) + "\">" + esc(d[1]) + "</a></td>" +
        "<td><span class=\"status status-" + esc(d[3]) + "\">" + esc(word("status_" + d[3], d[3])) + "</span></td>" +
        "<td><span class=\"dtype dtype-" + d[4] + "\" title=\"" + type + "\">T" + d[4] + "</span></td>" +
        "<td>" + (d[5] ? "<a href=\"" + esc(root + d[6]) + "\">" + esc(d[5]) + "</a>" : "") + "</td>" +
        "<td class=\"date\"><time datetime=\"" + esc(d[7]) + "\">" + esc(d[7]) + "</time>" +
        (d[8] ? "" : " <span class=\"muted\">" + esc(word("proposed_marker", "proposed")) + "</span>") + "</td></tr>";
    }
    function show() {
      tbody.innerHTML = hits.map(row).join("");
      var pagers = document.querySelectorAll(".pager");
      for (var i = 0; i < pagers.length; i++) pagers[i].hidden = true;
      var done = next > files;
      var all = "<a href=\"" + esc(root) + "decisions/index.html\">" + esc(word("filter_show_all", "Show all")) + "</a>";
      if (done) {
        status.innerHTML = esc(word("filter_matched", { one: "{n} of {m} decision matches.", other: "{n} of {m} decisions match." },
          { n: hits.length, m: total }) + " ") + all;
      } else {
        status.innerHTML = esc(word("filter_matched_newest", {
          one: "{n} of the newest {m} decision matches ({total} in all).",
          other: "{n} of the newest {m} decisions match ({total} in all)."
        }, { n: hits.length, m: scanned, total: total }) + " ") +
          "<button type=\"button\" class=\"filter-more\">" + esc(word("filter_show_more", "Show more")) + "</button> " + all;
      }
      document.documentElement.setAttribute("data-filter-done", String(done));
      document.documentElement.setAttribute("data-filtered", String(hits.length));
    }
    function fetchMore() {
      if (next > files || hits.length >= wanted) {
        show();
        return;
      }
      var url = next === 1 ? first : first.replace(/index\.json$/, "index-" + next + ".json");
      next += 1;
      fetch(url)
        .then(function (r) { return r.json(); })
        .then(function (rows) {
          scanned += rows.length;
          rows.forEach(function (d) {
            if ((!want.status || d[3] === want.status) &&
                (!want.type || String(d[4]) === want.type) &&
                match("team", d[5]) &&
                (!want.tag || (d[9] || []).some(function (t) { return match("tag", t); }))) {
              hits.push(d);
            }
          });
          fetchMore();
        })
        .catch(function () {
          status.textContent = scanned
            ? word("filter_partly_unavailable", {
              one: "Could not load the rest of the decisions to filter; {n} of the newest {m} matches.",
              other: "Could not load the rest of the decisions to filter; {n} of the newest {m} match."
            }, { n: hits.length, m: scanned })
            : word("filter_unavailable", "Could not load the decisions to filter; showing the full list.");
        });
    }
    status.addEventListener("click", function (e) {
      if (!e.target.closest || !e.target.closest(".filter-more")) return;
      wanted = hits.length + SCREENFUL;
      status.textContent = word("filter_looking", "Looking further…");
      fetchMore();
    });
    fetchMore();
  }

  ready(decisionFilters);

  // Heading anchors copy the section's address as well as following it.
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a.h-anchor") : null;
    if (!a || !navigator.clipboard) return;
    var url = location.href.split("#")[0] + a.getAttribute("href");
    navigator.clipboard.writeText(url).then(function () {
      a.classList.add("copied");
      setTimeout(function () { a.classList.remove("copied"); }, 1500);
    }, function () {});
  });

  ready(function () {
    // A code block, table, diagram or display formula wider than the page scrolls in its
    // own box: keyboard users must be able to focus it to scroll.
    var boxes = document.querySelectorAll(
      ".prose pre, .prose table, .prose figure.diagram, .prose math[display=block]");
    for (var i = 0; i < boxes.length; i++) {
      if (boxes[i].scrollWidth > boxes[i].clientWidth && !boxes[i].hasAttribute("tabindex")) {
        boxes[i].setAttribute("tabindex", "0");
      }
    }
  });

  ready(function () {
    // The sidebar is open in the HTML (so it works without JS); on a phone it starts closed.
    var side = document.querySelector(".sidebar-toggle");
    if (side && window.matchMedia && window.matchMedia("(max-width: 63.99rem)").matches) {
      side.removeAttribute("open");
    }
  });
})();
