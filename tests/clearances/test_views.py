"""The clearance pages: the roster gate, the board and /my/clearances/."""

import re
from datetime import UTC, date, datetime, timedelta
from html import unescape

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from actions.exemptions import grant_exemption
from clearances.judging import CARD_AWAITING
from clearances.services import create_gate_token
from clearances.views import BAD_QUESTION
from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
)
from tests.factories.clearances import minimum, requirement
from tests.factories.drills import DrillIndexPageFactory, DrillScenarioPageFactory
from tests.factories.training import TrainingIndexPageFactory, TrainingModulePageFactory

GATE = reverse("clearances:gate")
BOARD = reverse("clearances:board")


@pytest.fixture
def clinic(fillers, injector, bls, north):
    """North: Ada cleared (BLS valid), Ben blocked (expired), Cy blocked (renewal unchecked)."""
    today = timezone.now().date()
    ada = StaffProfileFactory(home_location=north, roles=[injector], user__first_name="Ada")
    ben = StaffProfileFactory(home_location=north, roles=[injector], user__first_name="Ben")
    cy = StaffProfileFactory(home_location=north, roles=[injector], user__first_name="Cy")
    CertificationRecordFactory(staff=ada, certification_type=bls, expires_on=today + timedelta(400))
    CertificationRecordFactory(staff=ben, certification_type=bls, expires_on=date(2025, 1, 31))
    CertificationRecordFactory(
        staff=cy, certification_type=bls, expires_on=today + timedelta(700), pending=True
    )
    manager = ManagerFactory(home_location=north)
    return {"ada": ada, "ben": ben, "cy": cy, "manager": manager, "today": today}


def gate_url(location="north", day=None, procedure="dermal-fillers", **more):
    day = day or timezone.now().date().isoformat()
    return f"{GATE}?location={location}&date={day}&procedure={procedure}" + "".join(
        f"&{k}={v}" for k, v in more.items()
    )


PERSON = re.compile(r'<li data-staff="(\d+)" data-cleared="(yes|no)">')


def page_answer(html: str) -> dict:
    """What the gate page says, in the API's shape (names, reasons, notes)."""
    section = html[html.index("data-gate-answer") :]
    marks = list(PERSON.finditer(section))
    found = {"cleared": [], "not_cleared": []}
    for i, mark in enumerate(marks):
        body = section[mark.end() : marks[i + 1].start() if i + 1 < len(marks) else None]
        staff_id = int(mark[1])
        name = unescape(re.search(r'<a href="[^"]+">([^<]+)</a>', body)[1])
        if mark[2] == "yes":
            notes = [unescape(n) for n in re.findall(r"<li data-note>([^<]*)</li>", body)]
            found["cleared"].append({"staff_id": staff_id, "name": name, "notes": notes})
        else:
            reasons = [unescape(r) for r in re.findall(r"<li data-reason>([^<]*)</li>", body)]
            found["not_cleared"].append({"staff_id": staff_id, "name": name, "reasons": reasons})
    return found


def test_the_gate_says_who_may_and_why_the_others_may_not(client, clinic):
    client.force_login(clinic["manager"].user)
    response = client.get(gate_url())
    assert response.status_code == 200
    answer = page_answer(response.content.decode())
    assert [p["staff_id"] for p in answer["cleared"]] == [clinic["ada"].pk]
    reasons = {p["staff_id"]: p["reasons"] for p in answer["not_cleared"]}
    assert reasons == {
        clinic["ben"].pk: ["BLS expired 31 Jan 2025"],
        clinic["cy"].pk: [CARD_AWAITING.format(label="BLS")],
    }


