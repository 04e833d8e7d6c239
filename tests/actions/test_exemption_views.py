"""The exemption pages under a person's staff record: grant (errors next to the fields, typed
values kept), the open exemptions listed with a revoke button, and another location's
manager refused with a 404."""

import pytest
from django.urls import reverse

from actions.models import Exemption
from organisation.models import AuditEntry
from tests.actions.test_exemptions import clinic  # noqa: F401 - the fixture

FAR = "2099-06-30"


@pytest.fixture
def exempt_url(clinic):  # noqa: F811
    return reverse("actions:exempt", args=[clinic["sam"].pk])


def test_the_staff_record_links_to_the_form_which_lists_the_persons_requirements(
    client,
    clinic,  # noqa: F811
    exempt_url,
):
    client.force_login(clinic["manager"].user)
    record = client.get(reverse("dashboard:staff_record", args=[clinic["sam"].pk]))
    assert exempt_url in record.content.decode()
    page = client.get(exempt_url).content.decode()
    assert '<option value="certification|BLS">Basic Life Support (Certification): Overdue' in page


def test_granting_redirects_to_the_record_which_shows_it_with_a_revoke_button(
    client,
    clinic,  # noqa: F811
    exempt_url,
):
    client.force_login(clinic["manager"].user)
    response = client.post(
        exempt_url,
        {"requirement": "certification|BLS", "ends_on": FAR, "reason": "Parental leave"},
    )
    assert response.status_code == 302
    exemption = Exemption.objects.get()
    record = client.get(response["Location"]).content.decode()
    assert 'until <time datetime="2099-06-30">30 Jun 2099</time>' in record  # the panel
    assert reverse("actions:revoke_exemption", args=[exemption.pk]) in record
    assert 'status--exempt">Exempt until</span>' in record

    response = client.post(
        reverse("actions:revoke_exemption", args=[exemption.pk]), {"confirm": "on"}
    )
    assert response.status_code == 302
    exemption.refresh_from_db()
    assert exemption.revoked_by == clinic["manager"].user
    assert list(AuditEntry.objects.values_list("action", flat=True).order_by("pk")) == [
        "exemption.granted",
        "exemption.revoked",
    ]


def test_errors_show_next_to_the_fields_and_keep_what_was_typed(
    client,
    clinic,  # noqa: F811
    exempt_url,
):
    client.force_login(clinic["manager"].user)
    response = client.post(
        exempt_url,
        {"requirement": "certification|BLS", "ends_on": "2000-01-01", "reason": "Typed reason"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_ends_on-errors"' in html and "cannot be before the person" in html
    assert "Typed reason</textarea>" in html and 'value="2000-01-01"' in html
    assert 'value="certification|BLS" selected' in html
    assert not Exemption.objects.exists()


def test_another_locations_manager_gets_404_and_changes_nothing(
    client,
    clinic,  # noqa: F811
    exempt_url,
):
    client.force_login(clinic["manager"].user)
    client.post(exempt_url, {"requirement": "certification|BLS", "ends_on": FAR, "reason": "Leave"})
    exemption = Exemption.objects.get()
    client.force_login(clinic["other_manager"].user)
    assert client.get(exempt_url).status_code == 404
    data = {"requirement": "certification|BLS", "ends_on": FAR, "reason": "Sneaky"}
    assert client.post(exempt_url, data).status_code == 404
    revoke = reverse("actions:revoke_exemption", args=[exemption.pk])
    assert client.post(revoke, {"confirm": "on"}).status_code == 404
    exemption.refresh_from_db()
    assert exemption.revoked_at is None and Exemption.objects.count() == 1


def test_staff_cannot_exempt_anyone(client, clinic, exempt_url):  # noqa: F811
    client.force_login(clinic["sam"].user)
    assert client.get(exempt_url).status_code == 403
    assert not Exemption.objects.exists()
