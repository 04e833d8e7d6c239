from datetime import date

import pytest

from certifications.expiry import END_OF_MONTH, EXACT_DATE, expiry_date


@pytest.mark.parametrize(
    ("issued", "expected"),
    [
        (date(2026, 3, 10), date(2028, 3, 31)),
        (date(2026, 3, 31), date(2028, 3, 31)),
        (date(2026, 3, 1), date(2028, 3, 31)),
        (date(2026, 2, 1), date(2028, 2, 29)),  # lands in a leap February
        (date(2024, 2, 29), date(2026, 2, 28)),  # leap day, common February two years on
        (date(2025, 12, 31), date(2027, 12, 31)),
    ],
)
def test_aha_cards_are_valid_through_the_end_of_the_month(issued, expected):
    assert expiry_date(issued_on=issued, validity_months=24, rule=END_OF_MONTH) == expected


@pytest.mark.parametrize(
    ("issued", "months", "expected"),
    [
        (date(2026, 3, 10), 24, date(2028, 3, 10)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 24, date(2026, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
    ],
)
def test_exact_date_rule_keeps_the_day_clamped_to_month_end(issued, months, expected):
    assert expiry_date(issued_on=issued, validity_months=months, rule=EXACT_DATE) == expected


def test_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="Unknown expiry rule"):
        expiry_date(issued_on=date(2026, 1, 1), validity_months=12, rule="whenever")
