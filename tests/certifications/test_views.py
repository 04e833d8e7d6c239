import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certifications.files import CARD_TOO_LARGE, CARD_WRONG_TYPE
from certifications.models import CertificationRecord, VerificationStatus
from certifications.services import REJECT_NEEDS_NOTE, upload_record
from organisation.models import AuditEntry
from tests.factories import StaffProfileFactory, UserFactory
from tests.factories.certifications import (
    PDF_BYTES,
    CertificationRecordFactory,
    pdf_upload,
)

MY = reverse("certifications:my_certifications")
MANAGE = reverse("certifications:manage")


@pytest.fixture
def card(sam, bls, now):
    return upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 1, 5),
        card_number="AHA-555",
        card_file=pdf_upload(),
        actor=sam.user,
        now=now,
    )


def _post_upload(client, bls, **overrides):
    data = {
        "certification_type": bls.pk,
        "issued_on": "2026-02-10",
        "card_number": "AHA-1",
        "card_file": pdf_upload(),
        **overrides,
    }
    return client.post(MY, data)


def test_my_certifications_shows_status_and_days_left(client, sam, bls):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=datetime.date(2099, 1, 31)
    )
    client.force_login(sam.user)
    response = client.get(MY)
    assert response.status_code == 200
    holding = response.context["holdings"][0]
    assert holding.certification_type == bls and holding.status == "current"
    assert (
        b"Basic Life Support" in response.content
        and b"Upload a new or renewed card" in response.content
    )


def test_upload_from_the_page_records_a_pending_card(client, sam, bls):
    client.force_login(sam.user)
    response = _post_upload(client, bls)
    assert response.status_code == 302
    record = CertificationRecord.objects.get()
    assert record.verification_status == VerificationStatus.PENDING
    assert record.expires_on == datetime.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("card.pdf", b"<script>x</script>"), CARD_WRONG_TYPE),
        (SimpleUploadedFile("card.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024)), CARD_TOO_LARGE),
    ],
)
def test_bad_files_get_a_form_error_and_store_nothing(
    client, sam, bls, upload, message, private_storage
):
    client.force_login(sam.user)
    response = _post_upload(client, bls, card_file=upload, card_number="kept")
    assert response.status_code == 400
    assert response.context["form"].errors["card_file"] == [str(message)]
    assert response.context["form"]["card_number"].value() == "kept"
    assert not CertificationRecord.objects.exists()
    assert not private_storage.exists() or not any(private_storage.rglob("*.*"))


def test_override_without_reason_is_a_form_error(client, sam, bls):
    client.force_login(sam.user)
    response = _post_upload(client, bls, expires_on="2027-01-01")
    assert response.status_code == 400
    assert "override_reason" in response.context["form"].errors


