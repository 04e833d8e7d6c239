"""Card dates within 1900-2200 and notes within their lengths, in forms and in services."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from certifications import services
from certifications.models import CertificationRecord, ExpiryRequestStatus
from organisation.bounds import DATE_OUT_OF_RANGE
from tests.factories.certifications import CertificationRecordFactory, pdf_upload

MY = reverse("certifications:my_certifications")


def _upload(client, bls, **overrides):
    data = {
        "certification_type": bls.pk,
        "issued_on": "2026-02-10",
        "card_number": "AHA-1",
        "card_file": pdf_upload(),
        **overrides,
    }
    return client.post(MY, data)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("issued_on", "0001-01-01"),
        ("issued_on", "1899-12-31"),
        ("expires_on", "9999-12-31"),
        ("expires_on", "2201-01-01"),
    ],
)
def test_upload_form_refuses_dates_out_of_bounds(client, sam, bls, field, value):
    client.force_login(sam.user)
    response = _upload(client, bls, override_reason="Card says so", **{field: value})
    assert response.status_code == 400
    assert response.context["form"].errors[field] == [str(DATE_OUT_OF_RANGE)]
    assert not CertificationRecord.objects.exists()


def test_upload_form_refuses_a_reason_past_its_length(client, sam, bls):
    client.force_login(sam.user)
    response = _upload(client, bls, expires_on="2027-12-31", override_reason="x" * 301)
    assert response.status_code == 400
    assert "300 characters or fewer" in response.context["form"].errors["override_reason"][0]
    assert not CertificationRecord.objects.exists()


@pytest.fixture
def pending(sam, bls):
    return CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        pending=True,
        requested_expires_on=datetime.date(2030, 1, 31),
        expiry_request_reason="The card says so",
        expiry_request_status=ExpiryRequestStatus.PENDING,
    )


def test_override_form_refuses_year_9999_and_a_long_reason(client, maria, pending):
    client.force_login(maria.user)
    url = reverse("certifications:override", args=[pending.pk])
    response = client.post(url, {"expires_on": "9999-12-31", "override_reason": "y" * 301})
    assert response.status_code == 400
    errors = response.context["override_form"].errors
    assert errors["expires_on"] == [str(DATE_OUT_OF_RANGE)]
    assert "300 characters or fewer" in errors["override_reason"][0]
    pending.refresh_from_db()
    assert pending.expires_on != datetime.date(9999, 12, 31)


@pytest.mark.parametrize(
    ("url_name", "form_name", "data"),
    [
        ("decide", "decision_form", {"decision": "reject"}),
        ("expiry_request", "expiry_form", {"decision": "refuse"}),
    ],
)
def test_decision_notes_past_500_characters_are_refused(
    client, maria, pending, url_name, form_name, data
):
    client.force_login(maria.user)
    url = reverse(f"certifications:{url_name}", args=[pending.pk])
    response = client.post(url, {**data, "note": "n" * 501})
    assert response.status_code == 400
    assert "500 characters or fewer" in response.context[form_name].errors["note"][0]
    pending.refresh_from_db()
    assert pending.verification_status == "pending"
    assert pending.expiry_request_status == ExpiryRequestStatus.PENDING


def test_bulk_verify_note_past_500_characters_is_refused(client, maria, pending):
    client.force_login(maria.user)
    response = client.post(
        reverse("certifications:bulk_verify"),
        {"records": [pending.pk], "checked": "on", "note": "n" * 501},
    )
    assert response.status_code == 400
    pending.refresh_from_db()
    assert pending.verification_status == "pending"


def test_services_refuse_the_same_without_a_form(sam, bls, maria, pending, now):
    with pytest.raises(ValidationError) as error:
        services.upload_record(
            staff=sam,
            certification_type=bls,
            issued_on=datetime.date(1, 1, 1),
            expires_on=datetime.date(9999, 12, 31),
            override_reason="because",
            actor=sam.user,
            now=now,
        )
    assert error.value.message_dict == {
        "issued_on": [str(DATE_OUT_OF_RANGE)],
        "expires_on": [str(DATE_OUT_OF_RANGE)],
    }
    with pytest.raises(ValidationError) as error:
        services.override_expiry(
            record=pending,
            expires_on=datetime.date(9999, 12, 31),
            reason="because",
            actor=maria.user,
            now=now,
        )
    assert error.value.message_dict == {"expires_on": [str(DATE_OUT_OF_RANGE)]}
    with pytest.raises(ValidationError):
        services.reject_record(record=pending, actor=maria.user, note="n" * 501, now=now)
    with pytest.raises(ValidationError):
        services.refuse_expiry_request(record=pending, actor=maria.user, note="n" * 501, now=now)
    pending.refresh_from_db()
    assert (pending.verification_status, pending.expiry_request_status) == (
        "pending",
        ExpiryRequestStatus.PENDING,
    )
    assert CertificationRecord.objects.count() == 1
