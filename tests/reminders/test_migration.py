"""Ledger rows, the policy and calendar tokens survive the move out of certifications."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories import StaffProfileFactory

BEFORE = [
    ("certifications", "0002_verification_and_expiry_requests"),
    ("reminders", "0001_initial"),
]
AFTER = [
    ("certifications", "0003_reminders_moved_out"),
    ("reminders", "0002_copy_from_certifications"),
]
NOW = datetime.datetime(2026, 11, 20, 15, 0, tzinfo=datetime.UTC)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def back_to_latest():
    """Leave the schema fully migrated: later tests on this worker (transactional ones above
    all, which keep the schema they find) need every migration after AFTER, e.g.
    certifications 0004 and 0005."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_old_ledger_rows_policy_and_tokens_are_carried_over(back_to_latest):
    sam = StaffProfileFactory(user__username="sam")
    maria = StaffProfileFactory(user__username="maria")
    old = _migrate(BEFORE)
    try:
        Policy = old.get_model("certifications", "ReminderPolicy")
        Policy.objects.create(offsets_before="60, 30", escalate_from_days=10, digest_weekday=3)
        Token = old.get_model("certifications", "CalendarToken")
        Token.objects.create(user_id=sam.user_id, token="secret-feed", created_at=NOW)
        Reminder = old.get_model("certifications", "Reminder")
        common = {"label": "Basic Life Support", "planned_on": NOW.date(), "created_at": NOW}
        Reminder.objects.create(
            recipient_key=f"staff:{sam.pk}", item_key=f"{sam.pk}:certification:BLS",
            due_key="2026-12-31", kind="staff:before-60", audience="staff",
            recipient_id=sam.pk, subject_id=sam.pk, status="sent", attempts=1,
            sent_at=NOW, **common,
        )  # fmt: skip
        Reminder.objects.create(
            recipient_key=f"staff:{maria.pk}", item_key=f"{sam.pk}:certification:BLS",
            due_key="2026-12-31", kind="manager:before-14", audience="manager",
            recipient_id=maria.pk, subject_id=sam.pk, status="failed", attempts=5,
            last_error="ConnectionRefusedError", **common,
        )  # fmt: skip
        Reminder.objects.create(
            recipient_key=f"staff:{sam.pk}", item_key=f"{sam.pk}:training:7",
            due_key="2026-12-01", kind="staff:before-14", audience="staff",
            recipient_id=sam.pk, subject_id=sam.pk, status="sending", attempts=1,
            claim_token="dead", claimed_at=NOW, **common,
        )  # fmt: skip
    finally:
        new = _migrate(AFTER)

    Policy = new.get_model("reminders", "ReminderPolicy")
    policy = Policy.objects.get()
    assert (policy.offsets_before, policy.escalate_from_days, policy.digest_weekday) == (
        "60, 30",
        10,
        3,
    )
    assert new.get_model("reminders", "CalendarToken").objects.get().token == "secret-feed"
    rows = {r.kind: r for r in new.get_model("reminders", "Reminder").objects.all()}
    assert set(rows) == {"staff:before-60", "manager:before-14", "staff:before-14"}
    assert rows["staff:before-60"].status == "sent"
    assert rows["staff:before-60"].sent_on == NOW.date()
    failed = rows["manager:before-14"]  # the old sweep had given up on it silently
    assert failed.status == "failed" and failed.attempts == 5 and failed.next_attempt_at
    stuck = rows["staff:before-14"]  # left by a dead sweep: its lease has run out
    assert stuck.status == "sending" and stuck.lease_expires_at == NOW
    # New rows get fresh keys after the copied ones.
    Reminder = new.get_model("reminders", "Reminder")
    fresh = Reminder.objects.create(
        recipient_key="nobody", item_key="x", due_key="-", kind="k", audience="staff",
        label="x", planned_on=NOW.date(), created_at=NOW,
    )  # fmt: skip
    assert fresh.pk > max(r.pk for r in rows.values())
