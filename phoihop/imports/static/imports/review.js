// The review of an imported report: a click on a figure in the text brings its row into view;
// J / K move to the next / previous figure, X ticks or unticks it.
(function () {
  "use strict";
  var review = document.querySelector(".import-review");
  if (!review) return;
  var rows = Array.prototype.slice.call(review.querySelectorAll("tr[id^='row-']"));

  function show(row, focusSelect) {
    rows.forEach(function (r) { r.classList.remove("current"); });
    row.classList.add("current");
    row.scrollIntoView({block: "center"});
    var target = row.querySelector(focusSelect ? "select" : "input[type=checkbox]");
    if (target) target.focus({preventScroll: true});
  }

  review.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-row]");
    if (!link) return;
    var row = document.getElementById(link.dataset.row);
    if (!row) return;
    event.preventDefault();
    show(row, true);
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = (event.target.tagName || "").toLowerCase();
    var typing = tag === "textarea" || (tag === "input" && event.target.type !== "checkbox");
    if (typing || tag === "select") return;
    var current = review.querySelector("tr.current") || document.activeElement.closest("tr[id^='row-']");
    var index = current ? rows.indexOf(current) : -1;
    var key = event.key.toLowerCase();
    if (key === "j" || key === "k") {
      var next = rows[Math.min(rows.length - 1, Math.max(0, index + (key === "j" ? 1 : -1)))];
      if (next) { event.preventDefault(); show(next, false); }
    } else if (key === "x" && current) {
      var box = current.querySelector("input[type=checkbox]");
      if (box && !box.disabled) { event.preventDefault(); box.checked = !box.checked; }
    }
  });
})();
