"""The dashboard's charts: a plotly figure for the eye and a table for a screen reader.

Figures are built here as plain data and drawn in the browser by plotly.js served from our
own static files. Every chart carries `summary` (one sentence) and `table` (the numbers).
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from statistics import median

import plotly.graph_objects as go
from plotly.utils import PlotlyJSONEncoder

from organisation.compliance import STATUS_LABELS, Status

STATUS_COLOURS = {
    Status.CURRENT: "#2e7d4f",
    Status.DUE_SOON: "#c98a00",
    Status.AWAITING_VERIFICATION: "#1f6fb2",
    Status.OVERDUE: "#b3261e",
    Status.MISSING: "#6b3fa0",
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
    def figure_data(self) -> dict:
        """The figure as plain JSON types, for the template's json_script."""
        if self.figure is None:
            return {}
        return json.loads(json.dumps(self.figure.to_plotly_json(), cls=PlotlyJSONEncoder))


def _layout(fig: go.Figure, *, y_title: str, barmode: str | None = None) -> go.Figure:
    fig.update_layout(
        margin={"l": 48, "r": 16, "t": 16, "b": 48},
        height=320,
        legend={"orientation": "h", "y": -0.2},
        yaxis_title=y_title,
        barmode=barmode,
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        font={"family": "system-ui, sans-serif", "size": 13},
    )
    return fig


def compliance_by_location(*, counts: dict[int, Counter], locations: list) -> Chart:
    """Per location, how many requirements are in each status. `counts` maps a location's
    pk to its status counts (the matrix counts them)."""
    shown = [loc for loc in locations if counts.get(loc.pk)]
    names = [loc.name for loc in shown]
    fig = go.Figure(
        [
            go.Bar(
                name=str(STATUS_LABELS[status]),
                x=names,
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
        f"{worst[0]} has the lowest share of current requirements ({worst[-1]}%)."
        if worst
        else "No requirements apply to these staff yet."
    )
    return Chart(
        slug="compliance-by-location",
        title="Compliance by location",
        summary=summary,
        table_head=["Location"] + [str(STATUS_LABELS[s]) for s in Status] + ["% current"],
        table=table,
        figure=_layout(fig, y_title="Requirements", barmode="stack") if shown else None,
    )


def coverage(*, forecasts: list) -> Chart:
    """Current holders per day over the forecast window, one line per minimum rule."""
    fig = go.Figure()
    for item in forecasts:
        fig.add_trace(
            go.Scatter(
                x=item.days, y=item.holders, mode="lines", name=item.label, line={"shape": "hv"}
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[item.days[0], item.days[-1]],
                y=[item.minimum.minimum] * 2,
                mode="lines",
                name=f"minimum ({item.minimum.location.name})",
                line={"dash": "dash", "width": 1},
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
    return Chart(
        slug="coverage",
        title="Coverage forecast, next 180 days",
        summary=summary,
        table_head=["Minimum", "Holders today", "Needed", "First day short"],
        table=table,
        figure=_layout(fig, y_title="Current holders") if forecasts else None,
    )


def critical_action_trend(*, times: list, scenario_titles: dict[int, str]) -> Chart:
    """Seconds from a drill's start to each critical action, run by run, over time."""
    series: dict[str, list] = defaultdict(list)
    for t in times:
        series[f"{scenario_titles.get(t.page_id, 'Drill')}: {t.label}"].append(t)
    fig = go.Figure(
        [
            go.Scatter(
                name=name,
                x=[t.finished_at for t in points],
                y=[round(t.seconds_from_start, 1) for t in points],
                mode="lines+markers",
            )
            for name, points in sorted(series.items())
        ]
    )
    table = [
        [
            name,
            len(points),
            round(median(p.seconds_from_start for p in points), 1),
            round(points[-1].seconds_from_start, 1),
        ]
        for name, points in sorted(series.items())
    ]
    slowest = max(table, key=lambda line: line[2], default=None)
    summary = (
        f"{len(times)} critical actions timed in finished drills; the slowest by median is "
        f"{slowest[0]} at {slowest[2]} s."
        if slowest
        else "No finished drill runs yet."
    )
    return Chart(
        slug="drill-times",
        title="Drill time to each critical action",
        summary=summary,
        table_head=["Critical action", "Runs", "Median seconds", "Latest seconds"],
        table=table,
        figure=_layout(fig, y_title="Seconds from start") if times else None,
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
    # Horizontal bars: module titles are long and read badly as rotated axis labels.
    fig = go.Figure(
        [
            go.Bar(
                name=band,
                y=modules,
                x=[bands[m][i] for m in modules],
                orientation="h",
                marker_color=SCORE_BAND_COLOURS[i],
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
    return Chart(
        slug="quiz-scores",
        title="Quiz score distribution per module",
        summary=summary,
        table_head=["Module", *SCORE_BANDS, "Attempts"],
        table=table,
        figure=_score_layout(fig, len(modules)) if scores else None,
    )


def _score_layout(fig: go.Figure, rows: int) -> go.Figure:
    _layout(fig, y_title="", barmode="stack")
    fig.update_layout(
        height=max(320, 120 + 36 * rows),
        xaxis_title="Attempts",
        yaxis={"automargin": True, "autorange": "reversed"},
        margin={"l": 16, "r": 16, "t": 40, "b": 48},
        legend={
            "orientation": "h",
            "xref": "container",
            "x": 0,
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "traceorder": "normal",
        },
    )
    return fig


def _share(counter: Counter) -> int:
    total = sum(counter.values())
    return round(100 * counter[Status.CURRENT] / total) if total else 100


def expiries_by_month(*, expiries: list[tuple[date, str]], start: date) -> Chart:
    """How many cards of each type expire in each of the next 12 months."""
    months = [_add_months(start.replace(day=1), i) for i in range(12)]
    labels = [m.strftime("%b %Y") for m in months]
    by_type: dict[str, Counter] = defaultdict(Counter)
    for expires_on, type_code in expiries:
        by_type[type_code][expires_on.replace(day=1)] += 1
    types = sorted(by_type)
    fig = go.Figure(
        [go.Bar(name=code, x=labels, y=[by_type[code][m] for m in months]) for code in types]
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
    return Chart(
        slug="expiries",
        title="Expiries over the next 12 months",
        summary=summary,
        table_head=["Month"] + types,
        table=table,
        figure=_layout(fig, y_title="Cards expiring", barmode="stack") if expiries else None,
    )


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return day.replace(year=day.year + index // 12, month=index % 12 + 1)
