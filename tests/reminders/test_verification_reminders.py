"""Cards awaiting verification and rejected cards, as reminders see them."""

import datetime

from django.core import mail
from reminders.models import Reminder
from reminders.sweep import run_sweep

from certifications.services import reject_record, upload_record
from tests.factories.certifications import CertificationRecordFactory, pdf_upload

EXPIRES = datetime.date(2026, 3, 31)
DAY = datetime.timedelta(days=1)


def _to(address):
    return [m for m in mail.outbox if address in m.to]


def test_a_card_awaiting_verification_is_the_managers_job_not_the_persons(
    sam, bls, maria, policy, now
):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=EXPIRES, uploaded_at=now - 700 * DAY
    )
    upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 3, 1),
        card_file=pdf_upload(),
        actor=sam.user,
        now=now,
    )
    run_sweep(now=now, as_of=EXPIRES - 5 * DAY)
    assert _to("sam@clinic.test") == []
    (to_maria,) = _to("maria@clinic.test")
    assert "has a card awaiting verification" in to_maria.body
    assert "Verify the uploaded card" in to_maria.body
    assert "/manage/certifications/" in to_maria.body
    assert Reminder.objects.get(recipient=maria).kind == "manager:before-7"


def test_a_rejected_card_is_told_to_the_person_with_the_reason_and_the_link(
    sam, bls, maria, policy, now
):
    record = upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 3, 1),
        card_file=pdf_upload(),
        actor=sam.user,
        now=now,
    )
    run_sweep(now=now)  # the day's message: the card awaits verification, so only Maria
    reject_record(record=record, actor=maria.user, note="The photo is blurred", now=now)
    tomorrow = now + DAY
    run_sweep(now=tomorrow)
    (to_sam,) = _to("sam@clinic.test")
    assert "was rejected: The photo is blurred" in to_sam.body
    assert "http://127.0.0.1:8000/my/certifications/" in to_sam.body
    # Told once: the same note is not sent again the next day.
    run_sweep(now=tomorrow + DAY)
    assert len(_to("sam@clinic.test")) == 1
