from datetime import date, timedelta

import pytest
from reminders.stages import (
    Schedule,
    director_stage,
    manager_stage,
    regional_stage,
    staff_stage,
)

from certifications.status import judge
from organisation.compliance import Status

POLICY = Schedule(offsets=(90, 60, 30, 14, 7, 1))
DUE = date(2026, 6, 30)


@pytest.mark.parametrize(
    ("days_left", "stage"),
    [
        (120, None),
        (91, None),
        (90, "before-90"),
        (75, "before-90"),
        (60, "before-60"),
        (31, "before-60"),
        (30, "before-30"),
        (14, "before-14"),
        (8, "before-14"),
        (1, "before-1"),
        (0, "due-today"),
        (-3, "due-today"),  # nothing new until a week late
        (-7, "overdue-7"),
        (-13, "overdue-7"),
        (-14, "overdue-14"),
    ],
)
def test_staff_get_the_latest_stage_reached(days_left, stage):
    assert staff_stage(due_on=DUE, today=DUE - timedelta(days=days_left), schedule=POLICY) == stage


@pytest.mark.parametrize(
    ("days_left", "stage"),
    [
        (30, None),
        (15, None),
        (14, "before-14"),
        (10, "before-14"),
        (7, "before-7"),
        (0, "due-today"),
        (-1, "overdue"),
        (-7, "overdue-7"),
        (-20, "overdue-14"),
    ],
)
def test_managers_hear_from_fourteen_days_before_and_when_overdue(days_left, stage):
    today = DUE - timedelta(days=days_left)
    assert manager_stage(due_on=DUE, today=today, schedule=POLICY) == stage


def test_missing_items_get_one_missing_stage():
    assert staff_stage(due_on=None, today=DUE, schedule=POLICY) == "missing"
    assert manager_stage(due_on=None, today=DUE, schedule=POLICY) == "missing"


def test_without_overdue_reminders_the_due_day_stage_stands():
    quiet = Schedule(offsets=(30,), overdue_every_days=0, escalate_when_overdue=False)
    assert staff_stage(due_on=DUE, today=DUE + timedelta(days=40), schedule=quiet) == "due-today"
    assert manager_stage(due_on=DUE, today=DUE + timedelta(days=40), schedule=quiet) is None


@pytest.mark.parametrize(
    ("today", "grace", "status"),
    [
        (date(2026, 3, 31), 0, Status.CURRENT),
        (date(2026, 4, 1), 0, Status.DUE_SOON),  # 90-day window opens
        (date(2026, 6, 30), 0, Status.DUE_SOON),  # the last valid day
        (date(2026, 7, 1), 0, Status.OVERDUE),
        (date(2026, 7, 10), 14, Status.DUE_SOON),  # the clinic's own grace period
        (date(2026, 7, 15), 14, Status.OVERDUE),
    ],
)
def test_status_on_a_date(today, grace, status):
    assert judge(expires_on=DUE, as_of=today, renewal_window_days=90, grace_days=grace) is status


def test_nothing_held_is_missing():
    assert judge(expires_on=None, as_of=DUE, renewal_window_days=90) is Status.MISSING


@pytest.mark.parametrize(
    ("days_late", "regional", "director"),
    [
        (-3, None, None),
        (7, None, None),
        (8, "overdue-7", None),
        (14, "overdue-14", None),
        (30, "overdue-28", None),
        (31, "overdue-28", "overdue-28"),
        (35, "overdue-35", "overdue-35"),
    ],
)
def test_regional_managers_after_seven_days_and_directors_after_thirty(
    days_late, regional, director
):
    today = DUE + timedelta(days=days_late)
    assert regional_stage(due_on=DUE, today=today, schedule=POLICY) == regional
    assert director_stage(due_on=DUE, today=today, schedule=POLICY) == director
    assert regional_stage(due_on=None, today=today, schedule=POLICY) is None


def test_a_tier_set_to_zero_is_off():
    off = Schedule(offsets=(30,), regional_after_days=0, directors_after_days=0)
    late = DUE + timedelta(days=100)
    assert regional_stage(due_on=DUE, today=late, schedule=off) is None
    assert director_stage(due_on=DUE, today=late, schedule=off) is None


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("manager:overdue-35", "Escalated to a manager, 35 days overdue"),
        ("staff:before-1", "To the person, 1 day before"),
        ("staff:before-30", "To the person, 30 days before"),
        ("director:overdue-28", "Escalated to a medical director, 28 days overdue"),
        ("digest:weekly", "Weekly digest"),
        ("staff:missing", "To the person, none on record"),
    ],
)
def test_a_reminders_kind_reads_as_words(kind, text):
    from reminders.models import Reminder

    assert Reminder(kind=kind).stage_text == text
