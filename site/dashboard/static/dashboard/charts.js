// Draws each server-built chart with the local plotly.js; the tables beside them carry the data.
// Both scripts are deferred: the page (summaries and data tables included) shows first, and the
// charts are drawn once it is parsed.
(function () {
  function drawCharts() {
    if (!window.Plotly) { return; }
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var source = document.getElementById(el.dataset.chart);
      if (!source) { return; }
      var figure = JSON.parse(source.textContent);
      window.Plotly.newPlot(el, figure.data, figure.layout, {
        displaylogo: false, responsive: true, modeBarButtonsToRemove: ["toImage"]
      }).then(function () { el.dataset.drawn = "true"; });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawCharts);
  } else {
    drawCharts();
  }
})();
