"""Assignments: a module or drill set to a person (or a role at a location) with a due date
is a requirement of its own - due on that date, done by a pass or a finished run on or after
the day it was set, reminded through the ledger - and each is audited and scoped."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from reminders.planner import plan_reminders

from actions import assignments
from actions.models import Assignment
from organisation.compliance import compliance_rows
from organisation.models import AuditEntry
from organisation.status import Status
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.drills import (
    DrillIndexPageFactory,
    DrillRunFactory,
    DrillScenarioPageFactory,
)
from tests.factories.training import (
    TrainingIndexPageFactory,
    correct_answers,
    module_with_questions,
)
from training import services as training_services

# 10:00 in New York on 4 March 2026.
NOW = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)
DUE = datetime.date(2026, 3, 20)


@pytest.fixture
def world(db, home_page):
    north = LocationFactory(slug="north", name="North")
    south = LocationFactory(slug="south", name="South")
    injector = JobRoleFactory(slug="injector", name="Injector")
    module = module_with_questions(
        TrainingIndexPageFactory(parent=home_page), title="Vascular occlusion", slug="vo"
    )
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    return {
        "north": north,
        "injector": injector,
        "module": module,
        "scenario": scenario,
        "sam": StaffProfileFactory(home_location=north, roles=[injector], user__username="sam"),
        "ida": StaffProfileFactory(home_location=north, roles=[injector], user__username="ida"),
        "fay": StaffProfileFactory(home_location=north, user__username="fay"),  # no role
        "tom": StaffProfileFactory(home_location=south, roles=[injector], user__username="tom"),
        "manager": ManagerFactory(home_location=north),
        "other_manager": ManagerFactory(home_location=south),
    }


def assign(world, **kwargs):
    values = {
        "staff": world["sam"],
        "what": "module",
        "page": world["module"],
        "due_on": DUE,
        "actor": world["manager"].user,
        "now": NOW,
    }
    return assignments.assign_to_person(**(values | kwargs))


def assigned_rows(person, now):
    return [r for r in compliance_rows(staff=[person], now=now) if r.kind == "assigned"]


def pass_module(person, module, now):
    attempt = training_services.start_attempt(staff=person, module=module, now=now)
    training_services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)


def test_an_assignment_is_a_requirement_due_on_its_date_and_audited(world):
    assignment = assign(world)
    assert assignment.assigned_on == datetime.date(2026, 3, 4)
    entry = AuditEntry.objects.get(action="assignment.created")
    assert entry.staff == world["sam"] and entry.actor == world["manager"].user
    assert entry.summary == "Assigned training module Vascular occlusion, due 20 Mar 2026."
    (row,) = assigned_rows(world["sam"], NOW)
    assert (row.status, row.due_on, row.label) == (Status.DUE_SOON, DUE, "Vascular occlusion")
    assert row.kind_label == "Assigned" and row.url.endswith("/vo/")
    assert row.requirement_key == f"module:{world['module'].pk}:{DUE}"
    late = NOW + datetime.timedelta(days=17)  # 21 March
    assert assigned_rows(world["sam"], late)[0].status is Status.OVERDUE


def test_a_pass_on_or_after_the_assignment_date_completes_it(world):
    pass_module(world["sam"], world["module"], NOW - datetime.timedelta(days=10))
    assign(world)
    assert assigned_rows(world["sam"], NOW)[0].status is Status.DUE_SOON  # an old pass: no
    pass_module(world["sam"], world["module"], NOW + datetime.timedelta(hours=1))
    (row,) = assigned_rows(world["sam"], NOW + datetime.timedelta(hours=2))
    assert (row.status, row.due_on) == (Status.CURRENT, None)


def test_a_finished_drill_run_after_the_assignment_completes_a_drill(world):
    assign(world, what="drill", page=world["scenario"])
    key = f"drill:{world['scenario'].pk}:{DUE}"
    assert assigned_rows(world["sam"], NOW)[0].requirement_key == key
    DrillRunFactory(
        staff=world["sam"], page=world["scenario"], started_at=NOW + datetime.timedelta(hours=1)
    )
    assert assigned_rows(world["sam"], NOW + datetime.timedelta(hours=2))[0].status is (
        Status.CURRENT
    )


def test_reminded_through_the_ledger_until_done(world):
    assign(world)
    key = f"{world['sam'].pk}:assigned:module:{world['module'].pk}:{DUE}"

    def planned(now):
        return {
            (p.audience, p.kind)
            for p in plan_reminders(now=now, staff_ids=[world["sam"].pk])
            if p.item_key == key
        }

    assert planned(NOW) == {("staff", "staff:before-30")}  # 16 days left
    two_weeks = NOW + datetime.timedelta(days=2)
    assert planned(two_weeks) == {("staff", "staff:before-14"), ("manager", "manager:before-14")}
    pass_module(world["sam"], world["module"], NOW)
    plan = plan_reminders(now=NOW, staff_ids=[world["sam"].pk])
    assert not [p for p in plan if ":assigned:" in p.item_key]


def test_a_role_at_a_location_assigns_each_holder_there_with_an_entry_each(world):
    made = assignments.assign_to_role(
        role=world["injector"],
        location=world["north"],
        what="module",
        page=world["module"],
        due_on=DUE,
        actor=world["manager"].user,
        now=NOW,
    )
    assert {a.staff for a in made} == {world["sam"], world["ida"]}  # not Fay, not Tom (South)
    assert AuditEntry.objects.filter(action="assignment.created").count() == 2
    # One requirement, one matrix column: the same key for everyone.
    keys = {assigned_rows(p, NOW)[0].requirement_key for p in (world["sam"], world["ida"])}
    assert len(keys) == 1


def test_another_locations_manager_cannot_assign(world):
    with pytest.raises(PermissionDenied):
        assign(world, actor=world["other_manager"].user)
    with pytest.raises(PermissionDenied):
        assignments.assign_to_role(
            role=world["injector"],
            location=world["north"],
            what="module",
            page=world["module"],
            due_on=DUE,
            actor=world["other_manager"].user,
            now=NOW,
        )
    assert not Assignment.objects.exists() and not AuditEntry.objects.exists()


def test_bad_input_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        assign(world, due_on=datetime.date(2026, 3, 3))
    assert "due_on" in refused.value.message_dict
    assign(world)
    with pytest.raises(ValidationError) as refused:
        assign(world)
    assert "already has Vascular occlusion assigned" in refused.value.message_dict["page"][0]
    assert Assignment.objects.count() == 1


def test_the_pages_assign_and_show_it_to_the_person(client, world):
    client.force_login(world["manager"].user)
    url = reverse("actions:assign", args=[world["sam"].pk])
    page = client.get(url).content.decode()
    assert f'value="module:{world["module"].pk}"' in page
    bad = client.post(url, {"page": f"module:{world['module'].pk}", "due_on": "2020-01-01"})
    assert bad.status_code == 400 and 'value="2020-01-01"' in bad.content.decode()
    future = "2099-01-31"
    response = client.post(url, {"page": f"module:{world['module'].pk}", "due_on": future})
    assert response.status_code == 302

    client.force_login(world["sam"].user)
    for address in ("/", "/my/training/"):
        html = client.get(address).content.decode()
        assert "Vascular occlusion" in html and '<time datetime="2099-01-31">' in html, address

    role_url = reverse("actions:assign_role")
    client.force_login(world["manager"].user)
    data = {
        "location": world["north"].pk,
        "role": world["injector"].pk,
        "page": f"drill:{world['scenario'].pk}",
        "due_on": future,
    }
    assert client.post(role_url, data).status_code == 302
    client.force_login(world["ida"].user)
    assert world["scenario"].title in client.get("/my/drills/").content.decode()


def test_wrong_viewers_are_refused_by_the_pages(client, world):
    url = reverse("actions:assign", args=[world["sam"].pk])
    client.force_login(world["other_manager"].user)
    assert client.get(url).status_code == 404
    data = {"page": f"module:{world['module'].pk}", "due_on": "2099-01-31"}
    assert client.post(url, data).status_code == 404
    role_data = data | {"location": world["north"].pk, "role": world["injector"].pk}
    # North is not among South's manager's locations: the form refuses it as a choice.
    assert client.post(reverse("actions:assign_role"), role_data).status_code == 400
    client.force_login(world["sam"].user)
    assert client.get(reverse("actions:assign_role")).status_code == 403
    assert not Assignment.objects.exists()
