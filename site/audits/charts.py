"""Scores over time: one line per location and procedure, its data table, one sentence."""

from collections import defaultdict

import plotly.graph_objects as go

from audits.selectors import TrendPoint
from dashboard.chart_layout import PALETTE, base_layout, legend_on_top, wrap
from dashboard.charts import Chart


def _percent(point: TrendPoint) -> str:
    return f"{point.tally.percent}%" if point.tally.percent is not None else "no score"


def _summary(series: dict[tuple[str, str], list[TrendPoint]]) -> str:
    """The series whose latest score is lowest, and how it moved since the round before."""
    latest = [
        (points[-1].tally.percent, key, points)
        for key, points in series.items()
        if points[-1].tally.percent is not None
    ]
    if not latest:
        return "No completed audit rounds at these locations yet."
    percent, (location, procedure), points = min(latest, key=lambda line: (line[0], line[1]))
    sentence = (
        f"Lowest latest score: {procedure} at {location}, {percent}% on "
        f"{points[-1].audited_on:%-d %b %Y}"
    )
    earlier = [p for p in points[:-1] if p.tally.percent is not None]
    if earlier:
        before = earlier[-1].tally.percent
        change = "up from" if percent > before else "down from" if percent < before else "as"
        sentence += f", {change} {before}% the round before"
    return sentence + "."


def score_trend_chart(points: list[TrendPoint]) -> Chart:
    """`points` as score_trend gives them (by location, procedure, date)."""
    series: dict[tuple[str, str], list[TrendPoint]] = defaultdict(list)
    for point in points:
        series[(point.location, point.procedure)].append(point)
    fig = go.Figure()
    for i, ((location, procedure), line) in enumerate(series.items()):
        scored = [p for p in line if p.tally.percent is not None]
        fig.add_trace(
            go.Scatter(
                x=[p.audited_on for p in scored],
                y=[p.tally.percent for p in scored],
                mode="lines+markers",
                name=wrap(f"{location}: {procedure}"),
                line={"color": PALETTE[i % len(PALETTE)]},
                marker={"size": 8},
                hovertemplate="%{x|%-d %b %Y}: %{y}%<extra></extra>",
            )
        )
    drawn = any(p.tally.percent is not None for p in points)
    if drawn:
        base_layout(fig, height=360)
        legend_on_top(fig)
        fig.update_layout(
            yaxis={"title": "Score (%)", "range": [0, 105], "fixedrange": True},
            # Rounds fall on days, not months: a plain date axis with few labels, so they
            # fit a phone's panel (the month-period axis overlapped its labels there).
            xaxis={"type": "date", "tickformat": "%b %Y", "nticks": 4, "fixedrange": True},
        )
    table = [
        [p.location, p.procedure, f"{p.audited_on:%-d %b %Y}", p.records, _percent(p)]
        for p in points
    ]
    return Chart(
        slug="audit-scores",
        title="Record audit scores over time",
        summary=_summary(series),
        table_head=["Location", "Procedure", "Audited on", "Records", "Score"],
        table=table,
        figure=fig if drawn else None,
    )