def test_the_api_gives_the_same_answer_as_the_page(client, clinic, north):
    _, secret = create_gate_token(name="Booking", locations=[north], now=timezone.now())
    client.force_login(clinic["manager"].user)
    page = page_answer(client.get(gate_url()).content.decode())
    client.logout()
    api = client.get(
        gate_url().replace(GATE, reverse("clearances:api_gate")),
        headers={"Authorization": f"Bearer {secret}"},
    ).json()
    assert api["cleared"] == page["cleared"]
    assert api["not_cleared"] == page["not_cleared"]
    assert (api["location"], api["procedure"], api["date"]) == (
        "north",
        "dermal-fillers",
        timezone.now().date().isoformat(),
    )


def test_the_empty_gate_asks_the_question(client, clinic):
    client.force_login(clinic["manager"].user)
    response = client.get(GATE)
    assert response.status_code == 200
    assert b"Procedure or device" in response.content


@pytest.mark.parametrize(
    "query, field_error",
    [
        ("location=north&procedure=dermal-fillers", b"This field is required."),
        ("location=north&date=31-12-2026&procedure=dermal-fillers", b"Enter a valid date."),
        ("location=north&date=2026-12-31&procedure=laser", "has the slug “laser”".encode()),
        ("date=2026-12-31&procedure=dermal-fillers", b"This field is required."),
    ],
)  # fmt: skip
def test_a_bad_or_missing_parameter_is_a_400_with_the_form_errors(
    client, clinic, query, field_error
):
    client.force_login(clinic["manager"].user)
    response = client.get(f"{GATE}?{query}")
    assert response.status_code == 400
    assert BAD_QUESTION.encode() in response.content
    assert field_error in response.content


def test_another_managers_location_is_the_same_404_as_an_unknown_one(client, clinic):
    south = LocationFactory(slug="south", name="South")
    other = ManagerFactory(home_location=south)
    client.force_login(other.user)
    assert client.get(gate_url()).status_code == 404
    assert client.get(gate_url(location="nowhere")).status_code == 404
    assert client.get(f"{BOARD}?location=north").status_code == 404
    # Their own board shows nobody of North's.
    body = client.get(BOARD).content.decode()
    assert clinic["ada"].display_name not in body


def test_staff_never_see_the_gate_or_the_board(client, clinic):
    client.force_login(clinic["ada"].user)
    assert client.get(gate_url()).status_code == 403
    assert client.get(BOARD).status_code == 403


def test_the_board_shows_everyone_with_their_reasons(client, clinic):
    client.force_login(clinic["manager"].user)
    body = client.get(BOARD).content.decode()
    assert "Dermal fillers" in body
    assert "1 of 3 cleared" in body
    assert "BLS expired 31 Jan 2025" in body
    assert CARD_AWAITING.format(label="BLS") in body


def test_a_coverage_warning_on_the_gate_and_the_board_links_to_the_forecast(
    client, clinic, fillers, north
):
    minimum(fillers, north, 2)
    client.force_login(clinic["manager"].user)
    link = "/manage/?location=north#chart-coverage-title"
    for url in (gate_url(), BOARD):
        body = client.get(url).content.decode()
        assert "North has 1 cleared for Dermal fillers today, below its minimum of 2." in body
        assert link in body


def test_my_clearances_shows_my_own_verdict_and_where_to_act(client, clinic):
    client.force_login(clinic["ben"].user)
    body = client.get(reverse("clearances:my_clearances")).content.decode()
    assert "Not cleared" in body
    assert "BLS expired 31 Jan 2025" in body
    assert "/my/certifications/?type=BLS#upload-heading" in body
    # Nothing of anyone else's.
    assert clinic["ada"].display_name not in body and CARD_AWAITING.format(label="BLS") not in body


def test_my_clearances_asks_nothing_of_me_while_my_card_awaits_verification(client, clinic):
    client.force_login(clinic["cy"].user)
    body = client.get(reverse("clearances:my_clearances")).content.decode()
    assert CARD_AWAITING.format(label="BLS") in body
    assert "A manager checks your card next; there is nothing for you to do." in body
    assert "Upload your card" not in body and "#upload-heading" not in body


