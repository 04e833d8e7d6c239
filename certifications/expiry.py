"""When a card expires: pure date arithmetic, no database."""

import calendar
from datetime import date

from organisation.status import add_months

END_OF_MONTH = "end_of_month"
EXACT_DATE = "exact_date"


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
