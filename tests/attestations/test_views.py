"""The pages: a person's attestations and their signing, and the manager's list of who has yet
to attest, scoped to the manager's locations with a fixed number of queries."""

import datetime

import pytest
from attestations.models import Attestation, AttestationKind, ProtocolRevision
from django.urls import reverse

from organisation.models import AuditEntry
from tests.attestations.conftest import NOW
from tests.factories import StaffProfileFactory

DUE = datetime.date(2026, 4, 3)


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


@pytest.fixture
def revision(protocol):
    return ProtocolRevision.objects.create(
        protocol=protocol,
        title=protocol.title,
        significant=True,
        what_changed="Estheticians now confirm the clearance date in writing.",
        published_at=NOW,
    )


def ask(person, revision):
    return Attestation.objects.create(
        staff=person,
        kind=AttestationKind.REVISION,
        protocol=revision.protocol,
        protocol_revision=revision,
        requested_at=NOW,
        due_on=DUE,
    )


@pytest.fixture
def yearly(protocol, esthetician):
    protocol.attestation_roles.add(esthetician)
    protocol.save()
    return protocol


def test_my_page_shows_what_changed_a_link_and_the_button(client, nadia, revision, frozen):
    request = ask(nadia, revision)
    client.force_login(nadia.user)
    page = client.get(reverse("attestations:mine"))
    assert page.status_code == 200
    assert "Estheticians now confirm the clearance date in writing." in page.text
    assert revision.protocol.url in page.text
    assert reverse("attestations:attest", args=[request.pk]) in page.text
    assert "I have read the revised protocol" in page.text
    assert "due 3 Apr 2026" in page.text


def test_the_home_page_lists_a_pending_attestation(client, nadia, revision, frozen):
    ask(nadia, revision)
    client.force_login(nadia.user)
    home = client.get("/")
    assert "Clinical-to-spa referral handoff (revised 4 Mar 2026)" in home.text
    assert reverse("attestations:mine") in home.text


def test_signing_from_the_page_records_and_audits(client, nadia, revision, frozen):
    request = ask(nadia, revision)
    client.force_login(nadia.user)
    response = client.post(reverse("attestations:attest", args=[request.pk]))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.attested_at == NOW and request.attested_on == datetime.date(2026, 3, 4)
    assert AuditEntry.objects.filter(staff=nadia, action="attestation.signed").exists()
    again = client.post(reverse("attestations:attest", args=[request.pk]))
    assert again.status_code == 404  # signed: nothing left to sign
    assert "Nothing to attest to." in client.get(reverse("attestations:mine")).text


def test_nobody_signs_someone_elses(client, nadia, sam, maria, revision, frozen):
    request = ask(nadia, revision)
    for other in (sam, maria):
        client.force_login(other.user)
        assert client.post(reverse("attestations:attest", args=[request.pk])).status_code == 404
    request.refresh_from_db()
    assert not request.signed
    assert client.get(reverse("attestations:attest", args=[request.pk])).status_code == 405


def test_yearly_signed_from_the_page(client, nadia, yearly, frozen):
    client.force_login(nadia.user)
    page = client.get(reverse("attestations:mine"))
    url = reverse("attestations:attest_yearly", args=[yearly.pk])
    assert url in page.text and "Missing" in page.text
    assert client.post(url).status_code == 302
    assert Attestation.objects.get(kind=AttestationKind.YEARLY).staff == nadia
    twice = client.post(url)
    assert twice.status_code == 400 and "already attested to this protocol today" in twice.text
    assert "due 4 Mar 2027" in client.get(reverse("attestations:mine")).text


def test_yearly_refused_to_a_role_not_asked(client, north, yearly, frozen):
    other = StaffProfileFactory(home_location=north)
    client.force_login(other.user)
    url = reverse("attestations:attest_yearly", args=[yearly.pk])
    assert client.post(url).status_code == 404
    assert not Attestation.objects.exists()


def test_managers_see_only_their_locations(client, nadia, sam, maria, oscar, revision, frozen):
    ask(nadia, revision)
    ask(sam, revision)
    client.force_login(maria.user)
    page = client.get(reverse("attestations:manage"))
    assert page.status_code == 200
    assert "Nadia" in page.text and "Sam" not in page.text
    assert "1 yet to attest" in page.text
    client.force_login(oscar.user)
    page = client.get(reverse("attestations:manage"))
    assert "Sam" in page.text and "Nadia" not in page.text


def test_signed_people_leave_the_managers_list(client, nadia, maria, revision, yearly, frozen):
    ask(nadia, revision).delete()
    client.force_login(maria.user)
    assert "Nadia" in client.get(reverse("attestations:manage")).text  # yearly: missing
    client.force_login(nadia.user)
    client.post(reverse("attestations:attest_yearly", args=[yearly.pk]))
    client.force_login(maria.user)
    page = client.get(reverse("attestations:manage"))
    assert "Nadia" not in page.text and "up to date" in page.text


@pytest.mark.parametrize("size", [2, 12])
def test_managers_page_queries_do_not_grow(
    client, django_assert_max_num_queries, north, esthetician, maria, yearly, revision, size, frozen
):
    for _ in range(size):
        person = StaffProfileFactory(home_location=north, roles=[esthetician])
        ask(person, revision)
    client.force_login(maria.user)
    # Ten at any size: the session, viewer and manager check, the people (staff_lines: three),
    # the attestations provider's two reads, the layout's.
    with django_assert_max_num_queries(10):
        page = client.get(reverse("attestations:manage"))
    assert page.text.count(reverse("dashboard:staff_record", args=[person.pk])) == 2
    assert f"{size} yet to attest" in page.text