def test_owner_and_manager_download_the_card_privately(client, card, maria):
    for user in (card.staff.user, maria.user):
        client.force_login(user)
        response = client.get(reverse("certifications:card", args=[card.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("name", ["card", "record"])
def test_wrong_viewers_get_404_for_record_and_card(client, card, marcus, brookline, name):
    colleague = StaffProfileFactory(home_location=brookline)
    url = reverse(f"certifications:{name}", args=[card.pk])
    for intruder in (colleague.user, marcus.user):
        client.force_login(intruder)
        assert client.get(url).status_code == 404
    missing = reverse(f"certifications:{name}", args=[card.pk + 1000])
    assert client.get(missing).status_code == 404


def test_manager_of_another_location_cannot_decide(client, card, marcus):
    client.force_login(marcus.user)
    url = reverse("certifications:decide", args=[card.pk])
    assert client.post(url, {"decision": "verify"}).status_code == 404
    card.refresh_from_db()
    assert card.verification_status == VerificationStatus.PENDING


def test_record_page_shows_history_and_audit_to_the_manager(client, card, maria):
    client.force_login(maria.user)
    response = client.get(reverse("certifications:record", args=[card.pk]))
    assert response.status_code == 200
    assert response.context["can_manage"]
    assert b"AHA-555" in response.content
    assert b"card issued 05 Jan 2026 recorded" in response.content


def test_verification_queue_lists_only_managed_locations(client, card, maria, marcus):
    client.force_login(maria.user)
    assert list(client.get(MANAGE).context["queue"]) == [card]
    client.force_login(marcus.user)
    assert list(client.get(MANAGE).context["queue"]) == []


def test_staff_cannot_open_the_queue(client, sam):
    client.force_login(sam.user)
    assert client.get(MANAGE).status_code == 403


def test_manager_verifies_and_rejects_from_the_record(client, card, maria, sam, bls, now):
    client.force_login(maria.user)
    decide = reverse("certifications:decide", args=[card.pk])
    response = client.post(decide, {"decision": "reject", "note": ""})
    assert response.status_code == 400
    assert REJECT_NEEDS_NOTE in response.context["decision_form"].errors["note"]
    response = client.post(decide, {"decision": "verify", "note": "Checked with AHA"})
    assert response.status_code == 302
    card.refresh_from_db()
    assert (card.verification_status, card.verified_by) == ("verified", maria.user)
    assert AuditEntry.objects.filter(action="certification.verified", actor=maria.user).exists()


def test_queue_query_count_is_flat(
    client, maria, injector, bls, brookline, django_assert_max_num_queries
):
    client.force_login(maria.user)
    client.get(MANAGE)  # the first page reads the page tree once (content.page_tree)
    counts = []
    for size in (2, 12):
        while CertificationRecord.objects.count() < size:
            person = StaffProfileFactory(home_location=brookline, roles=[injector])
            CertificationRecordFactory(
                staff=person,
                certification_type=bls,
                verification_status=VerificationStatus.PENDING,
                expires_on=datetime.date(2026, 4, 30),
            )
        with django_assert_max_num_queries(20) as captured:
            response = client.get(MANAGE)
        assert len(response.context["queue"]) == size
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_my_page_query_count_is_flat(client, sam, bls, django_assert_max_num_queries):
    client.force_login(sam.user)
    client.get(MY)  # the first page reads the page tree once (content.page_tree)
    counts = []
    for size in (1, 10):
        while CertificationRecord.objects.count() < size:
            CertificationRecordFactory(staff=sam, certification_type=bls)
        with django_assert_max_num_queries(20) as captured:
            client.get(MY)
        counts.append(len(captured))
    assert counts[0] == counts[1]


def test_users_without_a_profile_get_404_on_my_pages(client, db):
    client.force_login(UserFactory())
    assert client.get(MY).status_code == 404


def test_expiries_between_skips_records_replaced_by_a_counting_renewal(maria, sam, bls):
    from certifications.selectors import expiries_between

    old = CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=datetime.date(2026, 3, 31)
    )
    start, end = datetime.date(2026, 3, 1), datetime.date(2026, 4, 30)
    assert list(expiries_between(maria.user, start=start, end=end)) == [old]
    rejected = CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        supersedes=old,
        verification_status=VerificationStatus.REJECTED,
    )
    assert list(expiries_between(maria.user, start=start, end=end)) == [old]
    pending = CertificationRecordFactory(
        staff=sam, certification_type=bls, supersedes=rejected, pending=True
    )
    # A renewal nobody has verified yet does not replace the verified card either.
    assert list(expiries_between(maria.user, start=start, end=end)) == [old]
    CertificationRecord.objects.filter(pk=pending.pk).update(
        verification_status=VerificationStatus.VERIFIED
    )
    assert list(expiries_between(maria.user, start=start, end=end)) == []


def test_record_page_query_count_is_flat(client, sam, maria, bls, django_assert_max_num_queries):
    client.force_login(maria.user)
    client.get(MANAGE)  # the first page reads the page tree once (content.page_tree)
    record = None
    counts = []
    for size in (1, 8):
        while CertificationRecord.objects.count() < size:
            record = CertificationRecordFactory(
                staff=sam, certification_type=bls, supersedes=record
            )
        with django_assert_max_num_queries(25) as captured:
            assert client.get(reverse("certifications:record", args=[record.pk])).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
