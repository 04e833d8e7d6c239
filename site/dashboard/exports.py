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


def matrix_table(
    matrix: Matrix, *, location_names: dict[int, str], role_names: dict[int, str]
) -> Iterator[list[str]]:
    """Header then one line per person: name, email, locations, roles, then each requirement.

    `location_names` and `role_names` name the pks a StaffLine holds."""
    header = ["Name", "Email", "Locations", "Roles"]
    header += [f"{c.label} ({c.kind})" for c in matrix.columns]
    yield [neutralise(h) for h in header]
    # Worked out once rather than once a person or a cell (10,000 people share a handful of
    # statuses, and of combinations of locations and of roles); a cell's text starts with
    # its label, so neutralising the label neutralises the cell.
    labels = {status: neutralise(status.label) for status in Status}
    locations, roles = _Names(location_names), _Names(role_names)
    for row in matrix.rows:
        person = row.person
        line = [
            neutralise(person.display_name),
            neutralise(person.email),
            locations.of(person.location_ids),
            roles.of(person.role_ids),
        ]
        for cell in row.cells:
            if cell is None:
                line.append("")
                continue
            label = labels[cell.status]
            line.append(f"{label} {cell.due_on.isoformat()}" if cell.due_on else label)
        yield line


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
