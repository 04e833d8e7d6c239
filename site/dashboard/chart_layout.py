"""How the dashboard's charts are laid out, so they read on a phone as well as a laptop.

The charts are drawn at whatever width the panel has (responsive), from 300 px on a phone to
about 520 px beside another chart. What goes wrong at 300 px is text: a long category name
as an axis label takes the whole width, a legend on one line runs off the panel, and twelve
month names collide. So: legends go above the plot in rows of fixed-width entries, category
names of horizontal bars are written above their bar (the full width of the panel, not a
margin beside it), and dates are left to a date axis, which spaces its ticks for the width.
"""

import textwrap
from html import escape

import plotly.graph_objects as go

FONT = {"family": "system-ui, sans-serif", "size": 13}
LABEL_FONT = {"family": "system-ui, sans-serif", "size": 12, "color": "#1b2330"}
# Okabe and Ito's palette: told apart with the common colour vision deficiencies.
PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]
# A row of a labelled bar chart: the label's line above, then the bar.
ROW_PX = 46
BAR_WIDTH = 0.42  # of a row: about 19 px of bar under a 16 px label
# About 290 px of 12 px text: what a 390 px phone leaves a label inside the panel.
LABEL_CHARS = 46


def plain(text: str) -> str:
    """`text` as plotly text: plotly reads a few HTML tags in labels, and a module or drill
    title is the author's, not markup."""
    return escape(text, quote=False)


def shorten(text: str, width: int = LABEL_CHARS) -> str:
    """`text` cut at a word to fit `width` characters, marked with an ellipsis when cut. The
    data table and the hover text keep the whole of it."""
    cut = textwrap.shorten(text, width=width, placeholder="…")
    if cut.endswith("…"):
        cut = cut[:-1].rstrip(",;:") + "…"
    return plain(cut)


def wrap(text: str, width: int = 30) -> str:
    """`text` on lines of `width` characters, for a legend entry (plotly does not wrap)."""
    return "<br>".join(plain(line) for line in textwrap.wrap(text, width=width)) or plain(text)


def base_layout(fig: go.Figure, *, height: int, barmode: str | None = None) -> go.Figure:
    fig.update_layout(
        margin={"l": 48, "r": 16, "t": 16, "b": 48},
        height=height,
        barmode=barmode,
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        font=FONT,
        showlegend=False,
        hoverlabel={"namelength": -1},
    )
    return fig


def legend_on_top(fig: go.Figure) -> go.Figure:
    """The legend above the plot, in as many rows of fixed-width entries as the width needs.

    Placed against the container, plotly makes room for it (the plot shrinks) instead of
    drawing it over the axis labels or past the bottom edge, where it was clipped."""
    fig.update_layout(
        showlegend=True,
        legend={
            "orientation": "h",
            "xref": "container",
            "x": 0,
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "traceorder": "normal",
            "entrywidth": 0,
            "font": {"size": 12},
        },
    )
    return fig


def label_rows(
    fig: go.Figure, *, categories: list[str], labels: list[str], xaxis: str = "x", yaxis: str = "y"
) -> go.Figure:
    """Write each category's label above its bar, from the left edge of the plot, and hide
    the axis labels beside the bars. `categories` are the y values as plotted."""
    fig.update_layout(
        {
            yaxis.replace("y", "yaxis"): {
                "showticklabels": False,
                "autorange": "reversed",
                "fixedrange": True,
                "showgrid": False,
            }
        }
    )
    for category, label in zip(categories, labels, strict=True):
        fig.add_annotation(
            x=0,
            xref=f"{xaxis} domain",
            xanchor="left",
            y=category,
            yref=yaxis,
            yanchor="bottom",
            # From the middle of the row to just above its bar.
            yshift=ROW_PX * BAR_WIDTH / 2 + 1,
            text=label,
            showarrow=False,
            align="left",
            font=LABEL_FONT,
        )
    return fig
