"""The sweep against a real SMTP server (aiosmtpd) that refuses one recipient, then recovers."""

import datetime
import socket

import pytest
from aiosmtpd.controller import Controller

from certifications.models import Reminder, ReminderPolicy, ReminderStatus
from certifications.reminders.sweep import run_sweep
from tests.factories import StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory

EXPIRES = datetime.date(2026, 3, 31)


class FlakyHandler:
    """Accepts mail, except to addresses in `refuse` (550) and when `drop` is set."""

    def __init__(self):
        self.refuse: set[str] = set()
        self.drop = False
        self.delivered: list[tuple[str, ...]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.drop:
            session.transport.close()  # the connection goes away mid-conversation
            return "421 closing"
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.delivered.append(tuple(envelope.rcpt_tos))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    handler = FlakyHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    yield handler
    controller.stop()


@pytest.fixture
def three_due(injector, bls, brookline, db):
    policy = ReminderPolicy.load()
    policy.digest_enabled = False
    policy.save()
    people = []
    for name in ("ann", "bob", "cy"):
        person = StaffProfileFactory(user__username=name, roles=[injector], home_location=brookline)
        CertificationRecordFactory(staff=person, certification_type=bls, expires_on=EXPIRES)
        people.append(person)
    return people


def _statuses():
    return dict(Reminder.objects.values_list("recipient__user__username", "status"))


def test_a_refused_recipient_fails_alone_and_is_retried_next_sweep(smtp, three_due, now):
    smtp.refuse = {"bob@clinic.test"}
    day = EXPIRES - datetime.timedelta(days=30)

    report = run_sweep(now=now, as_of=day)

    assert _statuses() == {"ann": "sent", "bob": "failed", "cy": "sent"}
    failed = Reminder.objects.get(recipient__user__username="bob")
    assert "550" in failed.last_error and failed.attempts == 1
    assert report.count(ReminderStatus.FAILED) == 1
    assert sorted(smtp.delivered) == [("ann@clinic.test",), ("cy@clinic.test",)]

    smtp.refuse = set()
    run_sweep(now=now, as_of=day + datetime.timedelta(days=1))

    assert _statuses() == {"ann": "sent", "bob": "sent", "cy": "sent"}
    retried = Reminder.objects.get(recipient__user__username="bob")
    assert retried.attempts == 2 and retried.last_error == ""
    assert len(smtp.delivered) == 3  # nobody got a second copy


def test_a_dropped_connection_leaves_rows_failed_then_they_go_out(smtp, three_due, now):
    smtp.drop = True
    day = EXPIRES - datetime.timedelta(days=30)
    run_sweep(now=now, as_of=day)
    assert set(_statuses().values()) == {"failed"}
    assert all(r.last_error for r in Reminder.objects.all())

    smtp.drop = False
    run_sweep(now=now, as_of=day)
    assert set(_statuses().values()) == {"sent"}
    assert len(smtp.delivered) == 3


def test_a_server_that_is_down_fails_every_row_without_losing_any(settings, three_due, now):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = _free_port()  # nothing listens here
    settings.EMAIL_TIMEOUT = 2
    run_sweep(now=now, as_of=EXPIRES - datetime.timedelta(days=30))
    assert set(_statuses().values()) == {"failed"}
    assert "ConnectionRefusedError" in Reminder.objects.first().last_error
