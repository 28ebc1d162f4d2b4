// orgbook org map: optional pan and zoom for the inline SVG on orgmap.html.
// The map is complete and navigable without this script; it only adds zoom
// buttons, Ctrl/Cmd + wheel zoom and mouse drag-to-pan inside a scrollable
// viewport. Zooming rescales the SVG's width/height (its viewBox is fixed),
// so native scrolling, link focus and "scroll focused node into view" keep
// working for keyboard users exactly as without the script.
(function () {
  "use strict";

  // The interface's words in the page's language: search.js's word() (src/ui_text.rs);
  // English, filled, where the theme has no search.js.
  function word(key, english, fill) {
    if (window.orgbookWord) return window.orgbookWord(key, english, fill);
    var w = typeof english === "string" ? english : Number((fill || {}).n) === 1 ? english.one : english.other;
    return Object.keys(fill || {}).reduce(function (s, k) { return s.split("{" + k + "}").join(String(fill[k])); }, w);
  }
  var MIN = 0.2;
  var MAX = 2;
  var STEP = 1.25;

  function enhance(svg) {
    var w0 = Number(svg.getAttribute("width"));
    var h0 = Number(svg.getAttribute("height"));
    if (!w0 || !h0) return;

    var viewport = svg.parentNode;
    if (!viewport.classList || !viewport.classList.contains("om-viewport")) {
      viewport = document.createElement("div");
      viewport.className = "om-viewport";
      svg.parentNode.insertBefore(viewport, svg);
      viewport.appendChild(svg);
    }
    viewport.style.overflow = "auto";
    if (!viewport.style.maxHeight) viewport.style.maxHeight = "80vh";
    viewport.style.cursor = "grab";

    var bar = document.createElement("div");
    bar.className = "om-zoom";
    bar.setAttribute("role", "toolbar");
    bar.setAttribute("aria-label", "Org map zoom");
    var level = document.createElement("output");
    level.setAttribute("aria-live", "polite");
    var scale = 1;

    // Zoom to s keeping the map point under viewport position (cx, cy) fixed.
    function zoom(s, cx, cy) {
      s = Math.min(MAX, Math.max(MIN, s));
      if (cx === undefined) {
        cx = viewport.clientWidth / 2;
        cy = viewport.clientHeight / 2;
      }
      var mx = (viewport.scrollLeft + cx) / scale;
      var my = (viewport.scrollTop + cy) / scale;
      scale = s;
      svg.setAttribute("width", String(Math.round(w0 * s)));
      svg.setAttribute("height", String(Math.round(h0 * s)));
      viewport.scrollLeft = mx * s - cx;
      viewport.scrollTop = my * s - cy;
      level.textContent = Math.round(s * 100) + "%";
    }

    function button(text, label, action) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.title = label;
      b.setAttribute("aria-label", label);
      b.addEventListener("click", action);
      bar.appendChild(b);
    }

    button("\u2212", word("zoom_out", "Zoom out"), function () { zoom(scale / STEP); });
    bar.appendChild(level);
    button("+", word("zoom_in", "Zoom in"), function () { zoom(scale * STEP); });
    button(word("zoom_fit", "Fit"), word("zoom_fit_label", "Fit map to width"), function () {
      zoom(Math.min(1, viewport.clientWidth / w0));
      viewport.scrollLeft = 0;
      viewport.scrollTop = 0;
    });
    button("100%", word("zoom_actual", "Actual size (100%)"), function () { zoom(1); });
    viewport.parentNode.insertBefore(bar, viewport);
    level.textContent = "100%";

    viewport.addEventListener("wheel", function (e) {
      if (!(e.ctrlKey || e.metaKey)) return; // plain wheel keeps scrolling
      e.preventDefault();
      var r = viewport.getBoundingClientRect();
      zoom(scale * (e.deltaY < 0 ? STEP : 1 / STEP), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });

    // Mouse only: touch and pens already pan the scroll container natively.
    var drag = null;
    var dragged = false;
    viewport.addEventListener("pointerdown", function (e) {
      if (e.pointerType !== "mouse" || e.button !== 0) return;
      drag = { x: e.clientX, y: e.clientY, left: viewport.scrollLeft, top: viewport.scrollTop };
      dragged = false;
    });
    window.addEventListener("pointermove", function (e) {
      if (!drag) return;
      var dx = e.clientX - drag.x;
      var dy = e.clientY - drag.y;
      if (!dragged && Math.abs(dx) + Math.abs(dy) < 5) return;
      dragged = true;
      viewport.style.cursor = "grabbing";
      viewport.style.userSelect = "none";
      viewport.scrollLeft = drag.left - dx;
      viewport.scrollTop = drag.top - dy;
    });
    window.addEventListener("pointerup", function () {
      drag = null;
      viewport.style.cursor = "grab";
      viewport.style.userSelect = "";
    });
    // A drag that ends on a node must not follow its link.
    viewport.addEventListener("click", function (e) {
      if (dragged) {
        e.preventDefault();
        e.stopPropagation();
        dragged = false;
      }
    }, true);
    viewport.addEventListener("dragstart", function (e) { e.preventDefault(); });

    // orgmap.html#om-<slug> (each node's id) lands with that node centred.
    if (location.hash.indexOf("#om-") === 0) {
      var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (target && svg.contains(target) && target.scrollIntoView) {
        target.scrollIntoView({ block: "center", inline: "center" });
      }
    }
  }

  // "Find a team": matches names from orgmap/teams.json ([name, page#om-slug, group]),
  // jumps to the team's box (opening its group) and highlights it. The index
  // (src/render/find.rs) is that one array when small; else a manifest of word keys and,
  // per key, a file of the teams with a word starting with it (or, when that would be too
  // long, its best few and the keys that continue it). A lookup fetches the manifest and
  // the files on the way to one word, never the whole index.
  function findBox(form) {
    var input = form.querySelector("input");
    var list = form.querySelector(".om-find-results");
    var status = form.querySelector(".om-find-status");
    var root = document.documentElement.getAttribute("data-root") || "";
    var manifest = form.getAttribute("data-teams");
    var dir = manifest.replace(/[^\/]*$/, "") + "teams/";
    var files = {};
    var seq = 0;
    // A word: a run of anything but ASCII punctuation, space and controls (as find.rs).
    var SEP = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+/;
    function words(s) { return s.toLowerCase().split(SEP).filter(function (w) { return w; }); }
    function get(url) {
      if (!files[url]) {
        files[url] = fetch(url).then(function (r) { return r.ok ? r.json() : null; })
          .catch(function () { return null; });
      }
      return files[url];
    }
    function load() { return get(manifest); }
    function hex(s) {
      var b = new TextEncoder().encode(s), h = "";
      for (var i = 0; i < b.length; i++) h += (b[i] < 16 ? "0" : "") + b[i].toString(16);
      return h;
    }
    // The teams with a word starting with `w`: {list, complete}; when `w` ends on a file
    // too long to keep whole, its best few (complete false). A split file lists the
    // suffixes that continue its key, each with a file.
    function byWord(m, w) {
      var cps = Array.from(w);
      function step(key) {
        return get(dir + "k" + hex(key) + ".json").then(function (f) {
          if (!f) return { list: [], complete: true };
          if (Array.isArray(f)) return { list: f, complete: true };
          var rest = cps.slice(Array.from(key).length).join("");
          if (!rest) return { list: f.top, complete: false };
          for (var i = 0; i < f.more.length; i++) {
            var s = f.more[i];
            if (rest.indexOf(s) === 0 || s.indexOf(rest) === 0) return step(key + s);
          }
          return { list: [], complete: true };
        });
      }
      var first = cps.length ? cps[0] : "";
      return m.keys.indexOf(first) >= 0 ? step(first) : Promise.resolve({ list: [], complete: true });
    }
    // The teams a query is matched against: all of them (one file), or those with a word
    // starting with one of the query's words, trying its words joined (names are indexed
    // whole too) and then the longest first.
    function candidates(q) {
      return load().then(function (m) {
        if (!m) return [];
        if (Array.isArray(m)) return m;
        var ws = words(q);
        var whole = ws.length > 1 ? ws.join(" ") : null;
        if (whole) ws.push(whole);
        ws.sort(function (a, b) { return b.length - a.length; });
        if (!ws.length) ws = [""];
        var partial = null;
        function next(i) {
          if (i >= ws.length) return partial ? partial.list : [];
          return byWord(m, ws[i]).then(function (r) {
            // No name starts with the whole query: its words may still be in other names.
            if (r.complete && !r.list.length && ws[i] === whole) return next(i + 1);
            if (r.complete) return r.list;
            if (!partial) partial = r;
            return next(i + 1);
          });
        }
        return next(0);
      });
    }
    // Names starting with the query, then names with a word starting with each query word,
    // then names containing the query; each in map order.
    function matches(teams, q) {
      q = q.trim().toLowerCase();
      if (!q) return [];
      var qw = words(q);
      var starts = [], prefixed = [], contains = [];
      for (var i = 0; i < teams.length; i++) {
        var n = String(teams[i][0]).toLowerCase();
        var nw = qw.length ? words(n) : [];
        var each = qw.length > 0 && qw.every(function (w) {
          return nw.some(function (x) { return x.indexOf(w) === 0; });
        });
        if (n.indexOf(q) === 0) starts.push(teams[i]);
        else if (each) prefixed.push(teams[i]);
        else if (n.indexOf(q) > 0) contains.push(teams[i]);
      }
      return starts.concat(prefixed, contains).slice(0, 8);
    }
    function lookup(q) {
      return candidates(q).then(function (teams) { return matches(teams, q); });
    }
    function go(t) {
      var target = t[1];
      var hash = target.slice(target.indexOf("#"));
      var here = document.getElementById(hash.slice(1));
      if (here) {
        if (location.hash === hash) show(here); else location.hash = hash;
      } else {
        location.href = root + target;
      }
    }
    function render() {
      var mine = ++seq;
      lookup(input.value).then(function (hits) {
        if (mine !== seq) return;
        list.innerHTML = "";
        hits.forEach(function (t) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = root + t[1];
          a.textContent = t[0];
          if (t[2]) {
            var g = document.createElement("span");
            g.className = "muted";
            g.textContent = " · " + t[2];
            a.appendChild(g);
          }
          a.addEventListener("click", function (e) { e.preventDefault(); go(t); });
          li.appendChild(a);
          list.appendChild(li);
        });
        status.textContent = input.value.trim()
          ? word("teams_found", { one: "{n} team found", other: "{n} teams found" }, { n: hits.length }) : "";
      });
    }
    input.addEventListener("focus", load);
    input.addEventListener("input", render);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      lookup(input.value).then(function (hits) {
        if (hits.length) go(hits[0]);
        else status.textContent = word("no_team_matches", "No team matches \u201c{q}\u201d", { q: input.value });
      });
    });
  }

  // Brings a team's box into view: open its group, scroll to it, mark it.
  function show(el) {
    var d = el.closest ? el.closest("details") : null;
    if (d) d.open = true;
    var old = document.querySelectorAll(".om-found");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("om-found");
    el.classList.add("om-found");
    if (el.scrollIntoView) el.scrollIntoView({ block: "center", inline: "center" });
    if (el.focus) el.focus({ preventScroll: true });
  }

  function onHash() {
    if (location.hash.indexOf("#om-") !== 0) return;
    var el = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (el) show(el);
  }

  function init() {
    var maps = document.querySelectorAll(".om-zoomable > svg.om-full");
    for (var i = 0; i < maps.length; i++) enhance(maps[i]);
    var finds = document.querySelectorAll("form.om-find");
    for (var j = 0; j < finds.length; j++) findBox(finds[j]);
    window.addEventListener("hashchange", onHash);
    onHash();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
