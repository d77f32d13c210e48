// Record page: keeps evidence one click away when the timeline is filtered or grouped, and takes the reviewer to a
// form that needs correcting. No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";

  // a target inside a closed group of administrations: open the group so the row can be seen
  function reveal(id) {
    var target = id ? document.getElementById(id) : null;
    if (!target) {
      return false;
    }
    for (var node = target.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open) {
        node.open = true;
      }
    }
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.jump") : null;
    if (!link) {
      return;
    }
    var id = decodeURIComponent(link.hash.substring(1));
    if (!reveal(id)) {
      // hidden by the kind filter: show the whole timeline at that place (the record's own address, not the address
      // of a form that was shown again)
      var form = document.getElementById("timeline-filter");
      event.preventDefault();
      window.location.assign((form ? form.getAttribute("action") : window.location.pathname) + link.hash);
    }
  });

  window.addEventListener("hashchange", function () {
    reveal(decodeURIComponent(window.location.hash.substring(1)));
  });

  function start() {
    if (window.location.hash) {
      var id = decodeURIComponent(window.location.hash.substring(1));
      if (reveal(id)) {
        document.getElementById(id).scrollIntoView();
      }
    }
    // a form shown again with its errors: its summary takes the focus, so the reviewer lands on it
    var errors = document.querySelector("[data-focus-on-load]");
    if (errors) {
      errors.focus();
      errors.scrollIntoView({ block: "center" });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
