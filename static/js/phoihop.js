/* The site's few behaviours, in one static file: the Content-Security-Policy allows no inline
   script. Each part acts only on the page that has its element. Loaded with `defer`, after htmx. */
(function () {
  "use strict";

  // A "back" link goes back in the browser's history when there is one; otherwise it follows
  // its href (the page it names).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[data-back]");
    if (link && window.history.length > 1) { event.preventDefault(); window.history.back(); }
  });

  // The entry page: warn before losing unsaved typing, and let htmx show the server's refusals
  // (400, 409) instead of dropping them.
  var form = document.getElementById("entry-form");
  if (form) {
    var dirty = false;
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
    document.body.addEventListener("phoihop-saved", function () { dirty = false; });
    document.body.addEventListener("phoihop-filled", function () { dirty = true; htmx.trigger(form, "change"); });
    document.body.addEventListener("htmx:beforeSwap", function (e) {
      var s = e.detail.xhr.status;
      if (s === 400 || s === 409) { e.detail.shouldSwap = true; e.detail.isError = false; }
    });
    window.addEventListener("beforeunload", function (e) { if (dirty) { e.preventDefault(); e.returnValue = ""; } });
  }

  // The review of an old report's import: a click on a figure in the text brings its row into
  // view and focuses its choice of indicator.
  var review = document.querySelector(".import-review");
  if (review) {
    review.addEventListener("click", function (event) {
      var link = event.target.closest("a[data-row]");
      if (!link) return;
      var row = document.getElementById(link.dataset.row);
      if (!row) return;
      event.preventDefault();
      document.querySelectorAll(".import-review tr.current").forEach(function (r) { r.classList.remove("current"); });
      row.classList.add("current");
      row.scrollIntoView({block: "center"});
      var select = row.querySelector("select");
      if (select) select.focus({preventScroll: true});
    });
  }
})();
