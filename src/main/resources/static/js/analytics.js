// The analytics page's charts: Chart.js from the jar (webjar), data from the page's data-charts
// attribute (the CSP allows no inline script). A bar with a link opens its incidents.
(function () {
  "use strict";
  function start() {
    var root = document.getElementById("analytics-charts");
    if (!root || typeof Chart === "undefined") {
      return;
    }
    var data = JSON.parse(root.getAttribute("data-charts"));
    var minutes = function (s) { return s == null ? null : Math.round(s / 6) / 10; };
    var label = function (iso) {
      return data.bucketSeconds < 86400 ? iso.substring(5, 16).replace("T", " ") : iso.substring(0, 10);
    };
    new Chart(document.getElementById("chart-trend"), {
      data: {
        labels: data.trend.labels.map(label),
        datasets: [
          { type: "bar", label: "cycles", data: data.trend.cycles, yAxisID: "y" },
          { type: "line", label: "MTTR (min)", data: data.trend.mttr.map(minutes), yAxisID: "m", spanGaps: true },
          { type: "line", label: "MTTA (min)", data: data.trend.mtta.map(minutes), yAxisID: "m", spanGaps: true }
        ]
      },
      options: { scales: { y: { beginAtZero: true, position: "left" }, m: { beginAtZero: true, position: "right" } } }
    });
    function bars(id, rows) {
      new Chart(document.getElementById(id), {
        type: "bar",
        data: { labels: rows.labels, datasets: [{ label: "cycles", data: rows.cycles }] },
        options: {
          indexAxis: "y",
          onClick: function (event, elements) {
            if (elements.length && rows.links[elements[0].index]) {
              window.location.href = rows.links[elements[0].index];
            }
          }
        }
      });
    }
    bars("chart-services", data.services);
    bars("chart-severities", data.severities);
    new Chart(document.getElementById("chart-pages"), {
      type: "bar",
      data: {
        labels: data.pages.labels,
        datasets: [
          { label: "in hours", data: data.pages.inHours },
          { label: "out of hours", data: data.pages.outOfHours }
        ]
      },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }
    });
    root.setAttribute("data-drawn", "true");
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
