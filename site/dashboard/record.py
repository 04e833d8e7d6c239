"""A person's record page for a manager: everything dashboard.selectors reads about them,
their quiz attempts, and a summary on top (where they stand and what needs doing next, read
off their compliance rows without a query of its own)."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser

from dashboard.selectors import staff_record_context
from organisation.compliance import ComplianceRow
from organisation.models import StaffProfile
from organisation.status import Status
from training.selectors import attempts_for_staff

NEXT_STEPS_SHOWN = 5
ATTEMPTS_SHOWN = 50
# What a manager deals with first: late before missing before waiting on them before soon.
URGENCY = {
    Status.OVERDUE: 0,
    Status.MISSING: 1,
    Status.AWAITING_VERIFICATION: 2,
    Status.DUE_SOON: 3,
}


@dataclass(frozen=True)
class RecordSummary:
    counts: list[tuple[Status, int]]  # each status held, in the vocabulary's order
    next_steps: list[ComplianceRow]  # the most urgent requirements needing action
    more_steps: int  # how many more need action beyond those

    @property
    def all_current(self) -> bool:
        return not self.next_steps


def record_summary(rows: list[ComplianceRow], *, shown: int = NEXT_STEPS_SHOWN) -> RecordSummary:
    counted = Counter(row.status for row in rows)
    needing = sorted(
        (row for row in rows if row.needs_action),
        key=lambda r: (URGENCY[r.status], r.due_on or date.min, r.label),
    )
    return RecordSummary(
        counts=[(status, counted[status]) for status in Status if counted[status]],
        next_steps=needing[:shown],
        more_steps=max(len(needing) - shown, 0),
    )


def record_context(*, profile: StaffProfile, viewer: AbstractBaseUser, now: datetime) -> dict:
    """The record page's context; the caller has checked the viewer may see `profile`."""
    context = staff_record_context(profile=profile, viewer=viewer, now=now)
    context["summary"] = record_summary(context["rows"])
    context["quiz_attempts"] = attempts_for_staff(viewer, profile.pk)[:ATTEMPTS_SHOWN]
    return context
