"""The compliance matrix as CSV and XLSX, safe to open in a spreadsheet."""

import csv
import io
from collections.abc import Iterator

from openpyxl import Workbook

from dashboard.matrix import Matrix

# A cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def matrix_table(matrix: Matrix) -> Iterator[list[str]]:
    """Header then one line per person: name, email, locations, roles, then each requirement."""
    header = ["Name", "Email", "Locations", "Roles"]
    header += [f"{c.label} ({c.kind})" for c in matrix.columns]
    yield [neutralise(h) for h in header]
    for row in matrix.rows:
        profile = row.profile
        cells = [
            profile.display_name,
            profile.user.email,
            "; ".join(loc.name for loc in profile.location_list),
            "; ".join(role.name for role in profile.role_list),
        ]
        for cell in row.cells:
            if cell is None:
                cells.append("")
            else:
                due = f" {cell.due_on.isoformat()}" if cell.due_on else ""
                cells.append(f"{cell.status.label}{due}")
        yield [neutralise(c) for c in cells]


def matrix_csv(matrix: Matrix) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(matrix_table(matrix))
    return buffer.getvalue()


def matrix_xlsx(matrix: Matrix, *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31] or "Compliance")
    for line in matrix_table(matrix):
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
