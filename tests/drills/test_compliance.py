"""The "drill" compliance provider: requirements by role, the pass bar, team drills count."""

from datetime import date, timedelta

import pytest

from drills.compliance import KIND, drill_rows
from organisation.compliance import Status, compliance_rows, registered_kinds
from organisation.status import add_months
from tests.factories.drills import DrillRequirementFactory, DrillRunFactory, TeamDrillSessionFactory
from tests.factories.organisation import JobRoleFactory, StaffProfileFactory


@pytest.fixture
def injector_role(db):
    return JobRoleFactory(slug="injector")


@pytest.fixture
def injector(injector_role):
    return StaffProfileFactory(roles=[injector_role])


def _row(profile, now):
    (row,) = drill_rows(staff=[profile], now=now, as_of=None)
    return row


def test_provider_is_registered():
    assert KIND in registered_kinds()


def test_missing_without_a_run(scenario, injector, injector_role, now):
    DrillRequirementFactory(role=injector_role, page=scenario)
    row = _row(injector, now)
    assert (row.status, row.due_on, row.kind) == (Status.MISSING, None, KIND)
    assert row.url == scenario.url
    assert row.requirement_key == str(scenario.pk)
    assert row.action == "Run the drill scenario, on your own or in a team drill"
    assert row.manager_action == "Schedule a team drill"


def test_current_after_a_run_meeting_the_score(scenario, injector, injector_role, now):
    DrillRequirementFactory(role=injector_role, page=scenario, min_score=20, every_months=6)
    DrillRunFactory(staff=injector, page=scenario, started_at=now - timedelta(days=10), score=25)
    row = _row(injector, now)
    local = injector.local_date(now - timedelta(days=10))
    assert (row.status, row.due_on) == (Status.CURRENT, add_months(local, 6))


def test_low_score_does_not_count_unless_all_critical_actions_were_hit(
    scenario, injector, injector_role, now
):
    requirement = DrillRequirementFactory(role=injector_role, page=scenario, min_score=20)
    DrillRunFactory(
        staff=injector,
        page=scenario,
        started_at=now - timedelta(days=3),
        score=5,
        all_critical_hit=True,
    )
    assert _row(injector, now).status is Status.MISSING
    requirement.all_critical = True
    requirement.save()
    assert _row(injector, now).status is Status.CURRENT


def test_due_soon_and_overdue(scenario, injector, injector_role, now):
    DrillRequirementFactory(role=injector_role, page=scenario, every_months=12)
    DrillRunFactory(staff=injector, page=scenario, started_at=now - timedelta(days=350))
    assert _row(injector, now).status is Status.DUE_SOON
    assert drill_rows(staff=[injector], now=now, as_of=date(2027, 3, 1))[0].status is Status.OVERDUE


def test_team_drill_counts_only_with_the_required_checklist_done(
    scenario, injector, injector_role, now
):
    DrillRequirementFactory(role=injector_role, page=scenario, min_score=100)
    TeamDrillSessionFactory(
        page=scenario, held_on=date(2026, 2, 1), participants=[injector], checklist_complete=False
    )
    assert _row(injector, now).status is Status.MISSING
    TeamDrillSessionFactory(page=scenario, held_on=date(2026, 2, 2), participants=[injector])
    row = _row(injector, now)
    assert (row.status, row.due_on) == (Status.CURRENT, date(2027, 2, 2))


def test_staff_without_the_role_get_no_row(scenario, injector_role, now):
    DrillRequirementFactory(role=injector_role, page=scenario)
    assert drill_rows(staff=[StaffProfileFactory()], now=now, as_of=None) == []


def test_rows_through_the_registry(scenario, injector, injector_role, now):
    DrillRequirementFactory(role=injector_role, page=scenario)
    rows = compliance_rows(staff=[injector], now=now, kinds=[KIND])
    assert [r.kind for r in rows] == [KIND]


def test_fixed_queries_whatever_the_number_of_staff(
    scenario, injector_role, now, django_assert_max_num_queries
):
    DrillRequirementFactory(role=injector_role, page=scenario)
    few = [StaffProfileFactory(roles=[injector_role]) for _ in range(2)]
    many = few + [StaffProfileFactory(roles=[injector_role]) for _ in range(15)]
    for profile in many:
        DrillRunFactory(staff=profile, page=scenario, started_at=now - timedelta(days=5))
    for staff in (few, many):
        staff = list(
            type(few[0])
            .objects.filter(pk__in=[p.pk for p in staff])
            .select_related("home_location")
        )
        with django_assert_max_num_queries(6):
            rows = drill_rows(staff=staff, now=now, as_of=None)
        assert {r.status for r in rows} == {Status.CURRENT}
