import datetime

import pytest
from django.urls import reverse
from incidents.models import Incident

from actions.models import Assignment
from tests.incidents.conftest import NOW, make_incident


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


def _form(location, people, **changes):
    data = {
        "location": location.pk,
        "occurred_on": "2026-03-03",
        "occurred_time": "14:05",
        "procedure": "fillers",
        "complication": "vascular_occlusion",
        "complication_detail": "",
        "protocol": "",
        "protocol_followed": "none",
        "steps": "14:05 Stopped injecting\n14:07 Hyaluronidase given",
        "outcome": "Perfusion returned within 20 minutes.",
        "follow_up_plan": "Review at 24 hours.",
        "staff_involved": [p.pk for p in people],
    }
    data.update(changes)
    return data


def test_a_manager_records_an_incident_and_sees_it_listed(client, maria, nadia, north, frozen):
    client.force_login(maria.user)
    response = client.post(reverse("incidents:new"), _form(north, [nadia]))
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("incidents:detail", args=[incident.pk])
    page = client.get(response["Location"]).content.decode()
    assert "14:07" in page and "Hyaluronidase given" in page and "Nadia" in page
    listing = client.get(reverse("incidents:list")).content.decode()
    assert reverse("incidents:detail", args=[incident.pk]) in listing


def test_bad_input_shows_each_message_on_the_form_and_writes_nothing(
    client, maria, nadia, north, frozen
):
    client.force_login(maria.user)
    response = client.post(
        reverse("incidents:new"),
        _form(north, [], steps="Stopped injecting", complication="other", occurred_time="23:30"),
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Line 1: write it as" in text
    assert "This field is required." in text  # nobody involved
    assert not Incident.objects.exists()
    # Valid fields, refused by the service: a time still to come, and "other" without words.
    response = client.post(
        reverse("incidents:new"), _form(north, [nadia], complication="other", occurred_time="23:30")
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "cannot be later than now at North" in text
    assert "Say in words what the complication was." in text
    assert 'value="Perfusion returned' in text or "Perfusion returned within 20 minutes." in text
    assert not Incident.objects.exists()


def test_the_list_filters_open_and_closed(client, maria, nadia, north, frozen):
    open_one = make_incident(north, maria, [nadia])
    closed = make_incident(north, maria, [nadia], occurred_time=datetime.time(9, 0))
    client.force_login(maria.user)
    client.post(reverse("incidents:close", args=[closed.pk]), {"review": "Reviewed."})
    closed.refresh_from_db()
    assert not closed.is_open
    link = lambda i: reverse("incidents:detail", args=[i.pk])  # noqa: E731
    shown = client.get(reverse("incidents:list")).content.decode()
    assert link(open_one) in shown and link(closed) not in shown
    shown = client.get(reverse("incidents:list") + "?status=closed").content.decode()
    assert link(closed) in shown and link(open_one) not in shown


def test_closing_from_the_page_assigns_to_everyone_involved(
    client, maria, nadia, leo, north, module, frozen
):
    incident = make_incident(north, maria, [nadia, leo])
    client.force_login(maria.user)
    response = client.post(
        reverse("incidents:close", args=[incident.pk]),
        {"review": "Retrain.", "page": f"module:{module.pk}", "due_on": "2026-03-31"},
    )
    assert response.status_code == 302
    assert Assignment.objects.filter(page=module).count() == 2
    # Closed: no more edits.
    edit = client.get(reverse("incidents:edit", args=[incident.pk]))
    assert edit.status_code == 302 and edit["Location"].endswith(f"/incidents/{incident.pk}/")


def test_a_refused_assignment_is_shown_on_the_close_form(
    client, maria, nadia, north, module, frozen
):
    incident = make_incident(north, maria, [nadia])
    client.force_login(maria.user)
    response = client.post(
        reverse("incidents:close", args=[incident.pk]),
        {"review": "Retrain.", "page": f"module:{module.pk}", "due_on": "2026-03-01"},
    )
    assert response.status_code == 400
    assert "Nadia" in response.content.decode() and "before the person" in response.content.decode()
    incident.refresh_from_db()
    assert incident.is_open and not Assignment.objects.exists()


def test_another_locations_manager_gets_404_on_every_incident_url(
    client, maria, oscar, nadia, north, frozen
):
    incident = make_incident(north, maria, [nadia])
    client.force_login(oscar.user)
    for name in ("incidents:detail", "incidents:edit", "incidents:close"):
        url = reverse(name, args=[incident.pk])
        assert client.get(url).status_code == 404, name
        assert client.post(url, {"review": "x"}).status_code in (404, 405), name
    # Nor can they record one at North, nor see it in their list or chart.
    response = client.post(reverse("incidents:new"), _form(north, [nadia]))
    assert response.status_code == 400 and Incident.objects.count() == 1
    listing = client.get(reverse("incidents:list") + "?status=all").content.decode()
    assert reverse("incidents:detail", args=[incident.pk]) not in listing
    assert "No incidents in the last 12 months" in listing
    incident.refresh_from_db()
    assert incident.is_open


def test_staff_get_403(client, nadia, frozen):
    client.force_login(nadia.user)
    assert client.get(reverse("incidents:list")).status_code == 403


@pytest.mark.parametrize("count", [1, 8])
def test_the_list_asks_a_fixed_number_of_queries(
    client, maria, nadia, leo, north, count, frozen, django_assert_max_num_queries
):
    for n in range(count):
        make_incident(north, maria, [nadia, leo], occurred_time=datetime.time(8, n))
    client.force_login(maria.user)
    # The session, user, manager check and profile, the incidents, their staff and users,
    # and the chart's monthly counts.
    with django_assert_max_num_queries(8):
        response = client.get(reverse("incidents:list") + "?status=all")
    assert response.content.decode().count('data-label="Staff involved"') == count
