// Layout at any width: every table in the main content scrolls sideways inside its own box (.table-scroll) instead
// of widening the page. Templates may wrap their tables themselves; this wraps the others, also in content htmx
// swaps in. A box that actually overflows becomes a focusable, named region so the keyboard can scroll it; one that
// fits stays out of the tab order. A page sent back with a form's errors is made safe to reload (below). No inline
// script anywhere: the CSP forbids it.
(function () {
  "use strict";

  function wrap(root) {
    var tables = (root || document).querySelectorAll("main table");
    for (var i = 0; i < tables.length; i++) {
      var table = tables[i];
      if (table.parentElement && table.parentElement.classList.contains("table-scroll")) {
        continue;
      }
      var box = document.createElement("div");
      box.className = "table-scroll";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    }
    mark();
  }

  function mark() {
    var boxes = document.querySelectorAll(".table-scroll");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        if (!box.hasAttribute("aria-labelledby") && !box.hasAttribute("aria-label")) {
          var caption = box.querySelector("caption");
          box.setAttribute("aria-label", caption && caption.textContent.trim() ? caption.textContent.trim() : "Table");
        }
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
      }
    }
  }

  // A form sent back with its errors (HTTP 422) is a response to a POST: reloading it would send the form again.
  // The page names its own address (meta page-url), and the history entry becomes a plain visit to it, so a reload
  // shows the page afresh instead of resubmitting.
  var pageUrl = document.querySelector('meta[name="page-url"]');
  if (pageUrl && window.history && window.history.replaceState) {
    window.history.replaceState(null, "", pageUrl.getAttribute("content"));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { wrap(document); });
  } else {
    wrap(document);
  }
  window.addEventListener("resize", mark);
  document.addEventListener("htmx:afterSettle", function (event) { wrap(event.target); });
})();
