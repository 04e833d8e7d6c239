"""The sweep against real SMTP servers that refuse, hang, or are not there at all."""

import datetime
import time
from collections import Counter

import pytest
from django.urls import reverse
from reminders.models import Reminder, ReminderStatus
from reminders.sweep import run_sweep

from organisation.models import AuditEntry
from tests.factories import StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory
from tests.reminders.smtp import SilentServer, free_port, start_mailbox, use_smtp

EXPIRES = datetime.date(2026, 3, 31)
DAY = EXPIRES - datetime.timedelta(days=10)  # staff reminders and escalations both due


@pytest.fixture
def around_the_clock(policy):
    """Send at any hour, so a test can step through a day of retries."""
    policy.send_from_hour, policy.send_until_hour = 0, 24
    policy.save()
    return policy


@pytest.fixture
def six_due(injector, bls, brookline, maria):
    people = [
        StaffProfileFactory(user__username=f"nurse{i}", roles=[injector], home_location=brookline)
        for i in range(6)
    ]
    for person in people:
        CertificationRecordFactory(staff=person, certification_type=bls, expires_on=EXPIRES)
    return people


def _sent_rows():
    return Reminder.objects.filter(status=ReminderStatus.SENT)


def _assert_ledger_audit_and_mailbox_agree(mailbox, *, repeats_allowed=0):
    rows = list(_sent_rows())
    delivered = Counter(mailbox.ids())
    assert rows and all(delivered[r.message_id] == 1 for r in rows)
    recorded = {r.message_id for r in rows}
    unrecorded = [mid for mid in delivered if mid not in recorded]
    assert len(unrecorded) <= repeats_allowed
    audits = AuditEntry.objects.filter(action="reminder.sent")
    assert sorted(a.data["message_id"] for a in audits) == sorted(r.message_id for r in rows)
    assert not Reminder.objects.exclude(
        status__in=[ReminderStatus.SENT, ReminderStatus.UNDELIVERABLE]
    ).exists()


def test_refusing_every_message_for_six_sweeps_then_accepting_delivers_each_once(
    six_due, around_the_clock, settings, now
):
    mailbox, controller = start_mailbox()
    use_smtp(settings, controller.port)
    mailbox.refuse = "451 4.3.0 Try again later"
    moment = now
    try:
        for _ in range(6):
            report = run_sweep(now=moment, as_of=DAY)
            assert report.messages == 0 and report.count("failed") > 0
            moment += datetime.timedelta(days=1, minutes=1)  # past any backoff
        assert set(Reminder.objects.values_list("attempts", flat=True)) == {6}
        mailbox.refuse = None
        run_sweep(now=moment, as_of=DAY)
        run_sweep(now=moment, as_of=DAY)  # and again: nothing more
    finally:
        controller.stop()
    assert len(mailbox.messages) == 7  # six people and their manager, one message each
    assert all(r.attempts == 7 for r in _sent_rows())
    _assert_ledger_audit_and_mailbox_agree(mailbox)


def test_a_server_that_is_down_for_a_day_gets_everything_once_it_is_back(
    six_due, around_the_clock, settings, now
):
    port = free_port()
    use_smtp(settings, port, timeout=2)  # nothing listens there yet: connections are refused
    moment = now
    for _ in range(6):
        report = run_sweep(now=moment, as_of=DAY)
        # Three refused connections in a row and the sweep stops trying until its next run.
        tried = {line.recipient for line in report.lines if line.status == "failed"}
        assert report.messages == 0 and 0 < len(tried) <= 3
        moment += datetime.timedelta(hours=4, minutes=1)
    mailbox, controller = start_mailbox(port)
    try:
        for _ in range(3):
            moment += datetime.timedelta(days=1)
            run_sweep(now=moment, as_of=DAY)
    finally:
        controller.stop()
    assert sorted(m["To"] for m in mailbox.messages) == sorted(
        {r.recipient.user.email for r in _sent_rows()}
    )
    _assert_ledger_audit_and_mailbox_agree(mailbox)


