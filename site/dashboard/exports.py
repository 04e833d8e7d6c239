"""The compliance matrix as CSV and XLSX, safe to open in a spreadsheet."""

import csv
import io
from collections.abc import Iterator

from openpyxl import Workbook

from dashboard.matrix import Matrix
from organisation.compliance import Status

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def matrix_table(
    matrix: Matrix, *, location_names: dict[int, str], role_names: dict[int, str]
) -> Iterator[list[str]]:
    """Header then one line per person: name, email, locations, roles, then each requirement.

    `location_names` and `role_names` name the pks a StaffLine holds."""
    header = ["Name", "Email", "Locations", "Roles"]
    header += [f"{c.label} ({c.kind})" for c in matrix.columns]
    yield [neutralise(h) for h in header]
    # A status label goes through translation (about 20 microseconds): once per status.
    labels = {status: str(status.label) for status in Status}
    for row in matrix.rows:
        person = row.person
        line = [
            person.display_name,
            person.email,
            "; ".join(sorted(location_names[pk] for pk in person.location_ids)),
            "; ".join(sorted(role_names[pk] for pk in person.role_ids)),
        ]
        for cell in row.cells:
            if cell is None:
                line.append("")
                continue
            label = labels[cell.status]
            line.append(f"{label} {cell.due_on.isoformat()}" if cell.due_on else label)
        yield [neutralise(c) for c in line]


def matrix_csv(
    matrix: Matrix, *, location_names: dict[int, str], role_names: dict[int, str]
) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(matrix_table(matrix, location_names=location_names, role_names=role_names))
    return buffer.getvalue()


def matrix_xlsx(
    matrix: Matrix, *, title: str, location_names: dict[int, str], role_names: dict[int, str]
) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31] or "Compliance")
    for line in matrix_table(matrix, location_names=location_names, role_names=role_names):
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
