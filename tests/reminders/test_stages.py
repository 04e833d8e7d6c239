import re
from datetime import date, timedelta

import pytest
from reminders.stages import (
    NOTE_ONLY,
    Schedule,
    describe,
    director_stage,
    manager_stage,
    regional_stage,
    staff_stage,
)

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
        ("manager:overdue-35", "Escalated to the manager, 35 days overdue"),
        ("manager:overdue", "Escalated to the manager, overdue"),
        ("manager:before-14", "Told the manager 14 days before the due date"),
        ("manager:missing", "Escalated to the manager: nothing on record"),
        ("manager:awaiting", "Told the manager: a card awaits verification"),
        ("staff:before-1", "Reminder 1 day before the due date"),
        ("staff:before-30", "Reminder 30 days before the due date"),
        ("staff:due-today", "Reminder on the due date"),
        ("staff:overdue-14", "Reminder, 14 days overdue"),
        ("staff:before-30:n1a2b3c4d", "Reminder 30 days before the due date, with a new note"),
        ("staff:notice:n1a2b3c4d", NOTE_ONLY),
        ("regional:overdue-14", "Escalated to the regional manager, 14 days overdue"),
        ("director:overdue-28", "Escalated to the medical directors, 28 days overdue"),
        ("digest:weekly", "In the manager's weekly digest"),
        ("alert:undeliverable", "Alert: a reminder could not be delivered"),
        ("staff:missing", "Reminder: nothing on record"),
    ],
)
def test_a_reminders_kind_reads_as_a_sentence(kind, text):
    from reminders.models import Reminder

    assert describe(kind) == Reminder(kind=kind).stage_text == text


def test_no_stage_the_planner_writes_reads_as_a_code():
    """Every stage any schedule reaches, for every audience, is words without the code."""
    days = range(-400, 120)
    stages = {
        stage
        for judge in (staff_stage, manager_stage, regional_stage, director_stage)
        for today in (DUE - timedelta(days=d) for d in days)
        for stage in [judge(due_on=DUE, today=today, schedule=POLICY)]
        if stage
    } | {"missing", "awaiting"}
    for audience in ("staff", "manager", "regional", "director"):
        for stage in stages:
            text = describe(f"{audience}:{stage}")
            assert "-" not in text and not re.search(r"\w:\w", text), text
            assert text[0].isupper() and text != stage, text
