"""The compliance matrix: staff by requirement, built from compliance standings and nothing else.

Built for a clinic group: the totals (status counts, the headline, counts per location) and
the filter and sort are worked out over everyone, a column at a time; lines of cells are made
only for the people asked for (a page of them, or everyone for an export, one at a time).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

from organisation.compliance import Standings, Status
from organisation.selectors import StaffLine

SORTS = {
    "name": "Name",
    "overdue": "Most overdue first",
    "due": "Soonest due first",
}
NOT_DUE = date.max  # a person with nothing to act on sorts after every due date
# The kind whose due dates are expiries, counted in "expiring in 30 days".
CERTIFICATION = "certification"


class MatrixCell(NamedTuple):
    status: Status
    due_on: date | None

    @property
    def needs_action(self) -> bool:
        return self.status.needs_action


@dataclass
class MatrixRow:
    """One person's line: a cell per column, None where the requirement does not apply."""

    person: StaffLine
    cells: list[MatrixCell | None]

    @property
    def compliant(self) -> bool:
        return all(not c.needs_action for c in self.cells if c is not None)


@dataclass(frozen=True)
class Headline:
    staff_count: int
    compliant_share: float  # 0-1
    expiring_30_days: int
    overdue_by_kind: dict[str, int]
    missing: int


@dataclass
class Matrix:
    columns: list[Standings]  # in display order
    people: list[StaffLine]  # everyone the filters keep, in the order asked for
    headline: Headline  # over everyone in the location and role filters
    status_counts: Counter  # every cell of those people
    counts_by_location: dict[int, Counter]  # location pk -> status counts of its people

    def rows_for(self, people: Iterable[StaffLine]) -> Iterator[MatrixRow]:
        """Display rows for `people` (a page of `self.people`, say), made one at a time."""
        columns = [(c.status, c.due_on) for c in self.columns]
        for person in people:
            pk = person.pk
            yield MatrixRow(
                person,
                [
                    MatrixCell(status[pk], due_on[pk]) if pk in status else None
                    for status, due_on in columns
                ],
            )

    @property
    def rows(self) -> Iterator[MatrixRow]:
        """Every person's display row: for exports, which keep everyone."""
        return self.rows_for(self.people)


def build_matrix(
    *,
    staff: list[StaffLine],
    standings: list[Standings],
    as_of: date,
    status: str | None = None,
    sort: str = "name",
) -> Matrix:
    """Lay `standings` out as staff x requirement, with the totals over all of `staff`.

    With `status`, keep only people with at least one cell in that status (the matrix still
    shows their other cells, so a manager sees the whole person); the totals stay over
    everyone. `as_of` is the date "expiring in 30 days" counts from. `staff` comes in name
    order, and keeps it where a sort has ties.
    """
    columns = sorted(standings, key=lambda c: (c.kind, c.label.lower()))
    status_counts: Counter = Counter()
    overdue_by_kind: Counter = Counter()
    needing: set[int] = set()
    expiring = 0
    horizon = as_of + timedelta(days=30)
    for column in columns:
        counts = Counter(column.status.values())
        status_counts += counts
        overdue_by_kind[column.kind] += counts[Status.OVERDUE]
        # Exempt counts as compliant: it needs nothing done (organisation.status.SATISFIED).
        needing.update(pk for pk, s in column.status.items() if s.needs_action)
        if column.kind == CERTIFICATION:
            expiring += sum(
                1
                for pk, s in column.status.items()
                if (s is Status.CURRENT or s is Status.DUE_SOON)
                and column.due_on[pk] is not None
                and column.due_on[pk] <= horizon
            )
    staff_ids = {p.pk for p in staff}
    headline = Headline(
        staff_count=len(staff),
        compliant_share=(len(staff) - len(needing & staff_ids)) / len(staff) if staff else 1.0,
        expiring_30_days=expiring,
        overdue_by_kind={kind: n for kind, n in overdue_by_kind.items() if n},
        missing=status_counts[Status.MISSING],
    )
    return Matrix(
        columns=columns,
        people=_chosen(staff, columns, status=status, sort=sort),
        headline=headline,
        status_counts=+status_counts,
        counts_by_location=_counts_by_location(staff, columns),
    )


def _counts_by_location(staff: list[StaffLine], columns: list[Standings]) -> dict[int, Counter]:
    """Status counts of each location's people. People are grouped by their set of locations
    (most work at one), so counting runs once per group and column, not once per cell."""
    groups: dict[tuple[int, ...], list[int]] = defaultdict(list)
    for person in staff:
        groups[person.location_ids].append(person.pk)
    counts: dict[int, Counter] = defaultdict(Counter)
    for location_ids, pks in groups.items():
        group: Counter = Counter()
        for column in columns:
            group.update(map(column.status.get, pks))
        del group[None]  # people the requirement does not apply to
        for location_id in location_ids:
            counts[location_id] += group
    return dict(counts)


def _chosen(
    staff: list[StaffLine], columns: list[Standings], *, status: str | None, sort: str
) -> list[StaffLine]:
    """The people the filter keeps, in the order asked for."""
    people = staff
    if status:
        wanted = Status(status)
        having = {pk for c in columns for pk, s in c.status.items() if s is wanted}
        people = [p for p in staff if p.pk in having]
    if sort not in ("overdue", "due"):
        return list(people)
    # Per person: how many requirements are overdue or missing, and the first due date of
    # those needing action, gathered a column at a time.
    behind: Counter = Counter()
    first_due: dict[int, date] = {}
    for column in columns:
        for pk, s in column.status.items():
            if not s.needs_action:
                continue
            if s is Status.OVERDUE or s is Status.MISSING:
                behind[pk] += 1
            due_on = column.due_on[pk]
            if due_on is not None and due_on < first_due.get(pk, NOT_DUE):
                first_due[pk] = due_on
    if sort == "overdue":
        return sorted(people, key=lambda p: (-behind[p.pk], first_due.get(p.pk, NOT_DUE)))
    return sorted(people, key=lambda p: first_due.get(p.pk, NOT_DUE))
