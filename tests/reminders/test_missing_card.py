"""Chasing a missing card (issue 16, part 5): a required certification with no card is
reminded to the person, and escalated per the policy, from the day it went missing until a
card is uploaded - through the ledger, each stage once - and never to someone who left or
no longer holds the role."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from reminders.models import Reminder, ReminderStatus
from reminders.planner import plan_reminders
from reminders.sweep import run_sweep

from certifications import services
from organisation.models import AuditEntry
from organisation.services import deactivate_staff
from tests.factories import JobRoleFactory, StaffProfileFactory
from tests.factories.certifications import CertificationRequirementFactory, pdf_upload

# The role began to require BLS on Wednesday 4 March 2026 in Boston (12:00 UTC is 07:00).
SINCE = datetime.date(2026, 3, 4)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def laser(bls):
    role = JobRoleFactory(slug="laser")
    CertificationRequirementFactory(
        role=role,
        certification_type=bls,
        added_at=datetime.datetime(2026, 3, 4, 12, tzinfo=datetime.UTC),
    )
    return role


@pytest.fixture
def lee(laser, brookline, policy):
    """Hired long before, holds the laser role, has never uploaded a BLS card."""
    return StaffProfileFactory(
        user__username="lee",
        user__first_name="Lee",
        user__email="lee@clinic.test",
        home_location=brookline,
        roles=[laser],
        hire_date=datetime.date(2021, 6, 1),
    )


def _sweep(day, now):
    return run_sweep(now=now.replace(year=day.year, month=day.month, day=day.day), as_of=day)


def _kinds():
    return sorted(Reminder.objects.values_list("kind", "due_key", "status"))


def test_each_stage_is_sent_once_from_the_day_it_went_missing(lee, maria, now):
    _sweep(SINCE, now)
    _sweep(SINCE, now)  # the same day again: nothing new
    assert _kinds() == [
        ("manager:missing", "2026-03-04", "sent"),
        ("staff:missing", "2026-03-04", "sent"),
    ]
    (to_lee,) = [m for m in mail.outbox if m.to == ["lee@clinic.test"]]
    assert to_lee.subject == (
        "Your Basic Life Support is missing: none on record since Wednesday 4 March 2026 (0 days)"
    )
    assert "/my/certifications/" in to_lee.body

    _sweep(SINCE + 6 * DAY, now)  # still the first stage: nothing
    assert len(mail.outbox) == 2
    _sweep(SINCE + 7 * DAY, now)
    _sweep(SINCE + 7 * DAY, now)
    _sweep(SINCE + 8 * DAY, now)
    assert _kinds() == [
        ("manager:missing", "2026-03-04", "sent"),
        ("manager:missing-7", "2026-03-04", "sent"),
        ("staff:missing", "2026-03-04", "sent"),
        ("staff:missing-7", "2026-03-04", "sent"),
    ]
    assert len(mail.outbox) == 4
    summaries = set(
        AuditEntry.objects.filter(staff=lee, action="reminder.sent").values_list(
            "summary", flat=True
        )
    )
    assert summaries == {
        f"Reminder: nothing on record: Basic Life Support, sent to {lee}.",
        f"Reminder: nothing on record for 7 days: Basic Life Support, sent to {lee}.",
        f"Escalated to the manager: nothing on record: Basic Life Support, sent to {maria}.",
        "Escalated to the manager: nothing on record for 7 days: Basic Life Support, "
        f"sent to {maria}.",
    }


def test_a_sweep_after_missed_days_sends_only_the_latest_stage(lee, maria, now):
    _sweep(SINCE + 15 * DAY, now)
    assert [k for k, _, _ in _kinds()] == ["manager:missing-14", "staff:missing-14"]


def test_an_upload_stops_the_chase_and_the_manager_is_asked_to_verify(lee, bls, maria, now):
    _sweep(SINCE, now)
    services.upload_record(
        staff=lee,
        certification_type=bls,
        issued_on=SINCE + 2 * DAY,
        card_file=pdf_upload(),
        actor=lee.user,
        now=now + 2 * DAY,
    )
    mail.outbox.clear()
    _sweep(SINCE + 7 * DAY, now)
    # Nothing more to the person; the manager hears of the card to verify (no verified card:
    # no date), linked to the queue.
    assert _kinds() == [
        ("manager:missing", "-", "sent"),
        ("manager:missing", "2026-03-04", "sent"),
        ("staff:missing", "2026-03-04", "sent"),
    ]
    (message,) = mail.outbox
    assert message.to == [maria.user.email]
    assert "has a card awaiting verification" in message.body
    assert "/manage/certifications/" in message.body


def test_a_card_uploaded_between_planning_and_sending_cancels_the_reminders(lee, bls, maria, now):
    for planned in plan_reminders(now=now, as_of=SINCE):
        planned.to_ledger(now=now).save()
    services.upload_record(
        staff=lee,
        certification_type=bls,
        issued_on=SINCE - DAY,
        card_file=pdf_upload(),
        actor=lee.user,
        now=now,
    )
    report = _sweep(SINCE, now)
    assert report.count("cancelled") == 2  # the person's reminder and the escalation
    assert not [m for m in mail.outbox if m.to == ["lee@clinic.test"]]


def test_people_who_left_or_lost_the_role_are_not_chased(lee, laser, brookline, maria, now):
    other = StaffProfileFactory(roles=[laser], home_location=brookline)
    _sweep(SINCE, now)
    mail.outbox.clear()
    deactivate_staff(profile=lee, now=now)
    other.roles.clear()
    _sweep(SINCE + 7 * DAY, now)
    assert mail.outbox == []
    assert not Reminder.objects.filter(kind__endswith="missing-7").exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locking (select_for_update skip_locked) only means something on PostgreSQL; "
    "this test runs in the PostgreSQL pass (DATABASE_URL=postgres://...).",
)
@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_chase_each_missing_card_once(laser, brookline, maria, policy, now):
    for _ in range(20):
        StaffProfileFactory(roles=[laser], home_location=brookline, hire_date=SINCE)
    start = threading.Barrier(2)
    errors = []

    def sweep():
        try:
            start.wait(timeout=10)
            _sweep(SINCE + 7 * DAY, now)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    rows = list(Reminder.objects.all())
    assert len(rows) == 20 + 20  # a reminder and an escalation for each person
    assert {(r.kind.split(":")[1], r.status, r.attempts) for r in rows} == {
        ("missing-7", ReminderStatus.SENT, 1)
    }
    assert len(mail.outbox) == 21  # one message each, and one for their manager
