"""The map: a drill graph drawn as SVG on the server (no JavaScript, no CDN).

Nodes are laid out in rows by their breadth-first depth from the start; choices are arrows,
critical actions red and thick, timeouts dashed, end nodes coloured by outcome.
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from drills.graph import GOOD, HARM, PARTIAL, Graph, Node

BOX_W, BOX_H = 170, 50
GAP_X, GAP_Y = 30, 80
MARGIN = 20
OUTCOME_FILL = {GOOD: "#d8f3dc", PARTIAL: "#fff3bf", HARM: "#ffd6d6"}
CRITICAL = "#c92a2a"
PLAIN = "#495057"


def _short(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def layout(graph: Graph) -> dict[str, tuple[int, int]]:
    """key -> (x, y) of each node's box: rows by depth, unreached nodes in a last row."""
    depths = graph.depths()
    last = max(depths.values(), default=-1) + 1
    rows: dict[int, list[Node]] = {}
    for node in graph.nodes:
        if node.key in graph.by_key and graph.by_key[node.key] is node:
            rows.setdefault(depths.get(node.key, last), []).append(node)
    widest = max((len(r) for r in rows.values()), default=1)
    total_w = widest * (BOX_W + GAP_X) - GAP_X
    positions = {}
    for depth, row in sorted(rows.items()):
        row_w = len(row) * (BOX_W + GAP_X) - GAP_X
        left = MARGIN + (total_w - row_w) // 2
        for i, node in enumerate(row):
            positions[node.key] = (left + i * (BOX_W + GAP_X), MARGIN + depth * (BOX_H + GAP_Y))
    return positions


def _curve(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    """The four points of a cubic Bézier from one box to another."""
    (sx, sy), (ex, ey) = start, end
    if ey > sy:  # downwards: bottom centre to top centre
        x1, y1, x2, y2 = sx + BOX_W // 2, sy + BOX_H, ex + BOX_W // 2, ey
        return [(x1, y1), (x1, y1 + GAP_Y // 2), (x2, y2 - GAP_Y // 2), (x2, y2)]
    if ey == sy:  # along a row: side to side
        if ex > sx:
            x1, x2 = sx + BOX_W, ex
        else:
            x1, x2 = sx, ex + BOX_W
        y = sy + BOX_H // 2
        return [(x1, y), ((x1 + x2) // 2, y - 30), ((x1 + x2) // 2, y - 30), (x2, y)]
    # Back up the graph: leave from the right side, loop round to the target's right side.
    x1, y1, x2, y2 = sx + BOX_W, sy + BOX_H // 2, ex + BOX_W, ey + BOX_H // 2
    return [(x1, y1), (x1 + 50, y1), (x2 + 50, y2), (x2, y2)]


def _edge(start, end, *, colour, width, dashed, title, label="") -> str:
    p0, p1, p2, p3 = _curve(start, end)
    d = f"M{p0[0]},{p0[1]} C{p1[0]},{p1[1]} {p2[0]},{p2[1]} {p3[0]},{p3[1]}"
    dash = ' stroke-dasharray="6 4"' if dashed else ""
    marker = "arrow-critical" if colour == CRITICAL else "arrow"
    text = ""
    if label:
        mx = (p0[0] + 3 * p1[0] + 3 * p2[0] + p3[0]) / 8
        my = (p0[1] + 3 * p1[1] + 3 * p2[1] + p3[1]) / 8
        text = (
            f'<text x="{mx + 4:.0f}" y="{my:.0f}" font-size="11" fill="{colour}" '
            f'paint-order="stroke" stroke="#fff" stroke-width="3">{escape(label)}</text>'
        )
    return (
        f'<g><title>{escape(title)}</title><path d="{d}" fill="none" stroke="{colour}" '
        f'stroke-width="{width}"{dash} marker-end="url(#{marker})"/>{text}</g>'
    )


def render_map(graph: Graph) -> SafeString:
    """The whole graph as one inline <svg>, sized to fit; an empty graph gives a short note."""
    if not graph.nodes:
        return mark_safe('<p class="helptext">No nodes yet.</p>')
    positions = layout(graph)
    width = max(x for x, _ in positions.values()) + BOX_W + MARGIN + 60
    height = max(y for _, y in positions.values()) + BOX_H + MARGIN
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="drill-map" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="drill-map-title">',
        f'<title id="drill-map-title">Map of the drill: {len(graph.nodes)} nodes; red arrows are '
        "critical actions, dashed arrows are timeouts.</title>",
        "<defs>",
        f'<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="9" '
        f'markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{PLAIN}"/></marker>',
        f'<marker id="arrow-critical" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="11" '
        f'markerHeight="11" markerUnits="userSpaceOnUse" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{CRITICAL}"/></marker>',
        "</defs>",
    ]
    for node in graph.nodes:
        if node.key not in positions or graph.by_key[node.key] is not node:
            continue
        for choice in node.choices:
            if choice.next_key in positions:
                points = f"{choice.points:+d}"
                star = " (critical action)" if choice.critical else ""
                parts.append(
                    _edge(
                        positions[node.key],
                        positions[choice.next_key],
                        colour=CRITICAL if choice.critical else PLAIN,
                        width=3 if choice.critical else 1.5,
                        dashed=False,
                        title=f"{node.key} → {choice.next_key}: {choice.label} [{points}]{star}",
                        label=f"{points}{' !' if choice.critical else ''}",
                    )
                )
        if node.timer_seconds and node.timeout_next in positions:
            parts.append(
                _edge(
                    positions[node.key],
                    positions[node.timeout_next],
                    colour=PLAIN,
                    width=1.5,
                    dashed=True,
                    title=f"{node.key} → {node.timeout_next}: timeout after {node.timer_seconds} s",
                )
            )
    for node in graph.nodes:
        if node.key not in positions or graph.by_key[node.key] is not node:
            continue
        x, y = positions[node.key]
        fill = OUTCOME_FILL.get(node.outcome, "#ffffff")
        stroke_w = 3 if node.start else 1.5
        first = "▶ " if node.start else ""
        timer = f" · timer {node.timer_seconds} s" if node.timer_seconds else ""
        second = f"end: {node.outcome}" if node.is_end else f"{node.key}{timer}"
        critical = any(c.critical for c in node.choices)
        parts.append(
            f'<g class="drill-map__node" data-key="{escape(node.key)}">'
            f"<title>{escape(node.key)}: {escape(node.title)}</title>"
            f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{fill}" '
            f'stroke="{CRITICAL if critical else "#212529"}" stroke-width="{stroke_w}"/>'
            f'<text x="{x + 8}" y="{y + 20}" font-size="13" font-weight="600" '
            f'fill="#212529">{escape(first + _short(node.title or node.key))}</text>'
            f'<text x="{x + 8}" y="{y + 38}" font-size="11" fill="#495057">'
            f"{escape(_short(second, 28))}</text></g>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
