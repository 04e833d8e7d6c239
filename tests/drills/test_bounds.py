"""Team drills: the date within 1900-2200 and debrief notes within 10,000 characters."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from drills import services
from drills.models import TeamDrillSession
from organisation.bounds import DATE_OUT_OF_RANGE, MAX_FREE_TEXT
from organisation.models import AuditEntry
from tests.factories.organisation import LocationFactory, ManagerFactory, StaffProfileFactory

NEW = reverse("drills:session_new")


@pytest.fixture
def location(db):
    return LocationFactory(slug="brookline")


@pytest.fixture
def manager(location):
    return ManagerFactory(home_location=location)


def _data(scenario, location, participant, **extra):
    return {
        "scenario": scenario.pk,
        "location": location.pk,
        "held_on": "2026-03-01",
        "participants": [participant.pk],
        "checklist": [],
        "debrief_notes": "Kit was slow to find.",
        **extra,
    }


def test_two_megabytes_of_debrief_notes_are_refused_and_nothing_is_saved(
    client, manager, scenario, location
):
    client.force_login(manager.user)
    person = StaffProfileFactory(home_location=location)
    response = client.post(
        NEW, _data(scenario, location, person, debrief_notes="x" * (2 * 1024 * 1024))
    )
    assert response.status_code == 400
    error = response.context["form"].errors["debrief_notes"][0]
    assert "10000 characters or fewer; it has 2097152" in error
    assert error in response.content.decode()  # shown next to the field
    assert not TeamDrillSession.objects.exists()


def test_notes_at_the_limit_are_kept(client, manager, scenario, location):
    client.force_login(manager.user)
    person = StaffProfileFactory(home_location=location)
    notes = "x" * MAX_FREE_TEXT
    assert (
        client.post(NEW, _data(scenario, location, person, debrief_notes=notes)).status_code == 302
    )
    assert TeamDrillSession.objects.get().debrief_notes == notes


@pytest.mark.parametrize("held_on", ["0001-01-01", "1899-12-31"])
def test_a_date_before_1900_is_refused(client, manager, scenario, location, held_on):
    client.force_login(manager.user)
    person = StaffProfileFactory(home_location=location)
    response = client.post(NEW, _data(scenario, location, person, held_on=held_on))
    assert response.status_code == 400
    assert response.context["form"].errors["held_on"] == [str(DATE_OUT_OF_RANGE)]
    assert not TeamDrillSession.objects.exists()


def test_the_service_refuses_the_same_without_a_form(manager, scenario, location, now):
    person = StaffProfileFactory(home_location=location)
    arguments = {
        "page": scenario,
        "location": location,
        "participants": [person],
        "milestone_seconds": {},
        "checklist_done": [],
        "logged_by": manager.user,
        "now": now,
    }
    with pytest.raises(ValidationError) as error:
        services.log_team_drill(
            held_on=datetime.date(1, 1, 1), debrief_notes="x" * (MAX_FREE_TEXT + 1), **arguments
        )
    assert set(error.value.message_dict) == {"held_on"}  # dates are checked first
    with pytest.raises(ValidationError) as error:
        services.log_team_drill(
            held_on=datetime.date(2026, 3, 1), debrief_notes="x" * (MAX_FREE_TEXT + 1), **arguments
        )
    assert set(error.value.message_dict) == {"debrief_notes"}
    assert not TeamDrillSession.objects.exists() and not AuditEntry.objects.exists()
