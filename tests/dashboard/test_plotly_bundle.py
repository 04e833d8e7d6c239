"""The vendored plotly.js bundle fits plotly.py and our charts: the plotly.js version plotly.py
builds figures for, and every trace type a chart of ours can draw."""

import ast

import plotly
import plotly.graph_objects as go
from django.conf import settings
from plotly.basedatatypes import BaseTraceType

from tests.dashboard.plotly_bundle import (
    BUNDLE,
    bundle_trace_types,
    bundle_version,
    clinic_with_charts,
)

# Our code, where any figure would be built (the tests and the virtualenv aside).
SOURCE_ROOTS = ("site", "content", "certifications", "training", "drills")


def test_the_bundle_is_the_plotly_js_version_plotly_py_targets():
    wanted = plotly.offline.get_plotlyjs_version()
    assert bundle_version() == wanted, (
        f"plotly {plotly.__version__} builds figures for plotly.js {wanted}: vendor "
        f"plotly.js-basic-dist-min@{wanted} as {BUNDLE.parent / 'README.md'} says"
    )
    assert f"**plotly.js {wanted}**" in (BUNDLE.parent / "README.md").read_text()


def trace_types_in_source() -> dict[str, set[str]]:
    """{trace type: files} for every plotly trace our code constructs (go.Bar(...),
    fig.add_scatter(...)), and "plotly.express" for any file importing a figure maker whose
    traces cannot be read off the source. A trace class (`go.Image`) counts only in a file that
    imports plotly: elsewhere `Image` is Pillow's or ReportLab's."""
    classes = {name: getattr(go, name) for name in go.__all__}  # imported lazily
    traces = {
        name: cls().type
        for name, cls in classes.items()
        if isinstance(cls, type) and issubclass(cls, BaseTraceType)
    }
    found: dict[str, set[str]] = {}
    for root in SOURCE_ROOTS:
        for path in (settings.BASE_DIR / root).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            uses_plotly = any(
                name.split(".")[0] == "plotly"
                for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom | ast.Import)
                for name in (
                    [node.module or ""]
                    if isinstance(node, ast.ImportFrom)
                    else [alias.name for alias in node.names]
                )
            )
            for node in ast.walk(tree):
                kind = None
                if uses_plotly and isinstance(node, ast.Attribute) and node.attr in traces:
                    kind = traces[node.attr]
                elif isinstance(node, ast.Attribute) and node.attr.startswith("add_"):
                    kind = next((t for t in traces.values() if node.attr == f"add_{t}"), None)
                elif isinstance(node, ast.ImportFrom | ast.Import):
                    modules = [node.module] if isinstance(node, ast.ImportFrom) else []
                    modules += [alias.name for alias in node.names]
                    if any(
                        m and m.startswith(("plotly.express", "plotly.figure_factory"))
                        for m in modules
                    ):
                        kind = "plotly.express"
                if kind:
                    found.setdefault(kind, set()).add(str(path.relative_to(settings.BASE_DIR)))
    return found


def test_every_trace_our_code_builds_is_in_the_bundle():
    found = trace_types_in_source()
    assert {"bar", "scatter"} <= set(found), found  # the scan sees the charts we know of
    missing = {kind: files for kind, files in found.items() if kind not in bundle_trace_types()}
    assert not missing, f"traces the bundle {BUNDLE.name} cannot draw: {missing}"


def test_the_charts_on_manage_draw_only_traces_the_bundle_has(db, client):
    client.force_login(clinic_with_charts().user)
    charts = client.get("/manage/").context["charts"]
    drawn = [chart for chart in charts if chart.figure is not None]
    assert {chart.slug for chart in drawn} >= {"coverage", "expiries", "compliance-by-location"}
    used = {trace["type"] for chart in drawn for trace in chart.figure_data["data"]}
    assert used == {"bar", "scatter"}
    assert used <= bundle_trace_types()
