"""The compliance matrix as CSV and XLSX, safe to open in a spreadsheet.

Each requirement takes two columns, its status (in the words every page uses) and its date,
so a spreadsheet can filter on the one and sort on the other.
"""

import csv
import io
from collections.abc import Iterator
from datetime import date

from openpyxl import Workbook
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from dashboard.matrix import Matrix
from organisation.compliance import Standings
from organisation.status import Status

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PERSON_HEADINGS = ["Name", "Email", "Locations", "Roles"]


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Names:
    """ "; "-joined, neutralised names of a set of pks, each set worked out once."""

    def __init__(self, names: dict[int, str]):
        self.names = names
        self.joined: dict[tuple[int, ...], str] = {}

    def of(self, pks: tuple[int, ...]) -> str:
        text = self.joined.get(pks)
        if text is None:
            text = self.joined[pks] = neutralise("; ".join(sorted(self.names[pk] for pk in pks)))
        return text


def column_headings(column: Standings) -> tuple[str, str]:
    """A requirement's two headings: "BLS (Certification) status", "... expires"."""
    name = f"{column.label} ({column.kind_label})"
    return f"{name} status", f"{name} {column.due_word}"


def matrix_table(
    matrix: Matrix, *, location_names: dict[int, str], role_names: dict[int, str]
) -> Iterator[list[str | date | None]]:
    """Header then one line per person: name, email, locations, roles, then each requirement's
    status and date (a `date`; None where there is none or the requirement does not apply).

    `location_names` and `role_names` name the pks a StaffLine holds."""
    header = list(PERSON_HEADINGS)
    for column in matrix.columns:
        header += column_headings(column)
    yield [neutralise(h) for h in header]
    # Worked out once rather than once a person or a cell (10,000 people share a handful of
    # statuses, and of combinations of locations and of roles). Status words never start
    # like a formula; neutralising them once keeps that true whatever a translation says.
    labels = {status: neutralise(status.label) for status in Status}
    locations, roles = _Names(location_names), _Names(role_names)
    for row in matrix.rows:
        person = row.person
        line: list[str | date | None] = [
            neutralise(person.display_name),
            neutralise(person.email),
            locations.of(person.location_ids),
            roles.of(person.role_ids),
        ]
        for cell in row.cells:
            if cell is None:
                line += (None, None)
            else:
                line += (labels[cell.status], cell.due_on)
        yield line


def matrix_csv(
    matrix: Matrix, *, location_names: dict[int, str], role_names: dict[int, str]
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # a date as str() writes it (YYYY-MM-DD), None as nothing
    writer.writerows(matrix_table(matrix, location_names=location_names, role_names=role_names))
    return buffer.getvalue()


def matrix_xlsx(
    matrix: Matrix, *, title: str, location_names: dict[int, str], role_names: dict[int, str]
) -> bytes:
    """The CSV's table as a worksheet: the header row (and the names) frozen, a filter on
    every column, dates as dates, and each status word in its colour."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31] or "Compliance")
    last_row = len(matrix.people) + 1
    last_column = len(PERSON_HEADINGS) + 2 * len(matrix.columns)
    # A write-only sheet takes its view, widths and filter before its first row.
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(last_column)}{last_row}"
    for index, width in enumerate([24, 30, 20, 20], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    status_ranges = []
    for i in range(len(matrix.columns)):
        status_at = get_column_letter(len(PERSON_HEADINGS) + 2 * i + 1)
        date_at = get_column_letter(len(PERSON_HEADINGS) + 2 * i + 2)
        sheet.column_dimensions[status_at].width = 22
        sheet.column_dimensions[date_at].width = 14
        status_ranges.append(f"{status_at}2:{status_at}{max(last_row, 2)}")
    if status_ranges:
        # Rules rather than a style per cell: 50,000 styled cells cost seconds, five rules
        # nothing, and they follow the words when someone sorts or edits the sheet.
        for status in Status:
            background, text = status.colours
            sheet.conditional_formatting.add(
                " ".join(status_ranges),
                CellIsRule(
                    operator="equal",
                    formula=[f'"{status.label}"'],
                    fill=PatternFill(fill_type="solid", bgColor=background[1:].upper()),
                    font=Font(color=text[1:].upper()),
                ),
            )
    for line in matrix_table(matrix, location_names=location_names, role_names=role_names):
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
