"""When an attestation falls due and how it stands: pure, no database.

Judged with the organisation's status toolkit, so an attestation reads in the same words as
every other requirement: a yearly one is current for 12 months after it was signed, due soon
in the last 30 days, overdue the day after; one never signed is missing. A revision's is due
soon from the day it is asked for and overdue after its due date.
"""

from datetime import date

from organisation.status import Status, add_months, judge_due

EVERY_MONTHS = 12
DUE_SOON_DAYS = 30


def yearly_due_on(last_attested_on: date | None) -> date | None:
    """12 months after the last signature (clamped to the month's end); None when never signed."""
    return add_months(last_attested_on, EVERY_MONTHS) if last_attested_on else None


def yearly_status(*, last_attested_on: date | None, today: date) -> Status:
    return judge_due(
        due_on=yearly_due_on(last_attested_on), as_of=today, due_soon_days=DUE_SOON_DAYS
    )


def revision_status(*, due_on: date, today: date) -> Status:
    return Status.OVERDUE if today > due_on else Status.DUE_SOON
