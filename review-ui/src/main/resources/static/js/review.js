// Review timer: shows the time spent on a record against the 20-minute time box and reports it to the server
// every 30 seconds, when the page is left, and with the submission. No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";
  var timer = document.getElementById("review-timer");
  if (!timer) {
    return;
  }
  var output = document.getElementById("timer-value");
  var reviewId = timer.getAttribute("data-review-id");
  var spent = parseInt(timer.getAttribute("data-seconds-spent"), 10) || 0;
  var budget = parseInt(timer.getAttribute("data-budget-seconds"), 10) || 1200;
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');
  var started = Date.now();
  var reported = 0;

  function elapsed() {
    return Math.floor((Date.now() - started) / 1000);
  }

  function show() {
    var total = spent + elapsed();
    var minutes = Math.floor(total / 60);
    var seconds = total % 60;
    output.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    timer.classList.toggle("over-budget", total > budget);
  }

  function report(keepalive) {
    var now = elapsed();
    var delta = now - reported;
    if (delta <= 0 || !tokenMeta || !headerMeta) {
      return;
    }
    reported = now;
    var headers = { "Content-Type": "application/x-www-form-urlencoded" };
    headers[headerMeta.getAttribute("content")] = tokenMeta.getAttribute("content");
    fetch("/reviews/" + encodeURIComponent(reviewId) + "/time", {
      method: "POST",
      headers: headers,
      body: "seconds=" + delta,
      credentials: "same-origin",
      keepalive: keepalive
    }).catch(function () {
      reported -= delta; // try again with the next report
    });
  }

  show();
  window.setInterval(show, 1000);
  window.setInterval(function () { report(false); }, 30000);
  document.addEventListener("submit", function (event) {
    // the submit form carries the unreported seconds itself, so the time is saved with the submission in one request;
    // a separate request could arrive after it and leave the submission's "minutes spent" short
    var field = event.target.querySelector ? event.target.querySelector("input.timer-seconds") : null;
    if (field) {
      var now = elapsed();
      field.value = String(Math.max(0, now - reported));
      reported = now;
    } else {
      report(true);
    }
  });
  window.addEventListener("pagehide", function () { report(true); });
})();
