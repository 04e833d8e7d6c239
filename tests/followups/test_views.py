import datetime

import pytest
from django.urls import reverse
from followups.models import FollowUpAction, FollowUpStatus

from tests.factories import StaffProfileFactory
from tests.followups.conftest import NOW, TODAY, add_action


@pytest.fixture
def frozen(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW


def test_a_manager_adds_one_from_the_incident_page(client, incident, maria, nadia, frozen):
    client.force_login(maria.user)
    page = client.get(reverse("incidents:detail", args=[incident.pk])).content.decode()
    url = reverse("followups:new_from_incident", args=[incident.pk])
    assert url in page
    response = client.post(
        url, {"what": "Restock burn gel", "owner": nadia.pk, "due_on": "2026-03-17"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("incidents:detail", args=[incident.pk])
    action = FollowUpAction.objects.get()
    assert action.owner == nadia and action.due_on == datetime.date(2026, 3, 17)
    assert "Restock burn gel" in client.get(response["Location"]).content.decode()


def test_a_manager_adds_one_from_the_team_drill_debrief(client, session, maria, nadia, frozen):
    client.force_login(maria.user)
    url = reverse("followups:new_from_session", args=[session.pk])
    assert url in client.get(reverse("drills:session_detail", args=[session.pk])).content.decode()
    response = client.post(
        url, {"what": "Practise the call script", "owner": nadia.pk, "due_on": "2026-03-17"}
    )
    assert response.status_code == 302
    assert FollowUpAction.objects.get().drill_session == session


def test_bad_input_shows_messages_on_the_form_and_writes_nothing(
    client, incident, maria, nadia, frozen
):
    client.force_login(maria.user)
    url = reverse("followups:new_from_incident", args=[incident.pk])
    response = client.post(url, {"what": "", "owner": nadia.pk, "due_on": "2026-03-01"})
    assert response.status_code == 400 and "This field is required." in response.content.decode()
    response = client.post(url, {"what": "Restock", "owner": nadia.pk, "due_on": "2026-03-01"})
    assert response.status_code == 400
    assert "before the owner&#x27;s today (3 Mar 2026)" in response.content.decode()
    assert not FollowUpAction.objects.exists()


def test_the_owner_sees_their_actions_and_marks_one_done(client, incident, maria, nadia, frozen):
    action = add_action(incident, nadia, maria, due_on=TODAY - datetime.timedelta(days=0))
    client.force_login(nadia.user)
    page = client.get(reverse("followups:mine")).content.decode()
    assert "Restock burn gel" in page and "Due soon" in page
    response = client.post(reverse("followups:done", args=[action.pk]), {"note": "Done today"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == FollowUpStatus.DONE and action.note == "Done today"


def test_nobody_else_sees_or_closes_the_owners_action(
    client, incident, maria, nadia, leo, oscar, frozen
):
    action = add_action(incident, nadia, maria)
    client.force_login(leo.user)
    assert "Restock burn gel" not in client.get(reverse("followups:mine")).content.decode()
    assert client.post(reverse("followups:done", args=[action.pk])).status_code == 404
    client.force_login(oscar.user)
    for url in (
        reverse("followups:close", args=[action.pk]),
        reverse("followups:new_from_incident", args=[incident.pk]),
    ):
        assert client.get(url).status_code == 404
        assert client.post(url, {"decision": "done", "what": "x"}).status_code == 404
    listing = client.get(reverse("followups:manage") + "?status=all").content.decode()
    assert "Restock burn gel" not in listing
    action.refresh_from_db()
    assert action.is_open


def test_the_managers_list_shows_overdue_in_the_status_words(
    client, incident, maria, nadia, frozen
):
    add_action(
        incident,
        nadia,
        maria,
        what="Late one",
        now=NOW - datetime.timedelta(days=20),
        due_on=TODAY - datetime.timedelta(days=2),
    )
    add_action(incident, nadia, maria, what="Later one", due_on=TODAY + datetime.timedelta(days=30))
    client.force_login(maria.user)
    page = client.get(reverse("followups:manage")).content.decode()
    late, later = page.index("Late one"), page.index("Later one")
    assert "Overdue" in page[late:later] and "Current" in page[later:]


def test_a_manager_closes_one_as_done(client, incident, maria, nadia, frozen):
    action = add_action(incident, nadia, maria)
    client.force_login(maria.user)
    url = reverse("followups:close", args=[action.pk])
    response = client.post(url, {"decision": "cancelled", "note": ""})
    assert response.status_code == 400 and "Say why it is cancelled." in response.content.decode()
    assert client.post(url, {"decision": "done", "note": ""}).status_code == 302
    action.refresh_from_db()
    assert action.status == FollowUpStatus.DONE and action.closed_by == maria.user


@pytest.mark.parametrize("count", [1, 8])
def test_both_lists_ask_a_fixed_number_of_queries(
    client, incident, maria, nadia, north, count, frozen, django_assert_max_num_queries
):
    for n in range(count):
        owner = StaffProfileFactory(home_location=north) if n % 2 else nadia
        add_action(incident, owner, maria, what=f"Action {n}")
    client.force_login(maria.user)
    # The session, the user, the manager check, the actions with owner, location and source.
    with django_assert_max_num_queries(5):
        page = client.get(reverse("followups:manage"))
    assert page.content.decode().count('data-label="Owner"') == count
    client.force_login(nadia.user)
    # The session, the user, their actions with owner, location and source.
    with django_assert_max_num_queries(3):
        page = client.get(reverse("followups:mine"))
    assert page.content.decode().count("Mark done") == (count + 1) // 2
