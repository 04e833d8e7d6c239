"""How a required module is judged on a date: pure, no database."""

import calendar
from datetime import date, timedelta
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from organisation.compliance import Status


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ModuleStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    PASSED = "passed"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"

    @property
    def label(self) -> str:
        return str(LABELS[self])

    @property
    def compliance(self) -> Status:
        return COMPLIANCE[self]


LABELS = {
    ModuleStatus.NOT_STARTED: _("Not started"),
    ModuleStatus.IN_PROGRESS: _("In progress"),
    ModuleStatus.PASSED: _("Passed"),
    ModuleStatus.DUE_SOON: _("Due soon"),
    ModuleStatus.OVERDUE: _("Overdue"),
}
COMPLIANCE = {
    ModuleStatus.NOT_STARTED: Status.MISSING,
    ModuleStatus.IN_PROGRESS: Status.MISSING,
    ModuleStatus.PASSED: Status.CURRENT,
    ModuleStatus.DUE_SOON: Status.DUE_SOON,
    ModuleStatus.OVERDUE: Status.OVERDUE,
}


def judge_module(
    *, valid_until: date | None, attempted: bool, as_of: date, due_soon_days: int
) -> ModuleStatus:
    """Passed through `valid_until` (inclusive), due soon in the days before it, overdue after.

    Never passed: in progress once any attempt was made, else not started.
    """
    if valid_until is None:
        return ModuleStatus.IN_PROGRESS if attempted else ModuleStatus.NOT_STARTED
    if as_of > valid_until:
        return ModuleStatus.OVERDUE
    if as_of >= valid_until - timedelta(days=due_soon_days):
        return ModuleStatus.DUE_SOON
    return ModuleStatus.PASSED
