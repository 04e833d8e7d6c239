"""The drill-time chart: small multiples, one panel per drill scenario.

Each panel lists that drill's critical actions in the order they are usually reached, with
a bar to the median seconds from the drill's start and a whisker from the fastest run to
the slowest. Every panel shares one seconds axis, so panels compare at a glance; one line
per action over time (the chart this replaces) drew 18 tangled lines and a legend longer
than the plot.
"""

import textwrap
from collections import defaultdict
from dataclasses import dataclass
from statistics import median

import plotly.graph_objects as go

from dashboard.chart_layout import (
    BAR_WIDTH,
    FONT,
    PALETTE,
    ROW_PX,
    base_layout,
    label_rows,
    plain,
    shorten,
)
from dashboard.charts import Chart

# Between panels: the tick labels of the one above and the title of the one below.
PANEL_GAP_PX = 72
TOP_PX = 30  # the first panel's title, one line
TITLE_LINE_PX = 18
BOTTOM_PX = 76  # the last panel's ticks and the axis title's two lines
# A bold 14 px title on a phone: two lines of this many characters at most.
TITLE_CHARS = 34
TITLE_FONT = {**FONT, "size": 14, "weight": "bold", "color": "#1b2330"}
AXIS_TITLE = "Seconds from the drill's start<br>bar: median · line: fastest to slowest run"


@dataclass(frozen=True)
class ActionTimes:
    scenario: str
    action: str
    seconds: list[float]  # one per run, oldest first

    @property
    def median(self) -> float:
        return round(median(self.seconds), 1)

    @property
    def fastest(self) -> float:
        return round(min(self.seconds), 1)

    @property
    def slowest(self) -> float:
        return round(max(self.seconds), 1)

    @property
    def latest(self) -> float:
        return round(self.seconds[-1], 1)


def drill_times(*, times: list, scenario_titles: dict[int, str]) -> Chart:
    """Seconds from a drill's start to each critical action in finished runs (`times` oldest
    first, as drills.selectors.critical_action_times gives them), by scenario."""
    # By scenario, not by title: two drills may share a title and still be two drills.
    grouped: dict[tuple[str, int], dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for t in times:
        scenario = (scenario_titles.get(t.page_id, "Drill"), t.page_id)
        grouped[scenario][t.label].append(t.seconds_from_start)
    panels = [
        sorted(
            (ActionTimes(title, action, seconds) for action, seconds in actions.items()),
            key=lambda a: (a.median, a.action),
        )
        for (title, _), actions in sorted(grouped.items())
    ]
    table = [
        [a.action, a.scenario, len(a.seconds), a.median, a.fastest, a.slowest, a.latest]
        for panel in panels
        for a in panel
    ]
    slowest = max((a for panel in panels for a in panel), key=lambda a: a.median, default=None)
    summary = (
        f"{len(times)} critical actions timed in finished runs of {len(panels)} "
        f"drill{'s' if len(panels) != 1 else ''}; the slowest by median is "
        f"{slowest.scenario}: {slowest.action} at {slowest.median} s."
        if slowest
        else "No finished drill runs yet."
    )
    return Chart(
        slug="drill-times",
        title="Drill time to each critical action",
        summary=summary,
        table_head=[
            "Critical action",
            "Drill",
            "Runs",
            "Median seconds",
            "Fastest seconds",
            "Slowest seconds",
            "Latest seconds",
        ],
        table=table,
        figure=_small_multiples(panels) if panels else None,
    )


def _small_multiples(panels: list[list[ActionTimes]]) -> go.Figure:
    """One panel per scenario, stacked, each as tall as its actions need, one x range."""
    heights = [ROW_PX * len(panel) for panel in panels]
    plot_px = sum(heights) + PANEL_GAP_PX * (len(panels) - 1)
    longest = max(a.slowest for panel in panels for a in panel)
    titles = [_title(panel[0].scenario) for panel in panels]
    top_px = TOP_PX + TITLE_LINE_PX * titles[0].count("<br>")
    fig = base_layout(go.Figure(), height=plot_px + top_px + BOTTOM_PX)
    fig.update_layout(bargap=1 - BAR_WIDTH, margin={"l": 16, "t": top_px, "b": BOTTOM_PX})
    top = 0
    for i, (panel, height) in enumerate(zip(panels, heights, strict=True), start=1):
        suffix = "" if i == 1 else str(i)
        x, y = f"x{suffix}", f"y{suffix}"
        domain = [1 - (top + height) / plot_px, 1 - top / plot_px]
        top += height + PANEL_GAP_PX
        categories = [plain(a.action) for a in panel]
        fig.add_trace(
            go.Bar(
                x=[a.median for a in panel],
                y=categories,
                orientation="h",
                xaxis=x,
                yaxis=y,
                marker_color=PALETTE[0],
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": [round(a.slowest - a.median, 1) for a in panel],
                    "arrayminus": [round(a.median - a.fastest, 1) for a in panel],
                    "color": "#1b2330",
                    "thickness": 1.5,
                    "width": 5,
                },
                customdata=[[a.fastest, a.slowest, len(a.seconds)] for a in panel],
                hovertemplate=(
                    "%{y}<br>median %{x} s, fastest %{customdata[0]} s, "
                    "slowest %{customdata[1]} s (%{customdata[2]} runs)<extra></extra>"
                ),
            )
        )
        fig.update_layout(
            {
                f"xaxis{suffix}": {
                    "anchor": y,
                    "range": [0, max(round(longest * 1.08, 1), 1)],
                    "ticksuffix": " s",
                    "fixedrange": True,
                    "showticklabels": True,
                    **({"matches": "x"} if i > 1 else {}),
                },
                f"yaxis{suffix}": {"anchor": x, "domain": domain},
            }
        )
        # Weight through the font, not <b>: plotly draws <b> with a style attribute, which the
        # Content-Security-Policy refuses.
        fig.add_annotation(
            text=titles[i - 1],
            x=0,
            xref=f"{x} domain",
            xanchor="left",
            align="left",
            y=domain[1],
            yref="paper",
            yanchor="bottom",
            yshift=8,
            showarrow=False,
            font=TITLE_FONT,
        )
        label_rows(
            fig, categories=categories, labels=[shorten(a.action) for a in panel], xaxis=x, yaxis=y
        )
    fig.update_layout(
        {
            f"xaxis{'' if len(panels) == 1 else len(panels)}": {
                "title": {"text": AXIS_TITLE, "font": {"size": 12}}
            }
        }
    )
    return fig


def _title(scenario: str) -> str:
    """A scenario's title on at most two lines: too long for one on a phone, it is wrapped
    rather than cut, since the title tells the panels apart."""
    first, *rest = textwrap.wrap(scenario, TITLE_CHARS) or [scenario]
    if not rest:
        return plain(first)
    return f"{plain(first)}<br>{shorten(' '.join(rest), TITLE_CHARS)}"
