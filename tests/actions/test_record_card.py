"""Record a card for someone: a manager of the person uploads it on their behalf, stored as
the person's own upload (private file, checked), marked as recorded by that manager, awaiting
verification by another manager - the recorder verifying it is refused with a clear message."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from actions import cards
from certifications import services
from certifications.models import CertificationRecord, VerificationStatus
from organisation.models import AuditEntry
from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import CertificationTypeFactory, pdf_upload

NOW = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)
ISSUED = datetime.date(2026, 2, 20)


@pytest.fixture
def world(db, settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path
    north = LocationFactory(slug="north", name="North")
    south = LocationFactory(slug="south", name="South")
    return {
        "sam": StaffProfileFactory(home_location=north, user__username="sam"),
        "nora": ManagerFactory(home_location=north, user__username="nora"),
        "nick": ManagerFactory(home_location=north, user__username="nick"),
        "olga": ManagerFactory(home_location=south, user__username="olga"),
        "bls": CertificationTypeFactory(code="BLS", name="Basic Life Support"),
    }


def record(world, actor="nora"):
    return cards.record_card_for(
        staff=world["sam"],
        certification_type=world["bls"],
        issued_on=ISSUED,
        card_number="AHA-55",
        card_file=pdf_upload(),
        actor=world[actor].user,
        now=NOW,
    )


def test_recorded_like_an_upload_marked_as_the_managers_and_awaiting(world, tmp_path):
    card = record(world)
    assert card.staff == world["sam"] and card.uploaded_by == world["nora"].user
    assert card.verification_status == VerificationStatus.PENDING
    assert card.expires_on == datetime.date(2028, 2, 29)  # AHA: end of month, two years
    assert card.card_content_type == "application/pdf"
    assert (tmp_path / card.card_file.name).exists()  # private storage, not MEDIA_ROOT
    actions = list(AuditEntry.objects.order_by("pk").values_list("action", "actor"))
    assert actions == [
        ("certification.uploaded", world["nora"].user.pk),
        ("certification.recorded_for", world["nora"].user.pk),
    ]


def test_the_recorder_cannot_verify_it_and_another_manager_can(world):
    card = record(world)
    with pytest.raises(PermissionDenied) as refused:
        services.verify_record(record=card, actor=world["nora"].user, now=NOW)
    assert str(refused.value) == str(services.RECORDED_IT)
    card.refresh_from_db()
    assert card.verification_status == VerificationStatus.PENDING
    services.verify_record(record=card, actor=world["nick"].user, now=NOW)
    card.refresh_from_db()
    assert card.verification_status == VerificationStatus.VERIFIED
    assert card.verified_by == world["nick"].user


def test_the_recorders_queue_leaves_it_out_and_the_other_managers_has_it(client, world):
    card = record(world)
    client.force_login(world["nora"].user)
    assert (
        client.post(
            reverse("certifications:decide", args=[card.pk]), {"decision": "verify"}
        ).status_code
        == 403
    )
    page = client.get(reverse("certifications:record", args=[card.pk])).content.decode()
    assert "so another manager verifies or rejects it" in page
    assert reverse("certifications:decide", args=[card.pk]) not in page
    queue = client.get(reverse("certifications:manage")).content.decode()
    assert f'value="{card.pk}"' not in queue
    client.force_login(world["nick"].user)
    assert f'value="{card.pk}"' in client.get(reverse("certifications:manage")).content.decode()
    page = client.get(reverse("certifications:record", args=[card.pk])).content.decode()
    assert reverse("certifications:decide", args=[card.pk]) in page


def test_another_locations_manager_cannot_record_one(client, world):
    with pytest.raises(PermissionDenied):
        record(world, actor="olga")
    client.force_login(world["olga"].user)
    url = reverse("actions:record_card", args=[world["sam"].pk])
    assert client.get(url).status_code == 404
    assert not CertificationRecord.objects.exists() and not AuditEntry.objects.exists()


def test_the_page_records_it_and_keeps_what_was_typed_on_an_error(client, world):
    client.force_login(world["nora"].user)
    url = reverse("actions:record_card", args=[world["sam"].pk])
    assert client.get(url).status_code == 200
    bad = client.post(
        url,
        {
            "certification_type": world["bls"].pk,
            "issued_on": "2099-01-01",
            "card_number": "AHA-77",
            "card_file": pdf_upload(),
        },
    )
    assert bad.status_code == 400
    html = bad.content.decode()
    assert "issue date cannot be in the future" in html and 'value="AHA-77"' in html
    good = client.post(
        url,
        {
            "certification_type": world["bls"].pk,
            "issued_on": ISSUED.isoformat(),
            "card_number": "AHA-77",
            "card_file": pdf_upload(),
        },
    )
    assert good.status_code == 302
    assert CertificationRecord.objects.get().uploaded_by == world["nora"].user
