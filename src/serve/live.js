// orgbook serve: reloads the page when the site changes and shows build errors over it.
// Loaded only under `orgbook serve` (never in `orgbook build` output). Events come from
// /__orgbook/events (server-sent events): `hello` (the state on connect), `errors` (the
// errors now; empty when fixed) and `reload` (which output paths changed).
(function () {
  "use strict";
  if (!window.EventSource) return;

  // The output path of this page, as the server names it ("teams/index.html").
  function here() {
    var p = decodeURIComponent(location.pathname).replace(/^\/+/, "");
    if (p === "" || p.endsWith("/")) p += "index.html";
    return p;
  }

  var version = null;
  var host = null;
  var dismissed = false;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  var CSS =
    ":host{all:initial}" +
    ".panel{position:fixed;inset:auto 0 0 0;max-height:70vh;overflow:auto;z-index:2147483647;" +
    "background:#1d1f24;color:#f1f3f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
    "border-top:4px solid #ff6b6b;box-shadow:0 -4px 24px rgba(0,0,0,.35);padding:12px 16px 16px}" +
    "h2{font:600 15px/1.4 system-ui,sans-serif;margin:0 0 8px;color:#ff8787}" +
    "p.note{font:13px/1.4 system-ui,sans-serif;color:#adb5bd;margin:0 0 12px}" +
    "ol{list-style:none;margin:0;padding:0}" +
    "li{margin:0 0 12px;padding:8px 10px;background:#26292f;border-radius:6px}" +
    ".loc{color:#74c0fc}.code{color:#ffa8a8}.msg{color:#f8f9fa;white-space:pre-wrap}" +
    "pre{margin:6px 0 0;color:#dee2e6;white-space:pre;overflow-x:auto}" +
    ".caret{color:#ff6b6b}.help{color:#b2f2bb;margin-top:4px;white-space:pre-wrap}" +
    "button{position:absolute;top:8px;right:12px;background:none;border:1px solid #495057;color:#f1f3f5;" +
    "border-radius:4px;font:14px system-ui,sans-serif;padding:2px 8px;cursor:pointer}";

  function hide() {
    if (host) host.remove();
    host = null;
  }

  function show(errors) {
    hide();
    if (!errors || errors.length === 0) {
      dismissed = false;
      return;
    }
    if (dismissed) return;
    host = el("div", { id: "orgbook-error-overlay" });
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    root.appendChild(el("style", {}, CSS));
    var panel = el("section", { class: "panel", role: "alert", "aria-label": "Build errors" });
    var close = el("button", { type: "button", "aria-label": "Hide until the next change" }, "×");
    close.onclick = function () { dismissed = true; hide(); };
    panel.appendChild(close);
    panel.appendChild(el("h2", {}, errors.length + (errors.length === 1 ? " error" : " errors") +
      " in the handbook"));
    panel.appendChild(el("p", { class: "note" },
      "Still serving the last good version of the site. Fix the files and save: this page reloads by itself."));
    var list = el("ol");
    errors.forEach(function (d) {
      var item = el("li");
      var loc = d.file + (d.line > 0 ? ":" + d.line + ":" + d.column : "");
      var head = el("div");
      head.appendChild(el("span", { class: "loc" }, loc));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", { class: "code" }, "error[" + d.code + "]"));
      head.appendChild(document.createTextNode(" "));
      head.appendChild(el("span", { class: "msg" }, d.message));
      item.appendChild(head);
      if (d.source_line != null && d.line > 0) {
        var gutter = String(d.line) + " | ";
        var pre = el("pre", {}, gutter + d.source_line + "\n");
        var caret = " ".repeat(gutter.length + Math.max(0, d.column - 1)) +
          "^".repeat(Math.max(1, d.span_len));
        pre.appendChild(el("span", { class: "caret" }, caret));
        item.appendChild(pre);
      }
      if (d.help) item.appendChild(el("div", { class: "help" }, "help: " + d.help));
      list.appendChild(item);
    });
    panel.appendChild(list);
    root.appendChild(panel);
    document.documentElement.appendChild(host);
  }

  var source = new EventSource("/__orgbook/events");
  source.addEventListener("hello", function (e) {
    var s = JSON.parse(e.data);
    // Reconnected after the site changed (or after a restart): catch up.
    if (version !== null && s.version !== version) return location.reload();
    version = s.version;
    // For tests and the curious: the stream is connected.
    window.orgbookLive = { version: version };
    show(s.errors);
  });
  source.addEventListener("errors", function (e) {
    dismissed = false;
    show(JSON.parse(e.data).errors);
  });
  source.addEventListener("reload", function (e) {
    var r = JSON.parse(e.data);
    version = r.version;
    window.orgbookLive = { version: version };
    if (r.assets || r.changed.indexOf(here()) >= 0) location.reload();
  });
})();
