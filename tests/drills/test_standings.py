"""The drill provider's standings (what the dashboard counts) say what its rows say."""

from datetime import timedelta

from drills.compliance import drill_rows, drill_standings
from organisation.models import Location
from organisation.selectors import active_staff_at, staff_lines
from tests.factories.drills import DrillRequirementFactory, DrillRunFactory, TeamDrillSessionFactory
from tests.factories.organisation import JobRoleFactory, LocationFactory, StaffProfileFactory


def test_standings_say_what_the_rows_say(scenario, now):
    role = JobRoleFactory(slug="injector")
    DrillRequirementFactory(role=role, page=scenario, min_score=20, every_months=6)
    clinic = LocationFactory(time_zone="Europe/London")
    people = [StaffProfileFactory(home_location=clinic, roles=[role]) for _ in range(5)]
    StaffProfileFactory(home_location=clinic)  # no role: no drill
    ran, low, long_ago, team, _never = people
    DrillRunFactory(staff=ran, page=scenario, started_at=now - timedelta(days=10), score=25)
    DrillRunFactory(
        staff=low,
        page=scenario,
        started_at=now - timedelta(days=3),
        score=5,
        all_critical_hit=False,
    )
    DrillRunFactory(staff=long_ago, page=scenario, started_at=now - timedelta(days=200), score=30)
    TeamDrillSessionFactory(
        location=clinic,
        page=scenario,
        held_on=(now - timedelta(days=170)).date(),
        participants=[team],
    )
    rows = {
        (r.staff_id, r.requirement_key): (r.status, r.due_on)
        for r in drill_rows(staff=people, now=now, as_of=None)
    }
    assert len({status for status, _ in rows.values()}) >= 3  # current, due soon, overdue...

    lines = staff_lines(active_staff_at(Location.objects.filter(pk=clinic.pk)))
    (column,) = drill_standings(staff=lines, now=now, as_of=None)
    assert {
        (pk, column.requirement_key): (status, column.due_on[pk])
        for pk, status in column.status.items()
    } == rows
