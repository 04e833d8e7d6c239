"""The inspection packet: one location's staff, their status, verified cards, training and
drills as of a date, as a PDF a manager hands to an inspector.

ReportLab's Paragraph reads its text as markup (`<a href>`, `<img>`, `<font>`): every value
that comes from the database goes through `_text()` before it reaches one, so a name prints as
the characters typed. Table cells given as plain strings are drawn as they are.
"""

import io
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from dashboard.inspection_kits import KitLog, kit_section
from organisation.compliance import ComplianceRow
from organisation.models import Location, StaffProfile
from organisation.status import Status

# The status vocabulary's colours (organisation.status), as the site paints them.
STATUS_COLOURS = {status: tuple(map(colors.HexColor, status.colours)) for status in Status}


@dataclass(frozen=True)
class VerifiedCard:
    staff_id: int
    type_name: str
    card_number: str
    issued_on: date
    expires_on: date
    verified_by: str
    verified_at: datetime | None


def inspection_pdf(
    *,
    location: Location,
    as_of: date,
    staff: list[StaffProfile],
    rows: list[ComplianceRow],
    cards: list[VerifiedCard],
    prepared_by: str,
    prepared_at: datetime,
    kit_logs: list[KitLog] | None = None,
    kit_since: date | None = None,
) -> bytes:
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=8.5, leading=10.5)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=14 * mm,
        rightMargin=14 * mm,
        topMargin=14 * mm,
        bottomMargin=14 * mm,
        title=f"Inspection packet - {location.name} - {as_of}",
        author="ReadyRoom",
    )
    compliant = sum(1 for p in staff if all(not r.needs_action for r in rows if r.staff_id == p.pk))
    story = [
        Paragraph(f"Inspection packet: {_text(location.name)}", styles["Title"]),
        Paragraph(
            f"Status as of <b>{as_of:%-d %B %Y}</b>. {len(staff)} active staff, "
            f"{compliant} fully compliant. Prepared by {_text(prepared_by)} on "
            f"{prepared_at:%-d %B %Y %H:%M} UTC from ReadyRoom's records.",
            styles["BodyText"],
        ),
        Spacer(1, 4 * mm),
    ]
    rows_by_staff: dict[int, list[ComplianceRow]] = defaultdict(list)
    for row in rows:
        rows_by_staff[row.staff_id].append(row)
    cards_by_staff: dict[int, list[VerifiedCard]] = defaultdict(list)
    for card in cards:
        cards_by_staff[card.staff_id].append(card)

    for profile in staff:
        roles = _text(", ".join(r.name for r in profile.role_list))
        block = [
            Paragraph(
                f"{_text(profile.display_name)} <font size=9>({roles})</font>", styles["Heading3"]
            )
        ]
        table = [["Requirement", "Kind", "Status", "Due / expires"]]
        shading = []
        for i, row in enumerate(rows_by_staff.get(profile.pk, []), start=1):
            table.append(
                [
                    Paragraph(_text(row.label), small),
                    row.kind_label,
                    row.status.label + (f" ({row.detail})" if row.detail else ""),
                    # A missing row's date is the day it went missing: "since 9 Jan 2026".
                    (f"{row.due_phrase} " if row.is_missing else "") + f"{row.due_on:%-d %b %Y}"
                    if row.due_on
                    else "-",
                ]
            )
            background, text = STATUS_COLOURS[row.status]
            shading += [
                ("BACKGROUND", (2, i), (2, i), background),
                ("TEXTCOLOR", (2, i), (2, i), text),
            ]
        if len(table) == 1:
            table.append(["No requirements apply to this person's roles.", "", "", ""])
        block.append(_table(table, [120 * mm, 35 * mm, 30 * mm, 40 * mm], shading))
        person_cards = cards_by_staff.get(profile.pk, [])
        if person_cards:
            card_table = [
                ["Verified card", "Card number", "Issued", "Valid through", "Verified by"]
            ]
            for card in person_cards:
                card_table.append(
                    [
                        card.type_name,
                        card.card_number or "-",
                        f"{card.issued_on:%-d %b %Y}",
                        f"{card.expires_on:%-d %b %Y}",
                        f"{card.verified_by}"
                        + (f", {card.verified_at:%-d %b %Y}" if card.verified_at else ""),
                    ]
                )
            block += [
                Spacer(1, 2 * mm),
                _table(card_table, [70 * mm, 45 * mm, 30 * mm, 30 * mm, 70 * mm], []),
            ]
        block.append(Spacer(1, 3 * mm))
        story.append(KeepTogether(block))

    if kit_logs is not None:
        story += kit_section(
            logs=kit_logs,
            since=kit_since or as_of,
            until=as_of,
            styles=styles,
            small=small,
            text=_text,
            table=_table,
        )
    doc.build(story, onFirstPage=_footer, onLaterPages=_footer)
    return buffer.getvalue()


def _text(value: object) -> str:
    """`value` as Paragraph text that shows every character and makes no tag."""
    return escape(str(value))


def _table(data, widths, extra_styles) -> Table:
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e9eef2")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b8c3cc")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *extra_styles,
            ]
        )
    )
    return table


def _footer(canvas, doc):
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(14 * mm, 8 * mm, doc.title)
    canvas.drawRightString(landscape(A4)[0] - 14 * mm, 8 * mm, f"Page {doc.page}")
    canvas.restoreState()
