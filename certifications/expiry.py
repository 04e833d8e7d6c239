"""When a card expires: pure date arithmetic, no database.

The one place the expiry of a card is worked out, first card or renewal: the upload service
(and through it a manager recording a card, the demo and the expiry request's "the rule's
date"), and the upload page's suggestion, all call `renewed_expiry`.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from organisation.status import add_months

END_OF_MONTH = "end_of_month"
EXACT_DATE = "exact_date"

# What a renewal's validity counts from.
FROM_PREVIOUS_EXPIRY = "previous_expiry"
FROM_COMPLETION = "completion"


def last_day_of_month(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def expiry_date(*, issued_on: date, validity_months: int, rule: str) -> date:
    """The last day a card issued on `issued_on` is valid.

    `end_of_month` (AHA cards): valid for the period and through the last day of the month it
    lands in, so a card issued 10 March 2026 for 24 months is valid through 31 March 2028.
    `exact_date`: valid through the same day of the month `validity_months` later, clamped to
    the month's end (issued 29 February 2024 for 12 months: 28 February 2025).
    """
    if rule not in (END_OF_MONTH, EXACT_DATE):
        raise ValueError(f"Unknown expiry rule {rule!r}.")
    landed = add_months(issued_on, validity_months)
    return last_day_of_month(landed) if rule == END_OF_MONTH else landed


@dataclass(frozen=True)
class RenewalRule:
    """A certification type's expiry rule, as renewing needs it."""

    validity_months: int
    rule: str  # END_OF_MONTH or EXACT_DATE
    basis: str  # FROM_PREVIOUS_EXPIRY or FROM_COMPLETION
    renewal_window_days: int
    grace_days: int = 0
    minimum_active_months: int = 0


def in_renewal_window(*, completed_on: date, previous_expires_on: date, rule: RenewalRule) -> bool:
    """Whether a course completed on `completed_on` renews the card expiring
    `previous_expires_on` early or on time: from the day the window opens (the day the
    certification turns "due soon") through the expiry and any clinic grace period - the same
    days the status calls due soon."""
    opens = previous_expires_on - timedelta(days=rule.renewal_window_days)
    closes = previous_expires_on + timedelta(days=rule.grace_days)
    return opens <= completed_on <= closes


def renewed_expiry(
    *, completed_on: date, previous_expires_on: date | None, rule: RenewalRule
) -> date:
    """The last day a card completed (issued) on `completed_on` is valid.

    From the previous expiry (the basis AHA cards use): a renewal completed inside the renewal
    window keeps the anniversary, counting the validity from the previous card's expiry (BLS
    expiring 31 March 2027, renewed 10 February 2027, runs to 31 March 2029). Outside the
    window (renewed before it opened, or after the card lapsed), and for a first card, the
    validity counts from the completion date. From the completion date: always so.

    A minimum active period, when set, is a floor: the card never runs out sooner than that
    many months after its completion (by the type's end-of-month or exact-date rule).
    """
    start = completed_on
    if (
        rule.basis == FROM_PREVIOUS_EXPIRY
        and previous_expires_on is not None
        and in_renewal_window(
            completed_on=completed_on, previous_expires_on=previous_expires_on, rule=rule
        )
    ):
        start = previous_expires_on
    elif rule.basis not in (FROM_PREVIOUS_EXPIRY, FROM_COMPLETION):
        raise ValueError(f"Unknown renewal basis {rule.basis!r}.")
    expires_on = expiry_date(issued_on=start, validity_months=rule.validity_months, rule=rule.rule)
    if rule.minimum_active_months:
        floor = expiry_date(
            issued_on=completed_on, validity_months=rule.minimum_active_months, rule=rule.rule
        )
        expires_on = max(expires_on, floor)
    return expires_on