def _grow(north, injector, bls, count):
    for _ in range(count):
        person = StaffProfileFactory(home_location=north, roles=[injector])
        CertificationRecordFactory(staff=person, certification_type=bls, pending=True)


@pytest.fixture
def full_clearance(home_page, fillers):
    """Dermal fillers asks a module and a drill too: every kind of read is made."""
    module = TrainingModulePageFactory(parent=TrainingIndexPageFactory(parent=home_page))
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    requirement(fillers, module=module, within_months=12)
    requirement(fillers, scenario=scenario, within_months=6)
    return fillers


# Session, user, manager check, the clearance with its requirements, minimums and roles (4),
# the location, the people (3), cards (2), passes, runs and team drills (3), exemptions for the
# day asked and for today, the navigation; the gate's form lists the procedures again (4).
GATE_QUERIES = 23
BOARD_QUERIES = 17


@pytest.mark.parametrize("extra", [0, 15])
def test_the_gate_and_board_queries_do_not_grow_with_people(
    client, clinic, full_clearance, north, injector, bls, extra, django_assert_max_num_queries
):
    minimum(full_clearance, north, 1)
    _grow(north, injector, bls, extra)
    client.force_login(clinic["manager"].user)
    with django_assert_max_num_queries(GATE_QUERIES):
        assert (
            client.get(gate_url(day=(clinic["today"] + timedelta(3)).isoformat())).status_code
            == 200
        )
    with django_assert_max_num_queries(BOARD_QUERIES):
        assert client.get(BOARD).status_code == 200


def test_an_exemption_granted_by_a_manager_clears_and_the_gate_says_until_when(
    client, clinic, injector, bls
):
    CertificationRequirementFactory(role=injector, certification_type=bls)
    until = clinic["today"] + timedelta(days=30)
    grant_exemption(
        staff=clinic["ben"],
        kind="certification",
        requirement_key="BLS",
        ends_on=until,
        reason="Renewal course booked; card lapsed during leave",
        actor=clinic["manager"].user,
        now=timezone.now(),
    )
    client.force_login(clinic["manager"].user)
    answer = page_answer(client.get(gate_url()).content.decode())
    ben = next(p for p in answer["cleared"] if p["staff_id"] == clinic["ben"].pk)
    assert ben["notes"] == [f"BLS: exempt until {until:%-d %b %Y}"]
    # The day after it ends, the lapsed card blocks again.
    after = page_answer(
        client.get(gate_url(day=(until + timedelta(1)).isoformat())).content.decode()
    )
    assert clinic["ben"].pk in [p["staff_id"] for p in after["not_cleared"]]


def test_the_board_judges_each_location_on_its_own_date(
    client, fillers, injector, bls, north, west
):
    # 04:30 UTC on 1 November 2026: 1 November in New York, still 31 October in Los Angeles.
    instant = datetime(2026, 11, 1, 4, 30, tzinfo=UTC)
    sam = StaffProfileFactory(home_location=north, locations=[north, west], roles=[injector])
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=date(2026, 10, 31))
    regional = ManagerFactory(home_location=north, managed_locations=[north, west])
    with time_machine.travel(instant, tick=False):
        client.force_login(regional.user)
        in_west = client.get(f"{BOARD}?location=west").content.decode()
        in_north = client.get(f"{BOARD}?location=north").content.decode()
    assert "1 of 1 cleared" in in_west and "BLS expired" not in in_west
    assert "0 of 1 cleared" in in_north and "BLS expired 31 Oct 2026" in in_north


def test_the_board_links_each_clearance_to_the_gate_for_today(client, clinic, north):
    client.force_login(clinic["manager"].user)
    body = client.get(BOARD).content.decode()
    today = north.local_date(timezone.now()).isoformat()
    link = f"{GATE}?location=north&amp;date={today}&amp;procedure=dermal-fillers"
    assert link in body
    assert client.get(link.replace("&amp;", "&")).status_code == 200
