"""The incidents chart: how many incidents of each complication type per month over the last
12 months, a bar per month stacked by type, with a table of month, location and type (the
location lives in the table and the hover text: a stack per location and type would give a
phone more legend than chart). Drawn as the dashboard's charts are (dashboard.charts)."""

from collections import Counter, defaultdict
from datetime import date

import plotly.graph_objects as go

from dashboard.chart_layout import PALETTE, base_layout, legend_on_top, plain
from dashboard.charts import MONTH_AXIS, Chart
from incidents.models import Complication
from organisation.status import add_months

MONTHS = 12


def first_month(today: date) -> date:
    """The first day of the chart's first month: eleven months before this one."""
    return add_months(today.replace(day=1), -(MONTHS - 1))


def incidents_by_month(*, counts: Counter[tuple[date, str, str]], today: date) -> Chart:
    """`counts`: (first of the month, location name, complication) -> incidents."""
    months = [add_months(first_month(today), i) for i in range(MONTHS)]
    by_type: dict[str, Counter] = defaultdict(Counter)
    where: dict[tuple[str, date], Counter] = defaultdict(Counter)
    for (month, location, complication), n in counts.items():
        by_type[complication][month] += n
        where[(complication, month)][location] += n
    names = dict(Complication.choices)
    types = [c for c in Complication.values if c in by_type]
    fig = go.Figure(
        [
            go.Bar(
                name=plain(str(names[kind])),
                x=months,
                y=[by_type[kind][m] for m in months],
                xperiod="M1",
                xperiodalignment="middle",
                marker_color=PALETTE[i % len(PALETTE)],
                customdata=[
                    plain(", ".join(f"{loc} {n}" for loc, n in sorted(where[(kind, m)].items())))
                    for m in months
                ],
                hovertemplate="%{x|%b %Y}: %{y} "
                + plain(str(names[kind]).lower())
                + " (%{customdata})<extra></extra>",
            )
            for i, kind in enumerate(types)
        ]
    )
    table = [
        [month.strftime("%b %Y"), location, str(names[kind]), n]
        for (month, location, kind), n in sorted(
            counts.items(), key=lambda item: (item[0][0], item[0][1], item[0][2])
        )
    ]
    total = sum(counts.values())
    if total:
        commonest = max(types, key=lambda kind: (sum(by_type[kind].values()), kind))
        busiest = max(months, key=lambda m: (sum(by_type[k][m] for k in types), m))
        noun = "incident" if total == 1 else "incidents"
        summary = (
            f"{total} {noun} in the last {MONTHS} months at your locations; the commonest "
            f"complication was {str(names[commonest]).lower()} "
            f"({sum(by_type[commonest].values())}), and the busiest month {busiest:%b %Y} "
            f"({sum(by_type[k][busiest] for k in types)})."
        )
        base_layout(fig, height=340, barmode="stack")
        legend_on_top(fig)
        fig.update_layout(
            yaxis={"title": "Incidents", "rangemode": "tozero", "dtick": 1},
            xaxis={
                **MONTH_AXIS,
                "range": [months[0].isoformat(), add_months(months[-1], 1).isoformat()],
            },
        )
    else:
        summary = f"No incidents in the last {MONTHS} months at your locations."
    return Chart(
        slug="incidents",
        title=f"Incidents by type and month, last {MONTHS} months",
        summary=summary,
        table_head=["Month", "Location", "Complication", "Incidents"],
        table=table,
        figure=fig if total else None,
    )
