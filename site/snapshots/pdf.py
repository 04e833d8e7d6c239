"""A month-end snapshot as a PDF: each person and where they stood on each requirement.

Drawn once, when the snapshot is taken, from the frozen matrix alone. Every value from the
database goes through `escape` before a Paragraph reads it, as in dashboard.inspection.
"""

import io
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from organisation.status import Status


def snapshot_pdf(
    *,
    location_name: str,
    month_end: date,
    taken_at: datetime,
    matrix: list[dict],
    compliant_count: int,
) -> bytes:
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8.5, leading=10.5)
    buffer = io.BytesIO()
    title = f"Month-end snapshot - {location_name} - {month_end:%B %Y}"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=title,
        author="ReadyRoom",
    )
    story = [
        Paragraph(f"Month-end snapshot: {escape(location_name)}", styles["Title"]),
        Paragraph(
            f"Compliance as of <b>{month_end:%-d %B %Y}</b>, the month's last day at the "
            f"location. {len(matrix)} active staff, {compliant_count} fully compliant. Taken "
            f"{taken_at:%-d %B %Y %H:%M} UTC and kept unchanged since.",
            styles["BodyText"],
        ),
        Spacer(1, 4 * mm),
    ]
    for person in matrix:
        table = [["Requirement", "Kind", "Status", "Due / expires"]]
        shading = []
        for i, row in enumerate(person["rows"], start=1):
            status = Status(row["status"])
            due_on = date.fromisoformat(row["due_on"]) if row["due_on"] else None
            table.append(
                [
                    Paragraph(escape(row["label"]), small),
                    row["kind"],
                    status.label + (f" ({row['detail']})" if row["detail"] else ""),
                    f"{due_on:%-d %b %Y}" if due_on else "-",
                ]
            )
            background, text = (colors.HexColor(c) for c in status.colours)
            shading += [
                ("BACKGROUND", (2, i), (2, i), background),
                ("TEXTCOLOR", (2, i), (2, i), text),
            ]
        if len(table) == 1:
            table.append(["No requirements applied to this person's roles.", "", "", ""])
        grid = Table(table, colWidths=[120 * mm, 35 * mm, 50 * mm, 40 * mm], repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9eef2")),
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b8c3cc")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    *shading,
                ]
            )
        )
        heading = f"{escape(person['name'])} <font size=9>({escape(person['roles'])})</font>"
        story.append(
            KeepTogether([Paragraph(heading, styles["Heading3"]), grid, Spacer(1, 3 * mm)])
        )
    doc.build(story)
    return buffer.getvalue()
