"""The charts read at phone width: drill times as one small panel per scenario, legends above
the plot, labels written above their bars, months on a date axis, author text escaped."""

import datetime
from collections import Counter
from types import SimpleNamespace

import pytest
from django.utils.html import escape

from dashboard.chart_layout import LABEL_CHARS, ROW_PX
from dashboard.charts import compliance_by_location, expiries_by_month, quiz_scores
from dashboard.drill_chart import drill_times
from organisation.compliance import Status
from tests.dashboard.plotly_bundle import clinic_with_charts

AT = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
SCENARIOS = {
    1: "Anaphylaxis after a topical anaesthetic",
    2: "Greyish blanching during laser vein removal",
    3: "Vasovagal collapse during microneedling",
}
LONG_ACTION = (
    "Hand over to EMS with the doses and times, the cream and the saturation that will not rise"
)


def _times(per_scenario: int = 6, runs: int = 3) -> list:
    return [
        SimpleNamespace(
            page_id=page_id,
            label=LONG_ACTION if step == 0 else f"Critical action {step} of drill {page_id}",
            finished_at=AT + datetime.timedelta(days=run),
            seconds_from_start=float(10 * step + 5 * run + page_id),
        )
        for page_id in SCENARIOS
        for run in range(runs)
        for step in range(per_scenario)
    ]


def _traces_by_panel(figure: dict) -> Counter:
    return Counter(trace.get("yaxis", "y") for trace in figure["data"])


@pytest.fixture
def drills():
    return drill_times(times=_times(), scenario_titles=SCENARIOS)


def test_drill_times_draw_one_panel_per_scenario_with_one_trace_each(drills):
    figure = drills.figure_data
    panels = _traces_by_panel(figure)
    assert sorted(panels) == ["y", "y2", "y3"]
    assert max(panels.values()) == 1  # one bar trace a panel, not a line per action
    layout = figure["layout"]
    # The panels share one seconds axis, with its labels under every panel.
    assert layout["xaxis2"]["matches"] == "x" and layout["xaxis3"]["matches"] == "x"
    assert all(layout[f"xaxis{n}"]["showticklabels"] for n in ("", "2", "3"))
    assert layout["showlegend"] is False


def test_each_drill_panel_is_as_tall_as_its_actions_and_panels_do_not_overlap(drills):
    layout = drills.figure_data["layout"]
    domains = [layout[f"yaxis{n}"]["domain"] for n in ("", "2", "3")]
    assert all(top > bottom for bottom, top in domains)
    assert all(lower[1] < upper[0] for upper, lower in zip(domains, domains[1:], strict=False))
    plot_px = layout["height"] - layout["margin"]["t"] - layout["margin"]["b"]
    for bottom, top in domains:
        assert round((top - bottom) * plot_px) == 6 * ROW_PX


def test_drill_panels_are_titled_by_scenario_and_each_action_labelled_in_full_or_cut(drills):
    texts = [a["text"] for a in drills.figure_data["layout"]["annotations"]]
    assert "Anaphylaxis after a topical<br>anaesthetic" in texts
    labels = [t for t in texts if "Critical action" in t or t.startswith("Hand over")]
    assert len(labels) == 3 * 6
    assert all(len(t) <= LABEL_CHARS for t in labels)
    assert "Hand over to EMS with the doses and times…" in labels
    # The whole label stays in the data table (and in the hover text, as the category).
    assert LONG_ACTION in [line[0] for line in drills.table]


def test_drill_whiskers_run_from_the_fastest_to_the_slowest_run(drills):
    trace = drills.figure_data["data"][0]
    row = drills.table[0]
    fastest, slowest = row[4], row[5]
    assert trace["x"][0] == row[3]
    assert trace["error_x"]["arrayminus"][0] == round(row[3] - fastest, 1)
    assert trace["error_x"]["array"][0] == round(slowest - row[3], 1)


def test_no_drill_runs_draw_nothing_but_say_so():
    chart = drill_times(times=[], scenario_titles={})
    assert chart.figure is None and chart.summary == "No finished drill runs yet."


def test_legends_sit_above_the_plot_where_plotly_makes_room_for_them():
    location = SimpleNamespace(pk=1, name="Brookline")
    charts = [
        compliance_by_location(
            counts={1: Counter({Status.CURRENT: 4, Status.OVERDUE: 1})}, locations=[location]
        ),
        expiries_by_month(expiries=[(datetime.date(2026, 12, 3), "BLS")], start=AT.date()),
        quiz_scores(scores=[("Peels", 0.5)]),
    ]
    for chart in charts:
        legend = chart.figure_data["layout"]["legend"]
        assert chart.figure_data["layout"]["showlegend"] is True, chart.slug
        assert (legend["orientation"], legend["yref"], legend["y"]) == ("h", "container", 1)
        assert legend["yanchor"] == "top", chart.slug


def test_months_are_a_date_axis_labelled_flat_in_the_middle_of_each_month():
    chart = expiries_by_month(expiries=[(datetime.date(2026, 12, 3), "BLS")], start=AT.date())
    axis = chart.figure_data["layout"]["xaxis"]
    assert axis["type"] == "date" and axis["ticklabelmode"] == "period"
    assert axis["tickangle"] == 0 and "dtick" not in axis  # plotly spaces them for the width
    assert chart.figure_data["data"][0]["xperiod"] == "M1"


def test_quiz_modules_are_written_above_their_bars_and_author_text_is_escaped():
    chart = quiz_scores(scores=[("Peels <b>2</b>", 0.5), ("Lasers", 0.9)])
    layout = chart.figure_data["layout"]
    assert layout["yaxis"]["showticklabels"] is False
    assert sorted(a["text"] for a in layout["annotations"]) == [
        "Lasers",
        "Peels &lt;b&gt;2&lt;/b&gt;",
    ]
    assert layout["height"] >= 2 * ROW_PX
    assert chart.table[1][0] == "Peels <b>2</b>"  # the table is escaped by the template


def test_every_chart_on_manage_keeps_its_summary_and_a_stacking_data_table(db, client):
    client.force_login(clinic_with_charts().user)
    response = client.get("/manage/")
    html = response.content.decode()
    for chart in response.context["charts"]:
        assert f'<figcaption class="chart__summary">{escape(chart.summary)}</figcaption>' in html
        table = html[html.index(f"chart-{chart.slug}-title") :].split("</table>")[0]
        assert '<table class="stack">' in table, chart.slug
        for head in chart.table_head[1:]:
            assert f'data-label="{head}"' in table or not chart.table, (chart.slug, head)


def test_two_drills_with_one_title_keep_a_panel_each():
    times = [
        SimpleNamespace(page_id=page_id, label="Call EMS", finished_at=AT, seconds_from_start=9.0)
        for page_id in (1, 2)
    ]
    chart = drill_times(times=times, scenario_titles={1: "Faint", 2: "Faint"})
    assert sorted(_traces_by_panel(chart.figure_data)) == ["y", "y2"]
    assert [line[:3] for line in chart.table] == [["Call EMS", "Faint", 1]] * 2
