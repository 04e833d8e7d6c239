"""How a certification is judged on a date: pure, no database."""

from datetime import date, timedelta

from organisation.compliance import Status


def judge(
    *, expires_on: date | None, as_of: date, renewal_window_days: int, grace_days: int = 0
) -> Status:
    """Current until the renewal window opens, due soon through the expiry date (and any clinic
    grace period), overdue the day after."""
    if expires_on is None:
        return Status.MISSING
    if as_of > expires_on + timedelta(days=grace_days):
        return Status.OVERDUE
    if as_of >= expires_on - timedelta(days=renewal_window_days):
        return Status.DUE_SOON
    return Status.CURRENT
