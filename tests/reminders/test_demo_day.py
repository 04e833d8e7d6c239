"""The demo clinic's first day through a real SMTP server: one message each, nothing left out."""

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from reminders.models import Reminder, ReminderStatus
from reminders.sweep import run_sweep

from tests.reminders.smtp import start_mailbox, use_smtp

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture
def mailbox(settings):
    mailbox, controller = start_mailbox()
    use_smtp(settings, controller.port)
    yield mailbox
    controller.stop()


def test_on_the_demo_clinics_first_day_each_person_gets_one_message_with_all_their_items(
    db, mailbox, settings
):
    settings.SITE_URL = "https://clinic.example"
    call_command("seed_demo", "--today", TODAY.isoformat(), stdout=StringIO())
    # Sweeps every 15 minutes across the working day in both of the demo's time zones.
    start = datetime.datetime(2026, 11, 24, 11, 0, tzinfo=datetime.UTC)  # 06:00 in Boston
    for step in range(0, 15 * 4 * 14, 15):
        run_sweep(now=start + datetime.timedelta(minutes=step))

    per_recipient = Counter(m["To"] for m in mailbox.messages)
    assert per_recipient and max(per_recipient.values()) <= 2, per_recipient.most_common(3)
    assert per_recipient["regional@demo.readyroom.test"] == 1

    sent = Reminder.objects.filter(status=ReminderStatus.SENT).select_related("recipient__user")
    bodies = {m["Message-ID"]: m.get_payload(decode=True).decode() for m in mailbox.messages}
    assert sent.count() > len(bodies)  # several items to a message
    for row in sent:
        body = bodies[row.message_id]
        shown = "This week at the locations you manage" if row.audience == "digest" else row.label
        assert shown in body, (row.kind, row.label)
        assert "https://clinic.example/" in body
    # Nobody has a pending item left: everything due that day went out (or is reported).
    assert not Reminder.objects.filter(status__in=["pending", "failed", "sending"]).exists()
    staff_message = next(m for m in mailbox.messages if m["To"] == "staff@demo.readyroom.test")
    text = staff_message.get_payload(decode=True).decode()
    own = Reminder.objects.filter(recipient__user__username="staff", audience="staff")
    assert own.exists()
    for row in own:
        assert row.label in text and f"https://clinic.example{row.url}" in text
