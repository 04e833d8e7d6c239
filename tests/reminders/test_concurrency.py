"""Two sweeps at the same moment, in separate connections, send each reminder once."""

import datetime
import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection
from reminders.models import Reminder, ReminderStatus
from reminders.sweep import run_sweep

from tests.factories import StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory

EXPIRES = datetime.date(2026, 3, 31)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locking (select_for_update skip_locked) only means something on PostgreSQL; "
    "this test runs in the PostgreSQL pass (DATABASE_URL=postgres://...).",
)


@pytest.mark.django_db(transaction=True)
def test_two_sweeps_at_once_send_each_reminder_once(injector, bls, brookline, maria, policy, now):
    day = EXPIRES - datetime.timedelta(days=10)  # staff reminders, escalations and a digest
    policy.digest_enabled = True
    policy.digest_weekday = day.weekday()
    policy.save()
    for _ in range(40):
        person = StaffProfileFactory(roles=[injector], home_location=brookline)
        CertificationRecordFactory(staff=person, certification_type=bls, expires_on=EXPIRES)

    start = threading.Barrier(2)
    reports, errors = [], []

    def sweep():
        try:
            start.wait(timeout=10)
            reports.append(run_sweep(now=now, as_of=day, batch_recipients=3))
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
    assert len(rows) == 40 + 40 + 1  # a reminder and an escalation each, one digest
    assert {r.status for r in rows} == {ReminderStatus.SENT}
    assert all(r.attempts == 1 for r in rows)
    assert sum(report.count("sent") for report in reports) == len(rows)
    # One message per person, and one for the manager with 40 escalations and the digest.
    assert len(mail.outbox) == 41
    assert max(Counter(m.to[0] for m in mail.outbox).values()) == 1
    assert len({r.message_id for r in rows}) == 41
