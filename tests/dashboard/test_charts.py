import datetime
from types import SimpleNamespace

from dashboard.charts import expiries_by_month, quiz_scores
from dashboard.drill_chart import drill_times

START = datetime.date(2026, 11, 24)


def test_expiries_are_counted_by_month_and_type_with_the_busiest_month_named():
    chart = expiries_by_month(
        expiries=[
            (datetime.date(2026, 11, 30), "BLS"),
            (datetime.date(2027, 2, 28), "BLS"),
            (datetime.date(2027, 2, 1), "ACLS"),
        ],
        start=START,
    )
    assert chart.table_head == ["Month", "ACLS", "BLS"]
    assert len(chart.table) == 12
    assert chart.table[0] == ["Nov 2026", 0, 1]
    assert chart.table[3] == ["Feb 2027", 1, 1]
    assert "busiest month is Feb 2027 with 2" in chart.summary
    assert chart.figure_data["data"][0]["type"] == "bar"
    # Each bar spans its month on a date axis, from this month to the twelfth.
    assert [trace["x"][0] for trace in chart.figure_data["data"]] == ["2026-11-01"] * 2
    assert chart.figure_data["layout"]["xaxis"]["range"] == ["2026-11-01", "2027-11-01"]


def test_no_expiries_draws_no_chart_but_says_so():
    chart = expiries_by_month(expiries=[], start=START)
    assert chart.figure is None and chart.figure_data == {}
    assert chart.summary == "No certifications expire in the next 12 months."


def test_quiz_scores_fall_in_fifths_and_the_weakest_module_is_named():
    chart = quiz_scores(
        scores=[("Peels", 0.1), ("Peels", 0.35), ("Peels", 0.9), ("Lasers", 1.0), ("Lasers", 0.8)]
    )
    assert chart.table == [["Lasers", 0, 0, 0, 0, 2, 2], ["Peels", 1, 1, 0, 0, 1, 3]]
    assert "Peels has the largest share under 40%" in chart.summary


def test_drill_times_give_the_slowest_critical_action_by_median():
    at = datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC)
    times = [
        SimpleNamespace(
            page_id=1, label="Give IM epinephrine", finished_at=at, seconds_from_start=s
        )
        for s in (40.0, 60.0, 200.0)
    ] + [SimpleNamespace(page_id=1, label="Call EMS", finished_at=at, seconds_from_start=30.0)]
    chart = drill_times(times=times, scenario_titles={1: "Anaphylaxis"})
    assert chart.table_head[:4] == ["Critical action", "Drill", "Runs", "Median seconds"]
    # Within a drill, in the order the actions are reached (by median).
    assert chart.table == [
        ["Call EMS", "Anaphylaxis", 1, 30.0, 30.0, 30.0, 30.0],
        ["Give IM epinephrine", "Anaphylaxis", 3, 60.0, 40.0, 200.0, 200.0],
    ]
    assert "slowest by median is Anaphylaxis: Give IM epinephrine at 60.0 s" in chart.summary
