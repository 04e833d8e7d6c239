"""The dashboard's charts: a plotly figure for the eye and a table for a screen reader.

Figures are built here as plain data and drawn in the browser by plotly.js served from our
own static files. Every chart carries `summary` (one sentence) and `table` (the numbers).
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from dashboard.chart_layout import (
    BAR_WIDTH,
    PALETTE,
    ROW_PX,
    base_layout,
    label_rows,
    legend_on_top,
    plain,
    shorten,
    wrap,
)
from organisation.status import SATISFIED, STATUS_LABELS, Status, add_months

STATUS_COLOURS = {
    Status.CURRENT: "#2e7d4f",
    Status.DUE_SOON: "#c98a00",
    Status.AWAITING_VERIFICATION: "#1f6fb2",
    Status.OVERDUE: "#b3261e",
    Status.MISSING: "#6b3fa0",
    Status.EXEMPT: "#6b7785",
}


# Dates by the month: labels in the middle of their month, as many as the width holds
# (plotly picks every month, or every second or third), a small tick at each month.
MONTH_AXIS = {
    "type": "date",
    "ticklabelmode": "period",
    "tickformat": "%b %Y",
    "tickangle": 0,
    # Ticks outside push the labels below the minor ticks (and below the y axis's 0).
    "ticks": "outside",
    "ticklen": 6,
    "minor": {"dtick": "M1", "ticks": "outside", "ticklen": 3},
    "fixedrange": True,
}


@dataclass
class Chart:
    slug: str
    title: str
    summary: str
    table_head: list[str]
    table: list[list]
    figure: go.Figure | None

    @property
    def labelled_table(self) -> list[list[tuple[str, object]]]:
        """Each line's values beside their column's name, for a table that stacks on a phone."""
        return [list(zip(self.table_head, line, strict=True)) for line in self.table]

    @property
    def figure_data(self) -> dict:
        """The figure as plain JSON types, for the template's json_script."""
        if self.figure is None:
            return {}
        return json.loads(json.dumps(self.figure.to_plotly_json(), cls=PlotlyJSONEncoder))


def compliance_by_location(*, counts: dict[int, Counter], locations: list) -> Chart:
    """Per location, how many requirements are in each status. `counts` maps a location's
    pk to its status counts (the matrix counts them)."""
    shown = [loc for loc in locations if counts.get(loc.pk)]
    names = [loc.name for loc in shown]
    fig = go.Figure(
        [
            go.Bar(
                name=str(STATUS_LABELS[status]),
                x=[plain(name) for name in names],
                y=[counts[loc.pk][status] for loc in shown],
                marker_color=STATUS_COLOURS[status],
            )
            for status in Status
        ]
    )
    table = [
        [loc.name] + [counts[loc.pk][status] for status in Status] + [_share(counts[loc.pk])]
        for loc in shown
    ]
    worst = min(table, key=lambda line: line[-1], default=None)
    summary = (
        f"{worst[0]} has the lowest share of current (or exempt) requirements ({worst[-1]}%)."
        if worst
        else "No requirements apply to these staff yet."
    )
    if shown:
        base_layout(fig, height=360, barmode="stack")
        legend_on_top(fig)
        fig.update_layout(yaxis_title="Requirements", xaxis={"automargin": True})
    return Chart(
        slug="compliance-by-location",
        title="Compliance by location",
        summary=summary,
        table_head=["Location"] + [str(STATUS_LABELS[s]) for s in Status] + ["% current or exempt"],
        table=table,
        figure=fig if shown else None,
    )


def coverage(*, forecasts: list) -> Chart:
    """Current holders per day over the forecast window, one line per minimum rule, and its
    minimum as a dashed line of the same colour."""
    fig = go.Figure()
    for i, item in enumerate(forecasts):
        colour = PALETTE[i % len(PALETTE)]
        fig.add_trace(
            go.Scatter(
                x=item.days,
                y=item.holders,
                mode="lines",
                name=wrap(item.label),
                legendgroup=str(i),
                line={"shape": "hv", "color": colour},
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[item.days[0], item.days[-1]],
                y=[item.minimum.minimum] * 2,
                mode="lines",
                name=wrap(f"needed: {item.minimum.minimum} ({item.minimum.location.name})"),
                legendgroup=str(i),
                line={"dash": "dash", "width": 1, "color": colour},
                showlegend=False,
            )
        )
    table = [
        [
            item.label,
            item.holders[0] if item.holders else 0,
            item.minimum.minimum,
            f"{item.first_short_on:%-d %b %Y}" if item.first_short_on else "not in 180 days",
        ]
        for item in forecasts
    ]
    short = [item.sentence for item in forecasts if item.first_short_on]
    summary = (
        " ".join(short)
        if short
        else (
            "Every location keeps its minimum cover for the next 180 days."
            if forecasts
            else "No coverage minimums are set for these locations."
        )
    )
    if forecasts:
        base_layout(fig, height=360)
        legend_on_top(fig)
        fig.update_layout(
            yaxis={"title": "Current holders (dashed: needed)", "rangemode": "tozero"},
            xaxis=MONTH_AXIS,
        )
    return Chart(
        slug="coverage",
        title="Coverage forecast, next 180 days",
        summary=summary,
        table_head=["Minimum", "Holders today", "Needed", "First day short"],
        table=table,
        figure=fig if forecasts else None,
    )


