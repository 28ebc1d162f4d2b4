// Who owns a file or folder, by the handbook's CODEOWNERS rules (search/code.js), matched
// the way GitHub does: the last matching rule wins. Holds the matcher for the header
// search, which loads this file when a reader first types a path (window.orgbookOwner),
// and runs the "Who owns a file or folder?" box of the ownership index, where it is
// loaded with the page. Both load the rules through search.js's loader
// (window.orgbookSearchFile), so the answer works from file:// too.
(function () {
  "use strict";

  // The interface's words in the page's language: search.js's word() (src/ui_text.rs);
  // English, filled, where the theme has no search.js.
  function word(key, english, fill) {
    if (window.orgbookWord) return window.orgbookWord(key, english, fill);
    var w = typeof english === "string" ? english : Number((fill || {}).n) === 1 ? english.one : english.other;
    return Object.keys(fill || {}).reduce(function (s, k) { return s.split("{" + k + "}").join(String(fill[k])); }, w);
  }

  function esc(c) { return /[.+^${}()|[\]\\]/.test(c) ? "\\" + c : c; }

  // A CODEOWNERS pattern as a regular expression over a path without a leading `/`,
  // with gitignore's rules as GitHub applies them: a pattern with a `/` at its start or
  // in its middle is anchored at the repository's root, else it matches at any depth;
  // `*` and `?` stay within one folder, `**` crosses folders; a pattern matches a folder
  // and everything in it, except `dir/*`, which matches the files directly in `dir`.
  function matcher(pattern) {
    var p = pattern.charAt(0) === "!" ? pattern.slice(1) : pattern;
    var dirOnly = /\/$/.test(p);
    p = p.replace(/\/+$/, "");
    var anchored = p.charAt(0) === "/" || p.indexOf("/") > 0;
    p = p.replace(/^\/+/, "");
    var re = "";
    for (var i = 0; i < p.length; i++) {
      var c = p.charAt(i);
      if (c === "*" && p.charAt(i + 1) === "*") {
        i++;
        if (p.charAt(i + 1) === "/") { i++; re += "(?:.*/)?"; } else re += ".*";
      } else if (c === "*") re += "[^/]*";
      else if (c === "?") re += "[^/]";
      else re += esc(c);
    }
    var tail = /\/\*$/.test(p) ? "$" : dirOnly ? "/" : "(?:/|$)";
    return new RegExp("^" + (anchored ? "" : "(?:.*/)?") + re + tail);
  }

  // A typed path as the rules see it: `/`-separated, no leading `./` or `/`.
  function normalize(path) {
    return path.trim().replace(/\\/g, "/").replace(/^(\.\/|\/)+/, "");
  }

  // The last rule of `rules` ([pattern, line, teams, others]) that matches `path`, or
  // null. Regular expressions are made once per rule and kept.
  function ownerOf(rules, path) {
    var p = normalize(path);
    if (!p) return null;
    for (var i = rules.length - 1; i >= 0; i--) {
      var r = rules[i];
      if (!r.re) r.re = matcher(r[0]);
      if (r.re.test(p) || (/\/$/.test(r[0]) && r.re.test(p + "/"))) return r;
    }
    return null;
  }

  var api = { matcher: matcher, normalize: normalize, ownerOf: ownerOf };
  if (typeof module !== "undefined") module.exports = api;
  if (typeof document === "undefined") return;
  window.orgbookOwner = api;

  var form = document.getElementById("owner-of");
  if (!form) return;
  var input = form.querySelector("input");
  var out = form.querySelector("output");
  var root = document.documentElement.getAttribute("data-root") || "";
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function load() {
    return typeof window.orgbookSearchFile === "function"
      ? window.orgbookSearchFile("code").catch(function () { return null; })
      : Promise.resolve(null);
  }
  function text(s) { return document.createTextNode(s); }
  function code(s) { var c = document.createElement("code"); c.textContent = s; return c; }

  function show(file, rule, path) {
    out.textContent = "";
    out.append(code(normalize(path)));
    if (!rule) {
      out.append(text(word("owner_no_rule", ": no rule in {file} matches it, so it has no code owner.", { file: file })));
      return;
    }
    var where = [text(" ("), code(rule[0]), text(", " + word("owner_rule_at", "{file} line {n}", { file: file, n: rule[1] }) + ")")];
    if (!rule[2].length && !rule[3].length) {
      out.append(text(word("owner_no_owner", ": no code owner; the last rule that matches it names none")));
    } else {
      out.append(text(word("owner_owned_by", " is owned by ")));
      rule[2].forEach(function (t, i) {
        if (i) out.append(text(", "));
        var a = document.createElement("a");
        a.href = root + t[1];
        a.textContent = t[0];
        out.append(a);
      });
      rule[3].forEach(function (o, i) { out.append(text(i || rule[2].length ? ", " + o : o)); });
    }
    where.forEach(function (n) { out.append(n); });
    out.append(text("."));
  }

  var seq = 0;
  function answer() {
    var path = input.value, mine = ++seq;
    if (!normalize(path)) { out.textContent = ""; return; }
    load().then(function (d) {
      if (mine !== seq) return;
      if (!d) { out.textContent = word("owner_unavailable", "The CODEOWNERS rules could not be loaded."); return; }
      show(d.file, ownerOf(d.rules, path), path);
    });
  }
  input.addEventListener("input", answer);
  // ownership.html?path=… (where the header search sends a path it has no team for)
  // answers at once; search.js runs after this file, so the answer waits for the page.
  var asked = new URLSearchParams(window.location.search).get("path");
  if (asked) {
    input.value = asked;
    if (document.readyState === "complete") answer(); else window.addEventListener("load", answer);
  }
})();
