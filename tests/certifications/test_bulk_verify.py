"""Verifying several cards at once from the queue: all of them or none."""

import datetime

import pytest
from django.urls import reverse

from certifications.models import CertificationRecord, VerificationStatus
from organisation.models import AuditEntry
from tests.factories import StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory

BULK = reverse("certifications:bulk_verify")
MANAGE = reverse("certifications:manage")


def _pending(person, bls):
    return CertificationRecordFactory(
        staff=person,
        certification_type=bls,
        verification_status=VerificationStatus.PENDING,
        expires_on=datetime.date(2027, 4, 30),
    )


@pytest.fixture
def two_cards(sam, bls, injector, brookline):
    other = StaffProfileFactory(home_location=brookline, roles=[injector])
    return [_pending(sam, bls), _pending(other, bls)]


def _statuses(cards):
    return [CertificationRecord.objects.get(pk=c.pk).verification_status for c in cards]


def test_manager_verifies_selected_cards_with_one_note(client, maria, two_cards):
    client.force_login(maria.user)
    page = client.get(MANAGE).content.decode()
    assert "Verify selected cards" in page
    response = client.post(
        BULK,
        {"records": [c.pk for c in two_cards], "checked": "on", "note": "Checked on AHA site"},
    )
    assert response.status_code == 302
    assert _statuses(two_cards) == ["verified", "verified"]
    entries = AuditEntry.objects.filter(action="certification.verified", actor=maria.user)
    assert entries.count() == 2
    assert all("Checked on AHA site" in e.summary for e in entries)
    assert "2 cards verified." in client.get(MANAGE).content.decode()


def test_without_the_confirmation_nothing_is_verified(client, maria, two_cards):
    client.force_login(maria.user)
    response = client.post(BULK, {"records": [c.pk for c in two_cards]})
    assert response.status_code == 400
    assert "Confirm that you checked each card" in response.content.decode()
    assert _statuses(two_cards) == ["pending", "pending"]
    # The selection survives the error so the manager does not start over.
    assert f'value="{two_cards[0].pk}" id="pick-{two_cards[0].pk}" checked' in (
        response.content.decode()
    )


def test_nothing_selected_is_a_clear_error(client, maria, two_cards):
    client.force_login(maria.user)
    response = client.post(BULK, {"checked": "on"})
    assert response.status_code == 400
    assert "Select at least one card" in response.content.decode()


def test_a_card_of_another_location_spoils_the_whole_batch(
    client, maria, two_cards, marcus, bls, injector
):
    elsewhere = _pending(
        StaffProfileFactory(home_location=marcus.home_location, roles=[injector]), bls
    )
    client.force_login(maria.user)
    response = client.post(BULK, {"records": [two_cards[0].pk, elsewhere.pk], "checked": "on"})
    assert response.status_code == 400
    assert "no longer waiting for your verification" in response.content.decode()
    assert _statuses([*two_cards, elsewhere]) == ["pending", "pending", "pending"]
    assert not AuditEntry.objects.filter(action="certification.verified").exists()


def test_already_decided_and_nonsense_ids_change_nothing(client, maria, two_cards):
    done, waiting = two_cards
    CertificationRecord.objects.filter(pk=done.pk).update(
        verification_status=VerificationStatus.REJECTED
    )
    client.force_login(maria.user)
    for records in ([done.pk, waiting.pk], ["x"], [999999]):
        response = client.post(BULK, {"records": records, "checked": "on"})
        assert response.status_code == 400, records
    assert _statuses(two_cards) == ["rejected", "pending"]


def test_one_card_reads_as_one_card(client, maria, two_cards):
    client.force_login(maria.user)
    response = client.post(BULK, {"records": [two_cards[0].pk], "checked": "on"}, follow=True)
    assert "1 card verified." in response.content.decode()
    assert _statuses(two_cards) == ["verified", "pending"]


def test_own_card_cannot_be_verified_in_bulk(client, maria, bls, two_cards):
    own = _pending(maria, bls)
    client.force_login(maria.user)
    for records in ([own.pk], [two_cards[0].pk, own.pk]):
        response = client.post(BULK, {"records": records, "checked": "on"})
        assert response.status_code == 403
    assert _statuses([own, *two_cards]) == ["pending", "pending", "pending"]
    assert not AuditEntry.objects.filter(action="certification.verified").exists()


def test_staff_get_403_and_get_is_not_allowed(client, sam, maria, two_cards):
    client.force_login(sam.user)
    assert client.post(BULK, {"records": [two_cards[1].pk], "checked": "on"}).status_code == 403
    client.force_login(maria.user)
    assert client.get(BULK).status_code == 405
    assert _statuses(two_cards) == ["pending", "pending"]
