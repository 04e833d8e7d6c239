"""How a required module is judged on a date: pure, no database."""

from datetime import date
from enum import StrEnum

from organisation.status import Status, judge_due


class ModuleStatus(StrEnum):
    """Where a person stands on a module, finer than Status: what to ask of them differs
    between a quiz never opened and one started. People read it as its Status (`compliance`)
    and, where there is one, its `detail`."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    PASSED = "passed"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"

    @property
    def compliance(self) -> Status:
        return COMPLIANCE[self]

    @property
    def detail(self) -> str:
        """Shown beside the status word: "Missing · quiz started"."""
        return DETAILS.get(self, "")


COMPLIANCE = {
    ModuleStatus.NOT_STARTED: Status.MISSING,
    ModuleStatus.IN_PROGRESS: Status.MISSING,
    ModuleStatus.PASSED: Status.CURRENT,
    ModuleStatus.DUE_SOON: Status.DUE_SOON,
    ModuleStatus.OVERDUE: Status.OVERDUE,
}
DETAILS = {ModuleStatus.IN_PROGRESS: "quiz started"}
FROM_COMPLIANCE = {
    Status.CURRENT: ModuleStatus.PASSED,
    Status.DUE_SOON: ModuleStatus.DUE_SOON,
    Status.OVERDUE: ModuleStatus.OVERDUE,
}


def judge_module(
    *, valid_until: date | None, attempted: bool, as_of: date, due_soon_days: int
) -> ModuleStatus:
    """Passed through `valid_until` (inclusive), due soon in the days before it, overdue after.

    Never passed: in progress once any attempt was made, else not started.
    """
    if valid_until is None:
        return ModuleStatus.IN_PROGRESS if attempted else ModuleStatus.NOT_STARTED
    return FROM_COMPLIANCE[judge_due(due_on=valid_until, as_of=as_of, due_soon_days=due_soon_days)]
