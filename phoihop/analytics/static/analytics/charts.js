/* Draws the charts of the pivot and of the dashboard panels from the JSON each carries: every
   `.chart-set` holds its data (a json_script) and a `canvas.chart-bars` and/or a
   `canvas.chart-lines`. Runs on load and again after each htmx swap. */
(function () {
  "use strict";
  var palette = ["#7a1f1f", "#0b5cad", "#1e7b34", "#9a6700", "#6f42c1", "#b42318", "#0e7490",
                 "#5c6370", "#c2410c", "#4d7c0f"];
  var grouping = new Intl.NumberFormat("vi-VN");
  var drawn = [];

  function options(title) {
    return {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { title: { display: true, text: title }, legend: { position: "bottom" },
                 tooltip: { callbacks: { label: function (c) {
                   return (c.dataset.label ? c.dataset.label + ": " : "") + grouping.format(c.parsed.y);
                 } } } },
      scales: { y: { beginAtZero: true, ticks: { callback: function (v) { return grouping.format(v); } } } }
    };
  }

  function drawSet(set) {
    var source = set.querySelector('script[type="application/json"]');
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var bar = set.querySelector("canvas.chart-bars");
    if (bar && data.bars) {
      var barOptions = options(data.bars.title);
      barOptions.plugins.legend.display = false;  // one series, already named by the title
      drawn.push(new Chart(bar, { type: "bar", options: barOptions, data: {
        labels: data.bars.labels,
        datasets: [{ label: data.bars.title, data: data.bars.values, backgroundColor: palette[0] }]
      } }));
      bar.dataset.drawn = "1";
    }
    var line = set.querySelector("canvas.chart-lines");
    if (line && data.lines && data.lines.labels.length > 1) {
      drawn.push(new Chart(line, { type: "line", options: options(data.lines.title), data: {
        labels: data.lines.labels,
        datasets: data.lines.datasets.map(function (d, i) {
          return { label: d.label, data: d.values, borderColor: palette[i % palette.length],
                   backgroundColor: palette[i % palette.length], spanGaps: true };
        })
      } }));
      line.dataset.drawn = "1";
    }
  }

  function draw() {
    if (typeof Chart === "undefined") { return; }
    drawn.forEach(function (c) { c.destroy(); });
    drawn = [];
    document.querySelectorAll(".chart-set").forEach(drawSet);
  }

  document.addEventListener("DOMContentLoaded", draw);
  document.addEventListener("htmx:afterSettle", draw);
})();
