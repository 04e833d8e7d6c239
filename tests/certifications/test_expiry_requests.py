"""A staff member's card says another expiry than the rule's: another manager approves or
refuses, the change is audited, and the person sees the outcome."""

import datetime

import pytest
from django.urls import reverse

from certifications import services
from certifications.models import CertificationRecord, ExpiryRequestStatus
from organisation.models import AuditEntry
from tests.factories import ManagerFactory, StaffProfileFactory
from tests.factories.certifications import pdf_upload

RULE_DATE = datetime.date(2028, 1, 31)
ASKED = datetime.date(2028, 6, 30)
MY = reverse("certifications:my_certifications")


@pytest.fixture
def asked(client, sam, bls):
    """Sam uploads through the page, asking for a later expiry than the rule's."""
    client.force_login(sam.user)
    response = client.post(
        MY,
        {
            "certification_type": bls.pk,
            "issued_on": "2026-01-05",
            "card_file": pdf_upload(),
            "expires_on": ASKED.isoformat(),
            "override_reason": "Course provider extended it",
        },
    )
    assert response.status_code == 302
    client.logout()
    return CertificationRecord.objects.get()


def _url(record):
    return reverse("certifications:expiry_request", args=[record.pk])


def test_the_upload_stores_a_request_and_keeps_the_rules_date(asked, client, sam):
    assert (asked.expires_on, asked.requested_expires_on) == (RULE_DATE, ASKED)
    assert asked.expiry_request_status == ExpiryRequestStatus.PENDING
    client.force_login(sam.user)
    page = client.get(MY).content.decode()
    assert "You asked for the expiry to be 30 Jun 2028: awaiting a manager" in page


def test_another_manager_approves_and_it_is_audited(client, asked, maria):
    client.force_login(maria.user)
    queue = client.get(reverse("certifications:manage"))
    assert list(queue.context["expiry_requests"]) == [asked]
    response = client.post(_url(asked), {"decision": "approve"})
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.expires_on == ASKED
    assert asked.expiry_request_status == ExpiryRequestStatus.APPROVED
    assert asked.expiry_request_decided_by == maria.user
    entry = AuditEntry.objects.get(action="certification.expiry_request_approved")
    assert (entry.actor, entry.staff) == (maria.user, asked.staff)
    assert "30 Jun 2028" in entry.summary and "31 Jan 2028" in entry.summary


def test_another_manager_refuses_with_a_reason_the_person_sees(client, asked, maria, sam):
    client.force_login(maria.user)
    response = client.post(_url(asked), {"decision": "refuse", "note": ""})
    assert response.status_code == 400
    assert services.REFUSE_NEEDS_REASON in response.context["expiry_form"].errors["note"]
    response = client.post(
        _url(asked), {"decision": "refuse", "note": "The AHA record shows January"}
    )
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.expires_on == RULE_DATE
    assert asked.expiry_request_status == ExpiryRequestStatus.REFUSED
    entry = AuditEntry.objects.get(action="certification.expiry_request_refused")
    assert entry.actor == maria.user and "The AHA record shows January" in entry.summary

    client.force_login(sam.user)
    page = client.get(MY).content.decode()
    assert "was refused: The AHA record shows January" in page
    # Deciding twice is a form error, not a second change.
    client.force_login(maria.user)
    assert client.post(_url(asked), {"decision": "approve"}).status_code == 400
    asked.refresh_from_db()
    assert asked.expires_on == RULE_DATE


def test_the_record_page_shows_the_request_with_its_decision_form(client, asked, maria):
    client.force_login(maria.user)
    response = client.get(reverse("certifications:record", args=[asked.pk]))
    html = response.content.decode()
    assert "Course provider extended it" in html
    assert _url(asked) in html


def test_a_manager_of_another_location_gets_404_and_nothing_changes(client, asked, marcus):
    client.force_login(marcus.user)
    for data in ({"decision": "approve"}, {"decision": "refuse", "note": "no"}):
        assert client.post(_url(asked), data).status_code == 404
    missing = reverse("certifications:expiry_request", args=[asked.pk + 1000])
    assert client.post(missing, {"decision": "approve"}).status_code == 404
    assert list(client.get(reverse("certifications:manage")).context["expiry_requests"]) == []
    asked.refresh_from_db()
    assert asked.expiry_request_status == ExpiryRequestStatus.PENDING
    assert not AuditEntry.objects.filter(action__startswith="certification.expiry_request_")


def test_staff_get_403_and_get_is_not_allowed(client, asked, brookline, maria):
    colleague = StaffProfileFactory(home_location=brookline)
    client.force_login(colleague.user)
    assert client.post(_url(asked), {"decision": "approve"}).status_code == 403
    client.force_login(maria.user)
    assert client.get(_url(asked)).status_code == 405
    asked.refresh_from_db()
    assert asked.expiry_request_status == ExpiryRequestStatus.PENDING


def test_a_managers_own_request_is_decided_by_another_manager(client, maria, bls, brookline, now):
    record = services.upload_record(
        staff=maria,
        certification_type=bls,
        issued_on=datetime.date(2026, 1, 5),
        card_file=pdf_upload(),
        expires_on=ASKED,
        override_reason="Card says so",
        actor=maria.user,
        now=now,
    )
    assert record.expires_on == RULE_DATE  # a manager cannot set their own expiry either
    rachel = ManagerFactory(home_location=brookline)
    client.force_login(rachel.user)
    assert client.post(_url(record), {"decision": "approve"}).status_code == 302
    record.refresh_from_db()
    assert record.expires_on == ASKED
