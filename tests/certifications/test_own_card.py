"""Nobody decides about their own card: every manager endpoint answers 403 and changes nothing.

Maria manages Brookline and holds a card there herself; Rachel, another Brookline manager, may
decide about it (and the services refuse Maria whatever the view does).
"""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.urls import reverse

from certifications import services
from certifications.models import CertificationRecord, ExpiryRequestStatus
from organisation.models import AuditEntry
from tests.factories.certifications import CertificationRecordFactory


@pytest.fixture
def own_card(maria, bls):
    """Maria's own card, awaiting verification, asking for a later expiry."""
    return CertificationRecordFactory(
        staff=maria,
        certification_type=bls,
        issued_on=datetime.date(2026, 1, 5),
        pending=True,
        requested_expires_on=datetime.date(2099, 12, 31),
        expiry_request_reason="Card says so",
        expiry_request_status=ExpiryRequestStatus.PENDING,
    )


def _snapshot(record):
    return model_to_dict(CertificationRecord.objects.get(pk=record.pk))


ENDPOINTS = [
    ("decide", {"decision": "verify", "note": "fine"}),
    ("decide", {"decision": "reject", "note": "blurred"}),
    ("override", {"expires_on": "2099-12-31", "override_reason": "I say so"}),
    ("expiry_request", {"decision": "approve"}),
    ("expiry_request", {"decision": "refuse", "note": "no"}),
]


@pytest.mark.parametrize(
    ("name", "data"),
    ENDPOINTS,
    ids=[f"{n}-{d['decision'] if 'decision' in d else 'date'}" for n, d in ENDPOINTS],
)
def test_a_manager_gets_403_on_their_own_card_and_nothing_changes(
    client, maria, own_card, name, data
):
    before = _snapshot(own_card)
    client.force_login(maria.user)
    response = client.post(reverse(f"certifications:{name}", args=[own_card.pk]), data)
    assert response.status_code == 403
    assert _snapshot(own_card) == before
    assert not AuditEntry.objects.exists()


def test_bulk_verify_with_their_own_card_is_403_and_verifies_nothing(
    client, maria, own_card, sam, bls
):
    other = CertificationRecordFactory(staff=sam, certification_type=bls, pending=True)
    before = [_snapshot(own_card), _snapshot(other)]
    client.force_login(maria.user)
    response = client.post(
        reverse("certifications:bulk_verify"),
        {"records": [other.pk, own_card.pk], "checked": "on"},
    )
    assert response.status_code == 403
    assert [_snapshot(own_card), _snapshot(other)] == before
    assert not AuditEntry.objects.exists()


def test_the_record_page_offers_no_decision_on_their_own_card(client, maria, own_card):
    client.force_login(maria.user)
    response = client.get(reverse("certifications:record", args=[own_card.pk]))
    assert response.status_code == 200
    assert not response.context["can_manage"]
    assert b"Save decision" not in response.content


def test_own_cards_stay_out_of_the_managers_queues(client, maria, own_card):
    client.force_login(maria.user)
    response = client.get(reverse("certifications:manage"))
    assert list(response.context["queue"]) == []
    assert list(response.context["expiry_requests"]) == []


@pytest.mark.parametrize(
    "call",
    [
        lambda r, u, now: services.verify_record(record=r, actor=u, now=now),
        lambda r, u, now: services.reject_record(record=r, actor=u, note="x", now=now),
        lambda r, u, now: services.verify_records(records=[r], actor=u, now=now),
        lambda r, u, now: services.override_expiry(
            record=r, expires_on=datetime.date(2099, 1, 1), reason="x", actor=u, now=now
        ),
        lambda r, u, now: services.approve_expiry_request(record=r, actor=u, now=now),
        lambda r, u, now: services.refuse_expiry_request(record=r, actor=u, note="x", now=now),
    ],
    ids=["verify", "reject", "bulk", "override", "approve", "refuse"],
)
def test_services_refuse_the_owner_whoever_calls_them(maria, own_card, now, call):
    before = _snapshot(own_card)
    with pytest.raises(PermissionDenied) as error:
        call(own_card, maria.user, now)
    assert str(error.value) == str(services.OWN_CARD)
    assert _snapshot(own_card) == before
    assert not AuditEntry.objects.exists()
