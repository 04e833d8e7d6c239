"""A sweep killed with SIGKILL in the middle of sending, on PostgreSQL, then run again.

The bound the README states: only the message in flight when the worker died can be sent
twice; everything else due is delivered exactly once, and ledger, audit and the server's
mailbox agree.
"""

import datetime
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection
from reminders.models import Reminder, ReminderStatus
from reminders.sweep import run_sweep

from organisation.models import AuditEntry
from tests.factories import StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory
from tests.reminders.smtp import start_mailbox, use_smtp

EXPIRES = datetime.date(2026, 3, 31)
DAY = EXPIRES - datetime.timedelta(days=30)
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="A second process sharing the test database, with row locks that mean something: "
    "this runs in the PostgreSQL pass (DATABASE_URL=postgres://...).",
)

SWEEP_IN_A_CHILD = """
import datetime, sys
import django
django.setup()
from django.conf import settings
settings.DATABASES["default"]["NAME"] = sys.argv[1]
settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", int(sys.argv[2])
settings.EMAIL_USE_TLS = False
from reminders.sweep import run_sweep
print("started", flush=True)
now, day = datetime.datetime.fromisoformat(sys.argv[3]), datetime.date.fromisoformat(sys.argv[4])
run_sweep(now=now, as_of=day)
print("finished", flush=True)
"""


@pytest.mark.django_db(transaction=True)
def test_a_sweep_killed_mid_send_then_run_again_delivers_everything(
    injector, bls, brookline, policy, settings, now
):
    people = [
        StaffProfileFactory(user__username=f"p{i}", roles=[injector], home_location=brookline)
        for i in range(30)
    ]
    for person in people:
        CertificationRecordFactory(staff=person, certification_type=bls, expires_on=EXPIRES)
    mailbox, controller = start_mailbox()
    mailbox.delay = 0.15  # a slow server, so the kill lands in the middle of the sweep
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), str(ROOT / "site")])
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            SWEEP_IN_A_CHILD,
            connection.settings_dict["NAME"],
            str(controller.port),
            now.isoformat(),
            DAY.isoformat(),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while len(mailbox.messages) < 10:
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the child sweep never got going"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        time.sleep(0.5)  # the server finishes taking in the message that was in flight
        delivered_before = len(mailbox.messages)
        assert delivered_before < len(people), "the sweep finished before it was killed"
        stranded = Reminder.objects.filter(status=ReminderStatus.SENDING).count()
        assert stranded > 0  # held under the dead sweep's lease

        # Inside the lease nothing is taken over; after it, everything is.
        mailbox.delay = 0
        use_smtp(settings, controller.port)
        run_sweep(now=now + datetime.timedelta(minutes=1), as_of=DAY)
        assert len(mailbox.messages) == delivered_before
        report = run_sweep(now=now + datetime.timedelta(minutes=11), as_of=DAY)
        assert report.reclaimed == stranded
    finally:
        if child.poll() is None:
            child.kill()
        controller.stop()

    rows = list(Reminder.objects.all())
    assert len(rows) == len(people) and all(r.status == ReminderStatus.SENT for r in rows)
    per_person = Counter(m["To"] for m in mailbox.messages)
    assert set(per_person) == {p.user.email for p in people}
    repeated = [to for to, n in per_person.items() if n > 1]
    assert len(repeated) <= 1 and all(per_person[to] == 2 for to in repeated)
    delivered = Counter(mailbox.ids())
    recorded = {r.message_id for r in rows}
    assert all(delivered[mid] == 1 for mid in recorded)
    assert len(set(delivered) - recorded) == len(repeated)  # the one in flight, if any
    audits = AuditEntry.objects.filter(action="reminder.sent")
    assert sorted(a.data["message_id"] for a in audits) == sorted(r.message_id for r in rows)
