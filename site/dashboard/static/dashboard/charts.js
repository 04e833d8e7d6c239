// Draws each server-built chart with the local plotly.js; the tables beside them carry the data.
document.querySelectorAll("[data-chart]").forEach(function (el) {
  var source = document.getElementById(el.dataset.chart);
  if (!source || !window.Plotly) { return; }
  var figure = JSON.parse(source.textContent);
  window.Plotly.newPlot(el, figure.data, figure.layout, {
    displaylogo: false, responsive: true, modeBarButtonsToRemove: ["toImage"]
  }).then(function () { el.dataset.drawn = "true"; });
});
