"""/api/gate/ for scheduling systems: a clinic's token, never another clinic's data."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from clearances.models import GateToken, hash_token
from clearances.selectors import NO_SUCH_LOCATION
from clearances.services import create_gate_token, revoke_gate_token
from clearances.views import BAD_QUESTION, NO_TOKEN, WRONG_TOKEN
from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory

API = reverse("clearances:api_gate")


@pytest.fixture
def clinics(fillers, injector, bls, north):
    """North (this clinic's token) and South (another clinic's), each with an injector."""
    south = LocationFactory(name="South", slug="south")
    today = timezone.now().date()
    people = {}
    for location in (north, south):
        person = StaffProfileFactory(
            home_location=location, roles=[injector], user__first_name=f"Of{location.name}"
        )
        CertificationRecordFactory(
            staff=person, certification_type=bls, expires_on=today + timedelta(days=300)
        )
        people[location.slug] = person
    token, secret = create_gate_token(name="Booking", locations=[north], now=timezone.now())
    return {"north": north, "south": south, "people": people, "token": token, "secret": secret}


def ask(client, secret=None, location="north", procedure="dermal-fillers", day=None, **headers):
    day = day or timezone.now().date().isoformat()
    if secret is not None:
        headers["Authorization"] = f"Bearer {secret}"
    return client.get(
        API, {"location": location, "date": day, "procedure": procedure}, headers=headers
    )


def test_the_clinics_token_gets_its_locations_answer(client, clinics):
    response = ask(client, clinics["secret"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert [p["staff_id"] for p in body["cleared"]] == [clinics["people"]["north"].pk]
    assert body["not_cleared"] == [] and body["coverage_warning"] is None


@pytest.mark.parametrize(
    "headers, message",
    [({}, NO_TOKEN), ({"Authorization": "Bearer rrg_not-a-real-token"}, WRONG_TOKEN)],
)
def test_a_missing_or_wrong_token_is_a_401_with_a_json_error(client, clinics, headers, message):
    response = ask(client, **headers)
    assert response.status_code == 401
    assert response.json() == {"error": message}
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_the_token_must_be_sent_as_a_bearer(client, clinics):
    response = ask(client, Authorization=f"Basic {clinics['secret']}")
    assert response.status_code == 401


def test_a_signed_in_session_is_no_credential(client, clinics):
    manager = ManagerFactory(home_location=clinics["north"])
    client.force_login(manager.user)
    assert ask(client).status_code == 401


def test_a_revoked_token_stops_working(client, clinics):
    revoke_gate_token(token=clinics["token"], now=timezone.now())
    assert ask(client, clinics["secret"]).json() == {"error": WRONG_TOKEN}


def test_another_clinics_location_is_the_same_404_as_an_unknown_one_and_says_nothing(
    client, clinics
):
    elsewhere = ask(client, clinics["secret"], location="south")
    unknown = ask(client, clinics["secret"], location="nowhere")
    assert elsewhere.status_code == unknown.status_code == 404
    assert elsewhere.content == unknown.content
    assert elsewhere.json() == {"error": NO_SUCH_LOCATION}
    assert clinics["people"]["south"].user.first_name.encode() not in elsewhere.content


def test_a_bad_question_is_a_400_naming_each_field(client, clinics):
    response = client.get(
        API,
        {"location": "north", "date": "tomorrow"},
        headers={"Authorization": f"Bearer {clinics['secret']}"},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == BAD_QUESTION
    assert set(body["fields"]) == {"date", "procedure"}


def test_only_the_hash_of_a_token_is_stored(clinics):
    token = GateToken.objects.get()
    assert token.key_hash == hash_token(clinics["secret"])
    assert clinics["secret"] not in {token.key_hash, token.prefix, token.name}


@pytest.mark.parametrize("extra", [0, 12])
def test_the_api_queries_do_not_grow_with_people(
    client, clinics, injector, bls, extra, django_assert_max_num_queries
):
    for _ in range(extra):
        person = StaffProfileFactory(home_location=clinics["north"], roles=[injector])
        CertificationRecordFactory(staff=person, certification_type=bls, pending=True)
    # The token, its location, the clearance with its roles, requirements and minimums (4),
    # the people (3), cards (2), exemptions: 12, however many people.
    with django_assert_max_num_queries(12):
        assert ask(client, clinics["secret"]).status_code == 200


def test_the_command_makes_a_token_prints_it_once_and_revokes_it(client, fillers, north, capsys):
    call_command("gate_token", "create", "--name", "Scheduler", "--locations", "north")
    out = capsys.readouterr().out
    secret = next(line for line in out.splitlines() if line.startswith("rrg_"))
    assert ask(client, secret).status_code == 200
    call_command("gate_token", "list")
    listed = capsys.readouterr().out
    assert "Scheduler" in listed and secret not in listed
    token = GateToken.objects.get(name="Scheduler")
    call_command("gate_token", "revoke", str(token.pk))
    assert ask(client, secret).status_code == 401


def test_the_command_refuses_an_unknown_location(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No such location: atlantis"):
        call_command("gate_token", "create", "--name", "X", "--locations", "atlantis")
