// "Who owns a file or folder?" on the ownership index: matches a path against the
// handbook's CODEOWNERS rules (ownership/code.json, fetched on first use) the way GitHub
// does, the last matching rule winning, and names that rule's teams. Loaded only on the
// ownership index of a handbook that has a CODEOWNERS file.
(function () {
  "use strict";

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

  if (typeof module !== "undefined") module.exports = { matcher: matcher, ownerOf: ownerOf };
  if (typeof document === "undefined") return;

  var form = document.getElementById("owner-of");
  if (!form) return;
  var input = form.querySelector("input");
  var out = form.querySelector("output");
  var root = document.documentElement.getAttribute("data-root") || "";
  var data = null;
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  function load() {
    if (!data) {
      data = fetch(form.getAttribute("data-rules"))
        .then(function (r) { return r.ok ? r.json() : null; })
        .catch(function () { return null; });
    }
    return data;
  }
  function text(s) { return document.createTextNode(s); }
  function code(s) { var c = document.createElement("code"); c.textContent = s; return c; }

  function show(file, rule, path) {
    out.textContent = "";
    out.append(code(normalize(path)));
    if (!rule) {
      out.append(text(": no rule in " + file + " matches it, so it has no code owner."));
      return;
    }
    var where = [text(" ("), code(rule[0]), text(", " + file + " line " + rule[1] + ")")];
    if (!rule[2].length && !rule[3].length) {
      out.append(text(": no code owner; the last rule that matches it names none"));
    } else {
      out.append(text(" is owned by "));
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
  input.addEventListener("input", function () {
    var path = input.value, mine = ++seq;
    if (!normalize(path)) { out.textContent = ""; return; }
    load().then(function (d) {
      if (mine !== seq) return;
      if (!d) { out.textContent = "The CODEOWNERS rules could not be loaded."; return; }
      show(d.file, ownerOf(d.rules, path), path);
    });
  });
})();
