"""The status toolkit every kind of requirement judges with: months, due dates, words, colours."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from organisation.status import (
    STATUS_COLOURS,
    Judged,
    Status,
    add_months,
    due_soon_days,
    judge_due,
    per_person,
)

DUE = date(2026, 6, 30)
SITE_CSS = Path(settings.BASE_DIR) / "site/readyroom/static/readyroom/css/site.css"


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),  # leap year
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 3, 3), 12, date(2027, 3, 3)),
        (date(2026, 11, 15), 3, date(2027, 2, 15)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2026, 5, 31), 24, date(2028, 5, 31)),
    ],
)
def test_add_months_clamps_to_the_end_of_shorter_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("today", "grace", "status"),
    [
        (date(2026, 3, 31), 0, Status.CURRENT),
        (date(2026, 4, 1), 0, Status.DUE_SOON),  # a 90-day window opens
        (date(2026, 6, 30), 0, Status.DUE_SOON),  # the last valid day
        (date(2026, 7, 1), 0, Status.OVERDUE),
        (date(2026, 7, 10), 14, Status.DUE_SOON),  # the clinic's own grace period
        (date(2026, 7, 15), 14, Status.OVERDUE),
    ],
)
def test_judge_due_on_a_date(today, grace, status):
    assert judge_due(due_on=DUE, as_of=today, due_soon_days=90, grace_days=grace) is status


def test_nothing_held_is_missing():
    assert judge_due(due_on=None, as_of=DUE, due_soon_days=90) is Status.MISSING


def test_due_soon_days_is_a_setting():
    assert due_soon_days() == settings.COMPLIANCE_DUE_SOON_DAYS == 30
    with override_settings(COMPLIANCE_DUE_SOON_DAYS=10):
        assert due_soon_days() == 10


def test_per_person_skips_requirements_that_do_not_apply():
    class P:
        def __init__(self, pk):
            self.pk = pk

    judged = [Judged("BLS", {1: Status.CURRENT}, {1: DUE}), Judged("ACLS", {2: "x"}, {2: None})]
    made = per_person([P(1), P(2)], judged, lambda p, j, s: (p.pk, j.requirement, s))
    assert made == [(1, "BLS", Status.CURRENT), (2, "ACLS", "x")]


def test_every_status_has_a_word_and_site_css_paints_it_in_the_toolkits_colours():
    css = SITE_CSS.read_text()
    for status in Status:
        assert status.label and status.label != status.value
        background, text = STATUS_COLOURS[status]
        # The badge and the matrix cell of a status share one rule.
        rule = re.search(
            rf"^\.status--{status.value}, \.cell--{status.value}\b[^{{]*\{{([^}}]*)\}}", css, re.M
        )
        assert rule, f"site.css has no rule for {status.value}"
        assert f"background: {background};" in rule.group(1)
        assert f"color: {text};" in rule.group(1)
    # ... and no other rule paints a status's cell or badge.
    assert len(re.findall(r"\.(?:status|cell)--(?:" + "|".join(Status) + r")\b", css)) == 2 * len(
        Status
    )


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("status", list(Status))
def test_each_status_word_is_readable_on_its_colour(status):
    background, text = (_luminance(c) for c in STATUS_COLOURS[status])
    assert (background + 0.05) / (text + 0.05) >= 4.5  # WCAG AA for normal text