SCORE_BANDS = ["0-19%", "20-39%", "40-59%", "60-79%", "80-100%"]
# Low to high, red to green, each step distinguishable in greyscale too.
SCORE_BAND_COLOURS = ["#8c1d18", "#d0542c", "#e3a21a", "#7fb069", "#2e7d4f"]


def quiz_scores(*, scores: list[tuple[str, float]]) -> Chart:
    """How many attempts at each module fell in each fifth of the score range."""
    bands: dict[str, list[int]] = defaultdict(lambda: [0] * len(SCORE_BANDS))
    for title, score in scores:
        bands[title][min(int(score * len(SCORE_BANDS)), len(SCORE_BANDS) - 1)] += 1
    modules = sorted(bands)
    categories = [plain(m) for m in modules]
    # Horizontal bars, each module's title written above its bar: titles are long and read
    # badly as rotated axis labels or squeezed into a margin on a phone.
    fig = go.Figure(
        [
            go.Bar(
                name=band,
                y=categories,
                x=[bands[m][i] for m in modules],
                orientation="h",
                marker_color=SCORE_BAND_COLOURS[i],
                hovertemplate="%{y}: %{x} attempts scored " + band + "<extra></extra>",
            )
            for i, band in enumerate(SCORE_BANDS)
        ]
    )
    table = [[m, *bands[m], sum(bands[m])] for m in modules]
    low = max(table, key=lambda line: sum(line[1:3]) / line[-1], default=None)
    summary = (
        f"{len(scores)} quiz attempts; {low[0]} has the largest share under 40%."
        if scores
        else "No quiz attempts yet."
    )
    if scores:
        # The legend takes up to three rows on a phone above the rows of bars.
        base_layout(fig, height=ROW_PX * len(modules) + 150, barmode="stack")
        legend_on_top(fig)
        fig.update_layout(
            bargap=1 - BAR_WIDTH,
            margin={"l": 16},
            xaxis={"title": "Attempts", "rangemode": "tozero"},
        )
        label_rows(fig, categories=categories, labels=[shorten(m) for m in modules])
    return Chart(
        slug="quiz-scores",
        title="Quiz score distribution per module",
        summary=summary,
        table_head=["Module", *SCORE_BANDS, "Attempts"],
        table=table,
        figure=fig if scores else None,
    )


def _share(counter: Counter) -> int:
    total = sum(counter.values())
    # An exemption counts as compliant, as in the matrix's headline (organisation.status).
    return round(100 * sum(counter[s] for s in SATISFIED) / total) if total else 100


def expiries_by_month(*, expiries: list[tuple[date, str]], start: date) -> Chart:
    """How many cards of each type expire in each of the next 12 months."""
    months = [add_months(start.replace(day=1), i) for i in range(12)]
    labels = [m.strftime("%b %Y") for m in months]
    by_type: dict[str, Counter] = defaultdict(Counter)
    for expires_on, type_code in expiries:
        by_type[type_code][expires_on.replace(day=1)] += 1
    types = sorted(by_type)
    # Months on a date axis, each bar across its month: plotly then labels as many months as
    # the width has room for (every month on a laptop, every second or third on a phone)
    # where twelve category labels collided.
    fig = go.Figure(
        [
            go.Bar(
                name=plain(code),
                x=months,
                y=[by_type[code][m] for m in months],
                xperiod="M1",
                xperiodalignment="middle",
                marker_color=PALETTE[i % len(PALETTE)],
                hovertemplate="%{x|%b %Y}: %{y} " + plain(code) + "<extra></extra>",
            )
            for i, code in enumerate(types)
        ]
    )
    table = [
        [label] + [by_type[code][m] for code in types]
        for label, m in zip(labels, months, strict=True)
    ]
    busiest = max(table, key=lambda line: sum(line[1:]), default=None)
    noun = "certification expires" if len(expiries) == 1 else "certifications expire"
    summary = (
        f"{len(expiries)} {noun} in the next 12 months; the busiest month is "
        f"{busiest[0]} with {sum(busiest[1:])}."
        if expiries
        else "No certifications expire in the next 12 months."
    )
    if expiries:
        base_layout(fig, height=340, barmode="stack")
        legend_on_top(fig)
        fig.update_layout(
            yaxis={"title": "Cards expiring", "rangemode": "tozero"},
            xaxis={
                **MONTH_AXIS,
                "range": [months[0].isoformat(), add_months(months[-1], 1).isoformat()],
            },
        )
    return Chart(
        slug="expiries",
        title="Expiries over the next 12 months",
        summary=summary,
        table_head=["Month"] + types,
        table=table,
        figure=fig if expiries else None,
    )
