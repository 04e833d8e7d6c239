"""The inspection packet's emergency kit section: each of the location's kits with its check
log for the period, as ReportLab flowables (dashboard.inspection draws them after the staff).

Every value from the database goes through `_text()` (see dashboard.inspection) before a
Paragraph reads it.
"""

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

# The period the packet prints: the 13 weeks up to its as-of date.
KIT_LOG_DAYS = 91


@dataclass(frozen=True)
class KitLogLine:
    checked_on: date
    checked_by: str
    all_ok: bool
    findings: str  # what was wrong or replaced, one sentence per item; empty when all right


@dataclass(frozen=True)
class KitLog:
    kit: str
    checks: list[KitLogLine]


def kit_log_lines(checks) -> list[KitLogLine]:
    """Plain lines from kits.selectors' checks (their lines prefetched)."""
    found = []
    for check in checks:
        findings = []
        for line in check.lines.all():
            if line.ok and not line.replaced:
                continue
            what = (
                "missing" if not line.present else "out of date" if not line.in_date else "replaced"
            )
            text = (
                f"{line.item_name}{f' (lot {line.lot_number})' if line.lot_number else ''}: {what}"
            )
            if line.note:
                text += f", {line.note.rstrip('.')}"
            if line.replaced:
                text += f"; new lot {line.new_lot_number}, expires {line.new_expires_on:%-d %b %Y}"
            findings.append(text + ".")
        if check.notes:
            findings.append(f"Notes: {check.notes}")
        found.append(
            KitLogLine(
                check.checked_on, check.checked_by.display_name, check.all_ok, " ".join(findings)
            )
        )
    return found


def kit_section(
    *, logs: list[KitLog], since: date, until: date, styles, small, text, table
) -> list:
    """The section's flowables; `text` escapes a value, `table` draws a table as the rest of
    the packet does."""
    story = [
        Spacer(1, 4 * mm),
        Paragraph("Emergency kit checks", styles["Heading2"]),
        Paragraph(
            f"Weekly checks logged from {since:%-d %B %Y} to {until:%-d %B %Y}, oldest first.",
            styles["BodyText"],
        ),
    ]
    if not logs:
        story.append(Paragraph("No emergency kits are recorded at this location.", small))
    for log in logs:
        rows = [["Checked on", "Checked by", "Result", "What was wrong or replaced"]]
        for line in log.checks:
            rows.append(
                [
                    f"{line.checked_on:%a %-d %b %Y}",
                    Paragraph(text(line.checked_by), small),
                    "All present and in date" if line.all_ok else "Not all right",
                    Paragraph(text(line.findings) or "-", small),
                ]
            )
        if len(rows) == 1:
            rows.append(["No checks logged in this period.", "", "", ""])
        story.append(
            KeepTogether(
                [
                    Paragraph(text(log.kit), styles["Heading3"]),
                    table(rows, [32 * mm, 45 * mm, 40 * mm, 150 * mm], []),
                ]
            )
        )
    return story
