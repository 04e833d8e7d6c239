"""When a kit's check falls due and how its items stand: pure, no database.

Judged with the organisation's status toolkit, so a kit reads in the same words and colours
as every other requirement: a check is due soon the day before and on the day, overdue the
day after; an item is due soon within 30 days of its expiry and overdue once past it.
"""

from datetime import date, timedelta

from organisation.status import Status, judge_due

CHECK_EVERY_DAYS = 7
# A check counts as due soon from the day before it falls due.
CHECK_DUE_SOON_DAYS = 1
EXPIRY_WARNING_DAYS = 30


def next_check_on(*, last_checked_on: date | None, in_use_since: date) -> date:
    """A week after the last check; a kit never checked is due from the day it came into use."""
    if last_checked_on is None:
        return in_use_since
    return last_checked_on + timedelta(days=CHECK_EVERY_DAYS)


def check_status(*, due_on: date, today: date) -> Status:
    return judge_due(due_on=due_on, as_of=today, due_soon_days=CHECK_DUE_SOON_DAYS)


def item_status(*, expires_on: date | None, today: date) -> Status:
    """An item with no expiry date is always current."""
    if expires_on is None:
        return Status.CURRENT
    return judge_due(due_on=expires_on, as_of=today, due_soon_days=EXPIRY_WARNING_DAYS)


def expiring_soon(*, expires_on: date | None, today: date) -> bool:
    """Within the warning window or already past: what a manager must replace."""
    return expires_on is not None and expires_on <= today + timedelta(days=EXPIRY_WARNING_DAYS)


def check_reminder_stage(*, due_on: date, today: date) -> str | None:
    """The manager hears once a check falls due: on the day (or the first sweep after)."""
    return "due-today" if today >= due_on else None


def expiry_reminder_stage(*, expires_on: date | None, today: date) -> str | None:
    """30 days before an item expires, then on the day (or the first sweep after either)."""
    if expires_on is None:
        return None
    days_left = (expires_on - today).days
    if days_left <= 0:
        return "due-today"
    if days_left <= EXPIRY_WARNING_DAYS:
        return f"before-{EXPIRY_WARNING_DAYS}"
    return None
