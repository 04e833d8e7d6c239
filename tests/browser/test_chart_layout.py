"""The dashboard's charts drawn by the vendored plotly.js in Chromium at a phone's panel width
(300 px) and beside another chart on a laptop (520 px): nothing wider than its panel, no
label over another, every label and legend entry inside the chart.

The figures come from the chart builders with clinic-sized data (tests/dashboard/
chart_samples.py) and are drawn in a blank page: what is measured is plotly's layout of our
figures, which no server is needed for. (/manage/ itself, at 390 and 1280 px, is in the
responsive pages' test.)"""

import json

import pytest

from tests.dashboard.chart_samples import all_charts
from tests.dashboard.plotly_bundle import BUNDLE

WIDTHS = (300, 520)

# Boxes of what plotly drew, in the chart's own coordinates: tick labels grouped by axis,
# annotations (labels above bars, panel titles), legend entries and the whole legend.
MEASURE = """(el) => {
  const origin = el.getBoundingClientRect();
  const box = (node) => {
    const r = node.getBoundingClientRect();
    return {left: r.left - origin.left, right: r.right - origin.left,
            top: r.top - origin.top, bottom: r.bottom - origin.top,
            text: node.textContent};
  };
  const ticks = new Map();  // each axis's layer of tick labels, per subplot
  el.querySelectorAll('.xtick text, .ytick text').forEach((node) => {
    const layer = node.closest('.xaxislayer-above, .yaxislayer-above');
    if (!node.textContent) return;
    if (!ticks.has(layer)) ticks.set(layer, []);
    ticks.get(layer).push(box(node));
  });
  const svg = el.querySelector('.main-svg');
  return {
    width: origin.width, height: origin.height,
    svgWidth: svg.getBoundingClientRect().width,
    ticks: Array.from(ticks.values()),
    annotations: Array.from(el.querySelectorAll('.annotation-text')).map(box),
    legendEntries: Array.from(el.querySelectorAll('.legend .traces')).map(box),
    legend: el.querySelector('.legend') ? box(el.querySelector('.legend')) : null,
  };
}"""


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"] - 0.5
        and b["left"] < a["right"] - 0.5
        and a["top"] < b["bottom"] - 0.5
        and b["top"] < a["bottom"] - 0.5
    )


def _inside(box: dict, drawn: dict) -> bool:
    return (
        box["left"] >= -0.5
        and box["right"] <= drawn["width"] + 0.5
        and box["top"] >= -0.5
        and box["bottom"] <= drawn["height"] + 0.5
    )


@pytest.fixture(scope="module")
def figures():
    return {chart.slug: chart.figure_data for chart in all_charts()}


@pytest.mark.parametrize("width", WIDTHS)
def test_charts_fit_their_panel_with_no_label_over_another(page, figures, width):
    page.set_content("<!DOCTYPE html><html><body style='margin:0'></body></html>")
    page.add_script_tag(path=BUNDLE)
    problems = []
    for slug, figure in figures.items():
        page.evaluate(
            """([slug, width, figure]) => {
              const el = document.createElement('div');
              el.id = 'plot-' + slug; el.style.width = width + 'px';
              document.body.appendChild(el);
              return Plotly.newPlot(el, figure.data, figure.layout, {responsive: true});
            }""",
            [slug, width, json.loads(json.dumps(figure))],
        )
        drawn = page.locator(f"#plot-{slug}").evaluate(MEASURE)
        if drawn["svgWidth"] > width + 0.5:
            problems.append(f"{slug}: drawn {drawn['svgWidth']} px wide in {width} px")
        for group in drawn["ticks"]:
            for i, a in enumerate(group):
                problems += [
                    f"{slug}: tick {a['text']!r} over {b['text']!r}"
                    for b in group[i + 1 :]
                    if _overlap(a, b)
                ]
        labels = drawn["annotations"] + drawn["legendEntries"]
        problems += [
            f"{slug}: {box['text']!r} cut off at the edge"
            for box in labels
            if not _inside(box, drawn)
        ]
        if drawn["legend"] and not _inside(drawn["legend"], drawn):
            problems.append(f"{slug}: legend clipped {drawn['legend']}")
        for i, a in enumerate(drawn["annotations"]):
            problems += [
                f"{slug}: {a['text']!r} over {b['text']!r}"
                for b in drawn["annotations"][i + 1 :]
                if _overlap(a, b)
            ]
    assert problems == []


def test_the_drill_chart_draws_one_panel_per_scenario(page, figures):
    page.set_content("<!DOCTYPE html><html><body></body></html>")
    page.add_script_tag(path=BUNDLE)
    page.evaluate(
        """(figure) => {
          const el = document.createElement('div'); el.id = 'drills'; el.style.width = '300px';
          document.body.appendChild(el);
          return Plotly.newPlot(el, figure.data, figure.layout);
        }""",
        json.loads(json.dumps(figures["drill-times"])),
    )
    assert page.locator("#drills .cartesianlayer .subplot").count() == 4
    assert page.locator("#drills .legend").count() == 0
