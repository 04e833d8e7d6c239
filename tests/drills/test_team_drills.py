"""Team drills logged by managers: reach, the form, counting as a completion, the 404s."""

import pytest
from django.urls import reverse

from drills import forms as drill_forms
from drills.models import TeamDrillSession
from organisation.models import AuditEntry
from tests.factories.drills import TeamDrillSessionFactory
from tests.factories.organisation import LocationFactory, ManagerFactory, StaffProfileFactory

NEW = reverse("drills:session_new")


@pytest.fixture
def location(db):
    return LocationFactory(slug="brookline")


@pytest.fixture
def manager(location):
    return ManagerFactory(home_location=location)


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager.user)
    return client


def _data(scenario, location, participants, checklist, **extra):
    return {
        "scenario": scenario.pk,
        "location": location.pk,
        "held_on": "2026-03-01",
        "participants": [p.pk for p in participants],
        "milestone_0": "20",
        "milestone_1": "45",
        "milestone_2": "",
        "milestone_3": "300",
        "checklist": checklist,
        "debrief_notes": "Epinephrine was slow to find: move the kit.",
        **extra,
    }


def test_staff_who_manage_nobody_get_403(client, scenario):
    client.force_login(StaffProfileFactory().user)
    assert client.get(NEW).status_code == 403
    assert client.get(reverse("drills:session_list")).status_code == 403


def test_new_asks_for_the_scenario_first(manager_client, scenario):
    response = manager_client.get(NEW)
    assert scenario.title in response.content.decode()


def test_form_offers_only_the_managers_locations_and_staff(manager_client, scenario, location):
    mine = StaffProfileFactory(home_location=location)
    other_location = LocationFactory(slug="pasadena")
    theirs = StaffProfileFactory(home_location=other_location)
    form = manager_client.get(NEW, {"scenario": scenario.pk}).context["form"]
    assert list(form.fields["location"].queryset) == [location]
    participants = list(form.fields["participants"].queryset)
    assert mine in participants and theirs not in participants
    assert [label for _, label in form.milestone_fields] == [
        "Recognised",
        "Help called",
        "Epinephrine given",
        "EMS called",
    ]


def test_logging_a_complete_drill_counts_and_snapshots(manager_client, scenario, location, manager):
    mine = StaffProfileFactory(home_location=location)
    response = manager_client.post(
        NEW, _data(scenario, location, [mine], ["Procedure stopped", "Epinephrine given IM"])
    )
    session = TeamDrillSession.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("drills:session_detail", args=[session.pk])
    assert session.checklist_complete
    assert list(session.participants.all()) == [mine]
    assert session.milestone_times[0] == {"label": "Recognised", "seconds": 20}
    assert session.milestone_times[2] == {"label": "Epinephrine given", "seconds": None}
    assert session.logged_by == manager.user
    assert AuditEntry.objects.filter(staff=mine, action="drill.team_drill_logged").exists()
    detail = manager_client.get(response.url).content.decode()
    assert "this counts as a completion" in detail
    assert "300 s" in detail


def test_a_missing_required_item_does_not_count(manager_client, scenario, location):
    mine = StaffProfileFactory(home_location=location)
    manager_client.post(NEW, _data(scenario, location, [mine], ["Procedure stopped"]))
    assert TeamDrillSession.objects.get().checklist_complete is False


def test_participant_from_another_location_is_refused(manager_client, scenario, location):
    theirs = StaffProfileFactory(home_location=LocationFactory(slug="oak-park"))
    response = manager_client.post(NEW, _data(scenario, location, [theirs], []))
    assert response.status_code == 400
    assert "participants" in response.context["form"].errors
    assert not TeamDrillSession.objects.exists()


def test_another_location_is_refused(manager_client, scenario, location):
    mine = StaffProfileFactory(home_location=location)
    elsewhere = LocationFactory(slug="oak-park")
    response = manager_client.post(NEW, _data(scenario, elsewhere, [mine], []))
    assert "location" in response.context["form"].errors
    assert not TeamDrillSession.objects.exists()


def test_future_date_is_refused(manager_client, scenario, location, manager):
    mine = StaffProfileFactory(home_location=location)
    data = _data(scenario, location, [mine], [])
    data["held_on"] = "2099-01-01"
    response = manager_client.post(NEW, data)
    assert response.context["form"].errors["held_on"] == [str(drill_forms.FUTURE_DATE)]


def test_unknown_scenario_is_404(manager_client, scenario):
    assert manager_client.get(NEW, {"scenario": 99999}).status_code == 404


def test_another_locations_manager_gets_404(client, scenario, location):
    session = TeamDrillSessionFactory(page=scenario, location=location)
    other = ManagerFactory(home_location=LocationFactory(slug="pasadena"))
    client.force_login(other.user)
    assert client.get(reverse("drills:session_detail", args=[session.pk])).status_code == 404
    assert scenario.title not in client.get(reverse("drills:session_list")).content.decode()


def test_list_shows_own_locations_sessions(manager_client, scenario, location):
    TeamDrillSessionFactory(page=scenario, location=location)
    assert scenario.title in manager_client.get(reverse("drills:session_list")).content.decode()
