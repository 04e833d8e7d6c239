"""The matrix's table cells as HTML, made in Python for speed.

A page of 200 people shows about 1,000 cells. Through the template engine each cell cost a
status label and a date format, each going through translation (20-60 microseconds apiece):
most of the page's rendering time. Here each status label and each month's name is looked
up once per page and the cells are put together from them, with the same markup and the
same date format ("j M Y") as the template had.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from dashboard.matrix import MatrixCell, MatrixRow
from organisation.compliance import MISSING_SINCE_WORD, Standings, Status
from organisation.selectors import StaffLine

NOT_REQUIRED = mark_safe(
    '<td class="cell cell--na"><span class="visually-hidden">Not required</span>—</td>'
)


@dataclass(frozen=True)
class MatrixLine:
    person: StaffLine
    cells: list[SafeString]  # a <td> each


class CellMaker:
    """Makes the <td> of each cell of one page, looking each label and month name up once.

    `column_labels` name the columns: each cell of column i carries its label as data-label,
    which a phone shows beside the status when the matrix folds into a card per person
    (site.css, table.stack)."""

    def __init__(self, column_labels: Sequence[str] = ()):
        self._labels: dict[Status, str] = {}
        self._months: dict[tuple[int, int], str] = {}
        self._columns = [f' data-label="{escape(label)}"' for label in column_labels]

    def __call__(self, cell: MatrixCell | None, column: int | None = None) -> SafeString:
        if cell is None:
            return NOT_REQUIRED
        status = cell.status
        label = self._labels.get(status)
        if label is None:
            label = self._labels[status] = escape(status.label)
        named = "" if column is None else self._columns[column]
        # status.value is one of Status's own slugs and isoformat() digits: nothing to escape.
        head = (
            f'<td class="cell cell--{status.value}"{named}>'
            f'<span class="cell__status">{label}</span>'
        )
        if cell.due_on is None:
            return mark_safe(head + "</td>")
        # A missing requirement's date is the day it has been missing since.
        since = f"{MISSING_SINCE_WORD} " if status is Status.MISSING else ""
        return mark_safe(
            f'{head}<br>{since}<time datetime="{cell.due_on.isoformat()}">'
            f"{self.date(cell.due_on)}</time></td>"
        )

    def date(self, day: date) -> str:
        """`day` as the template's |date:"j M Y" writes it (escaped)."""
        month = self._months.get((day.year, day.month))
        if month is None:
            month = self._months[(day.year, day.month)] = escape(date_format(day, "M Y"))
        return f"{day.day} {month}"


def matrix_lines(rows: Iterable[MatrixRow], *, column_labels: Sequence[str]) -> list[MatrixLine]:
    make = CellMaker(column_labels)
    return [
        MatrixLine(row.person, [make(cell, i) for i, cell in enumerate(row.cells)]) for row in rows
    ]


def column_label(column: Standings) -> str:
    """A column's name as the matrix's header shows it: the requirement, then its kind."""
    return f"{column.label} ({column.kind_label})"
