import datetime
from collections import Counter

from incidents.chart import first_month, incidents_by_month
from incidents.selectors import monthly_counts

from tests.incidents.conftest import make_incident

TODAY = datetime.date(2026, 3, 3)


def test_counts_per_month_location_and_type_in_table_summary_and_bars():
    counts = Counter(
        {
            (datetime.date(2026, 1, 1), "North", "burn"): 2,
            (datetime.date(2026, 1, 1), "South", "burn"): 1,
            (datetime.date(2026, 3, 1), "North", "vasovagal"): 1,
        }
    )
    chart = incidents_by_month(counts=counts, today=TODAY)
    assert chart.table == [
        ["Jan 2026", "North", "Burn", 2],
        ["Jan 2026", "South", "Burn", 1],
        ["Mar 2026", "North", "Vasovagal episode", 1],
    ]
    assert chart.summary == (
        "4 incidents in the last 12 months at your locations; the commonest complication was "
        "burn (3), and the busiest month Jan 2026 (3)."
    )
    bars = {bar.name: list(bar.y) for bar in chart.figure.data}
    assert bars["Burn"][9] == 3 and bars["Vasovagal episode"][11] == 1
    assert len(bars["Burn"]) == 12 and sum(bars["Burn"]) == 3


def test_no_incidents_no_figure():
    chart = incidents_by_month(counts=Counter(), today=TODAY)
    assert chart.figure is None and chart.table == []
    assert chart.summary.startswith("No incidents")


def test_monthly_counts_read_the_viewers_locations_by_local_month(
    north, south, maria, oscar, nadia
):
    make_incident(north, maria, [nadia])
    make_incident(north, maria, [nadia], occurred_on=datetime.date(2026, 2, 27))
    make_incident(north, maria, [nadia], occurred_on=datetime.date(2025, 2, 27))  # too old
    counts = monthly_counts(maria.user, since=first_month(TODAY))
    assert counts == Counter(
        {
            (datetime.date(2026, 3, 1), "North", "burn"): 1,
            (datetime.date(2026, 2, 1), "North", "burn"): 1,
        }
    )
    assert monthly_counts(oscar.user, since=first_month(TODAY)) == Counter()