def test_a_server_that_never_answers_lets_the_sweep_end_inside_its_budget(
    six_due, policy, settings, now
):
    silent = SilentServer()
    use_smtp(settings, silent.port, timeout=0.4)
    budget = 2.0
    try:
        started = time.monotonic()
        report = run_sweep(now=now, as_of=DAY, budget_seconds=budget)
        elapsed = time.monotonic() - started
    finally:
        silent.stop()
    # No message is started that could run past the budget; what follows the last one
    # (giving back the rows not tried) takes milliseconds, so a busy machine gets 0.5 s.
    assert elapsed < budget + 0.5
    assert silent.accepted <= budget / 0.4
    assert report.messages == 0 and report.left > 0
    assert "left for the next run" in report.summary
    tried = Reminder.objects.filter(status=ReminderStatus.FAILED)
    assert tried.exists() and all(r.next_attempt_at > now for r in tried)
    assert not Reminder.objects.filter(status=ReminderStatus.SENDING).exists()  # none held

    mailbox, controller = start_mailbox()
    use_smtp(settings, controller.port)
    try:
        run_sweep(now=now + datetime.timedelta(minutes=1), as_of=DAY)  # what was left
        run_sweep(now=now + datetime.timedelta(minutes=16), as_of=DAY)  # the retries
    finally:
        controller.stop()
    assert len(mailbox.messages) == 7
    _assert_ledger_audit_and_mailbox_agree(mailbox)


def test_a_permanent_refusal_is_undeliverable_at_once_and_raises_an_alert(
    sam, bls, maria, dana, policy, settings, now
):
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRES)
    mailbox, controller = start_mailbox()
    use_smtp(settings, controller.port)
    mailbox.refuse_only = {"sam@clinic.test"}
    try:
        run_sweep(now=now, as_of=DAY)
        row = Reminder.objects.get(recipient=sam)
        assert row.status == ReminderStatus.UNDELIVERABLE and "550" in row.last_error
        assert row.attempts == 1
        alerts = Reminder.objects.filter(audience="alert")
        assert {a.recipient for a in alerts} == {maria, dana}
        # Maria's message of the day went out already; the alert is in tomorrow's.
        run_sweep(now=now + datetime.timedelta(days=1), as_of=DAY)
    finally:
        controller.stop()
    (first, second) = mailbox.to("maria@clinic.test")
    assert "could not be delivered" in second.get_payload()
    assert "Mailbox unavailable" in second.get_payload()
    assert mailbox.to("dana@clinic.test")


def test_after_the_last_attempt_a_row_is_undeliverable_and_shows_on_manage(
    sam, bls, maria, around_the_clock, settings, client, now
):
    around_the_clock.max_attempts = 3
    around_the_clock.save()
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRES)
    mailbox, controller = start_mailbox()
    use_smtp(settings, controller.port)
    mailbox.refuse_only = {"sam@clinic.test"}
    mailbox.refuse = None
    try:
        # A temporary refusal for Sam alone: 4xx on his address.
        mailbox.refuse_only = set()
        mailbox.refuse = "452 4.2.2 Mailbox full"
        moment = now
        run_sweep(now=moment, as_of=DAY)
        client.force_login(maria.user)
        page = client.get(reverse("dashboard:manage")).content.decode()
        assert "Not delivered yet after 1 attempt; next try" in page
        for _ in range(2):
            moment += datetime.timedelta(hours=5)
            run_sweep(now=moment, as_of=DAY)
    finally:
        controller.stop()
    row = Reminder.objects.get(recipient=sam)
    assert row.status == ReminderStatus.UNDELIVERABLE and row.attempts == 3
    assert row.last_error.startswith("Gave up after 3 attempts")
    page = client.get(reverse("dashboard:manage")).content.decode()
    assert "Undeliverable" in page and "Gave up after 3 attempts" in page
    assert "will try again" not in page and "will retry" not in page
    assert Reminder.objects.filter(audience="alert", subject=sam).exists()


def test_a_row_whose_lease_ran_out_is_taken_over_and_a_live_lease_is_not(
    sam, bls, maria, policy, now
):
    from django.core import mail

    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRES)
    run_sweep(now=now, as_of=DAY, budget_seconds=0)  # records, sends nothing
    row = Reminder.objects.get(recipient=sam)
    held = {"status": ReminderStatus.SENDING, "lease_owner": "other-worker:1"}
    Reminder.objects.filter(pk=row.pk).update(
        **held, lease_expires_at=now + datetime.timedelta(minutes=5)
    )
    run_sweep(now=now, as_of=DAY)
    assert not mail.outbox or all("sam@clinic.test" not in m.to for m in mail.outbox)
    Reminder.objects.filter(pk=row.pk).update(lease_expires_at=now - datetime.timedelta(seconds=1))
    report = run_sweep(now=now, as_of=DAY)
    assert report.reclaimed == 1
    assert [m for m in mail.outbox if "sam@clinic.test" in m.to]
    assert Reminder.objects.get(pk=row.pk).status == ReminderStatus.SENT
