"""The compliance matrix: staff by requirement, built from compliance rows and nothing else."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from organisation.compliance import ComplianceRow, Status
from organisation.models import StaffProfile

SORTS = {
    "name": "Name",
    "overdue": "Most overdue first",
    "due": "Soonest due first",
}


@dataclass(frozen=True)
class Column:
    kind: str
    requirement_key: str
    label: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.requirement_key)


@dataclass
class MatrixRow:
    profile: StaffProfile
    cells: list[ComplianceRow | None]

    @property
    def rows(self) -> list[ComplianceRow]:
        return [c for c in self.cells if c is not None]

    @property
    def compliant(self) -> bool:
        return all(not r.needs_action for r in self.rows)

    @property
    def overdue_count(self) -> int:
        return sum(r.status in (Status.OVERDUE, Status.MISSING) for r in self.rows)

    @property
    def first_due_on(self) -> date:
        dates = [r.due_on for r in self.rows if r.due_on and r.needs_action]
        return min(dates, default=date.max)


@dataclass
class Matrix:
    columns: list[Column]
    rows: list[MatrixRow]
    status_counts: Counter = field(default_factory=Counter)


def build_matrix(
    *,
    staff: list[StaffProfile],
    rows: list[ComplianceRow],
    status: str | None = None,
    sort: str = "name",
) -> Matrix:
    """Lay `rows` out as staff x requirement.

    With `status`, keep only people with at least one cell in that status (the matrix still
    shows their other cells, so a manager sees the whole person).
    """
    columns_by_key: dict[tuple[str, str], Column] = {}
    by_staff: dict[int, dict[tuple[str, str], ComplianceRow]] = {}
    for row in rows:
        column = Column(row.kind, row.requirement_key, row.label)
        columns_by_key.setdefault(column.key, column)
        by_staff.setdefault(row.staff_id, {})[column.key] = row
    columns = sorted(columns_by_key.values(), key=lambda c: (c.kind, c.label.lower()))

    matrix_rows = []
    for profile in staff:
        cells_by_key = by_staff.get(profile.pk, {})
        if status and not any(r.status == status for r in cells_by_key.values()):
            continue
        matrix_rows.append(MatrixRow(profile, [cells_by_key.get(c.key) for c in columns]))

    if sort == "overdue":
        matrix_rows.sort(key=lambda r: (-r.overdue_count, r.first_due_on, r.profile.display_name))
    elif sort == "due":
        matrix_rows.sort(key=lambda r: (r.first_due_on, r.profile.display_name))
    else:
        matrix_rows.sort(key=lambda r: (r.profile.user.last_name, r.profile.user.first_name))
    return Matrix(columns, matrix_rows, Counter(r.status for r in rows))


@dataclass(frozen=True)
class Headline:
    staff_count: int
    compliant_share: float  # 0-1
    expiring_30_days: int
    overdue_by_kind: dict[str, int]
    missing: int


def headline(*, staff: list[StaffProfile], rows: list[ComplianceRow], as_of: date) -> Headline:
    """The figures at the top of /manage/, over exactly the rows the matrix shows."""
    needing = {r.staff_id for r in rows if r.needs_action}
    horizon = as_of + timedelta(days=30)
    expiring = sum(
        1
        for r in rows
        if r.kind == "certification"
        and r.status in (Status.CURRENT, Status.DUE_SOON)
        and r.due_on is not None
        and r.due_on <= horizon
    )
    overdue = Counter(r.kind for r in rows if r.status is Status.OVERDUE)
    return Headline(
        staff_count=len(staff),
        compliant_share=(len(staff) - len(needing & {p.pk for p in staff})) / len(staff)
        if staff
        else 1.0,
        expiring_30_days=expiring,
        overdue_by_kind=dict(overdue),
        missing=sum(r.status is Status.MISSING for r in rows),
    )
