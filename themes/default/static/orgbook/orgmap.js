// orgbook org map: optional pan and zoom for the inline SVG on orgmap.html.
// The map is complete and navigable without this script; it only adds zoom
// buttons, Ctrl/Cmd + wheel zoom and mouse drag-to-pan inside a scrollable
// viewport. Zooming rescales the SVG's width/height (its viewBox is fixed),
// so native scrolling, link focus and "scroll focused node into view" keep
// working for keyboard users exactly as without the script.
(function () {
  "use strict";
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

    button("\u2212", "Zoom out", function () { zoom(scale / STEP); });
    bar.appendChild(level);
    button("+", "Zoom in", function () { zoom(scale * STEP); });
    button("Fit", "Fit map to width", function () {
      zoom(Math.min(1, viewport.clientWidth / w0));
      viewport.scrollLeft = 0;
      viewport.scrollTop = 0;
    });
    button("1:1", "Actual size", function () { zoom(1); });
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

  function init() {
    var maps = document.querySelectorAll("svg.om-full");
    for (var i = 0; i < maps.length; i++) enhance(maps[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
