import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from certifications import services
from certifications.files import CARD_TOO_LARGE, CARD_WRONG_TYPE, MAX_CARD_BYTES
from certifications.models import CertificationRecord, ExpiryRequestStatus, VerificationStatus
from organisation.models import AuditEntry
from tests.factories.certifications import (
    JPEG_BYTES,
    PNG_BYTES,
    CertificationRecordFactory,
    CertificationTypeFactory,
    pdf_upload,
)


def _upload(sam, bls, now, **kwargs):
    defaults = {
        "staff": sam,
        "certification_type": bls,
        "issued_on": datetime.date(2026, 2, 10),
        "card_number": "AHA-9",
        "card_file": pdf_upload(),
        "actor": sam.user,
        "now": now,
    }
    return services.upload_record(**{**defaults, **kwargs})


def test_upload_derives_expiry_stores_privately_and_audits(sam, bls, now, settings):
    record = _upload(sam, bls, now)
    assert record.expires_on == datetime.date(2028, 2, 29)
    assert record.verification_status == VerificationStatus.PENDING
    assert record.card_content_type == "application/pdf"
    path = record.card_file.path
    assert path.startswith(str(settings.PRIVATE_STORAGE_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "card.pdf" not in path  # the uploaded name never reaches the disk
    entry = AuditEntry.objects.get(action="certification.uploaded")
    assert (entry.staff, entry.actor) == (sam, sam.user)


def test_a_renewal_supersedes_the_previous_record_and_keeps_history(sam, bls, now):
    old = CertificationRecordFactory(staff=sam, certification_type=bls)
    new = _upload(sam, bls, now)
    assert new.supersedes == old
    assert CertificationRecord.objects.filter(staff=sam).count() == 2
    newer = _upload(sam, bls, now, issued_on=datetime.date(2026, 3, 1))
    assert newer.supersedes == new


def test_a_different_expiry_on_upload_is_a_request_with_a_reason(sam, bls, now):
    with pytest.raises(ValidationError) as error:
        _upload(sam, bls, now, expires_on=datetime.date(2027, 12, 31))
    assert services.OVERRIDE_NEEDS_REASON in error.value.message_dict["override_reason"]
    assert not CertificationRecord.objects.exists()

    record = _upload(
        sam, bls, now, expires_on=datetime.date(2027, 12, 31), override_reason="Card says so"
    )
    # The person never sets their own expiry: the rule's date counts until a manager decides.
    assert record.expires_on == datetime.date(2028, 2, 29)
    assert record.requested_expires_on == datetime.date(2027, 12, 31)
    assert (record.expiry_request_status, record.expiry_request_reason) == (
        ExpiryRequestStatus.PENDING,
        "Card says so",
    )
    assert record.expiry_override_reason == ""
    assert AuditEntry.objects.filter(action="certification.expiry_requested").count() == 1
    assert not AuditEntry.objects.filter(action="certification.expiry_overridden").exists()


def test_the_rule_date_given_explicitly_is_not_an_override(sam, bls, now):
    record = _upload(sam, bls, now, expires_on=datetime.date(2028, 2, 29), override_reason="x")
    assert record.expiry_override_reason == ""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("card.pdf", b"<html><script>alert(1)</script></html>", CARD_WRONG_TYPE),
        ("card.png", b"GIF89a....", CARD_WRONG_TYPE),
        ("card.exe", b"MZ\x90\x00", CARD_WRONG_TYPE),
        ("card.pdf", b"%PDF-" + b"0" * MAX_CARD_BYTES, CARD_TOO_LARGE),
    ],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    sam, bls, now, settings, name, content, message
):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    with pytest.raises(ValidationError) as error:
        _upload(sam, bls, now, card_file=upload)
    assert error.value.messages == [str(message)]
    assert not CertificationRecord.objects.exists()
    assert not any(p.is_file() for p in settings.PRIVATE_STORAGE_ROOT.rglob("*"))


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [("scan.bin", PNG_BYTES, "image/png"), ("photo.jpeg", JPEG_BYTES, "image/jpeg")],
)
def test_png_and_jpeg_are_recognised_by_content(sam, bls, now, name, content, content_type):
    record = _upload(sam, bls, now, card_file=SimpleUploadedFile(name, content))
    assert record.card_content_type == content_type


def test_issue_date_in_the_future_is_refused(sam, bls, now):
    with pytest.raises(ValidationError):
        _upload(sam, bls, now, issued_on=datetime.date(2026, 3, 5))


def test_manager_verifies_and_rejects_with_audit(sam, maria, bls, now):
    first = CertificationRecordFactory(
        staff=sam, certification_type=bls, verification_status=VerificationStatus.PENDING
    )
    verified = services.verify_record(record=first, actor=maria.user, now=now)
    assert (verified.verification_status, verified.verified_by) == ("verified", maria.user)
    with pytest.raises(ValidationError):
        services.verify_record(record=first, actor=maria.user, now=now)  # not pending any more

    second = CertificationRecordFactory(
        staff=sam, certification_type=bls, verification_status=VerificationStatus.PENDING
    )
    with pytest.raises(ValidationError) as error:
        services.reject_record(record=second, actor=maria.user, note=" ", now=now)
    assert services.REJECT_NEEDS_NOTE in error.value.message_dict["note"]
    services.reject_record(record=second, actor=maria.user, note="Card is blurred", now=now)
    actions = list(AuditEntry.objects.filter(staff=sam).values_list("action", flat=True))
    assert sorted(actions) == ["certification.rejected", "certification.verified"]


def test_nobody_verifies_their_own_card(maria, bls, now):
    record = CertificationRecordFactory(
        staff=maria, certification_type=bls, verification_status=VerificationStatus.PENDING
    )
    with pytest.raises(PermissionDenied):
        services.verify_record(record=record, actor=maria.user, now=now)


def test_override_expiry_later(sam, maria, now):
    lso = CertificationTypeFactory(code="LSO", expiry_rule="exact_date", validity_months=36)
    record = CertificationRecordFactory(staff=sam, certification_type=lso)
    with pytest.raises(ValidationError):
        services.override_expiry(
            record=record,
            expires_on=datetime.date(2027, 1, 1),
            reason="",
            actor=maria.user,
            now=now,
        )
    services.override_expiry(
        record=record,
        expires_on=datetime.date(2027, 1, 1),
        reason="Course provider letter",
        actor=maria.user,
        now=now,
    )
    record.refresh_from_db()
    assert record.expires_on == datetime.date(2027, 1, 1)
    assert AuditEntry.objects.get(action="certification.expiry_overridden").actor == maria.user


def test_calendar_token_regenerates(sam, now):
    from reminders import services as reminder_services

    first = reminder_services.calendar_token_for(user=sam.user, now=now).token
    assert reminder_services.calendar_token_for(user=sam.user, now=now).token == first
    assert reminder_services.regenerate_calendar_token(user=sam.user, now=now).token != first
