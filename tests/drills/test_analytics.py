"""Educators' analytics: choice frequencies, critical action share and median time, worst first;
and the selectors the manager dashboard will use."""

from datetime import timedelta

import pytest
from django.urls import reverse

from drills.selectors import critical_action_times, debrief_for, scenario_analytics
from drills.services import decide, start_run
from organisation import groups
from tests.factories.organisation import ManagerFactory, StaffProfileFactory, UserFactory


def _run(page, staff, now, path, step_seconds=10):
    start_run(staff=staff, page=page, now=now)
    at = now
    for key, index in path:
        at = at + timedelta(seconds=step_seconds)
        result = decide(staff=staff, page=page, node_key=key, choice_index=index, now=at)
    return result.run


GOOD_PATH = [("itching", 0), ("wheeze", 0), ("ems", 0)]
ANTIHISTAMINE = [("itching", 0), ("wheeze", 1), ("collapse", 0), ("ems-late", 0)]


@pytest.fixture
def three_runs(scenario, now):
    _run(scenario, StaffProfileFactory(), now, GOOD_PATH, step_seconds=10)
    _run(scenario, StaffProfileFactory(), now, GOOD_PATH, step_seconds=20)
    _run(scenario, StaffProfileFactory(), now, ANTIHISTAMINE, step_seconds=30)


def test_analytics_counts_choices_and_lists_the_worst_node_first(scenario, three_runs):
    analytics = scenario_analytics(scenario)
    assert analytics.runs == 3
    worst = analytics.nodes[0]
    assert worst.node.key == "wheeze"
    assert (worst.wrong, worst.total) == (1, 3)
    assert [count for _, count in worst.choices] == [2, 1]


def test_analytics_critical_share_and_median_seconds(scenario, three_runs):
    critical = {c.label: c for c in scenario_analytics(scenario).critical}
    epi = critical["Give intramuscular epinephrine"]
    assert (epi.runs_hit, epi.runs) == (3, 3)
    # Second decision in each run: 20 s, 40 s; the third run's is its third (90 s).
    assert epi.median_seconds == 40
    ems = critical["Call EMS"]
    assert ems.runs_hit == 3


def test_debrief_pairs_path_with_best_path_and_critical_times(scenario, now):
    staff = StaffProfileFactory()
    run = _run(scenario, staff, now, ANTIHISTAMINE, step_seconds=15)
    debrief = debrief_for(run)
    assert debrief.best_keys == ["itching", "wheeze", "ems", "recovered"]
    assert debrief.taken_keys == ["itching", "wheeze", "collapse", "ems-late", "harmed"]
    by_label = {c.label: c for c in debrief.critical}
    assert by_label["Give intramuscular epinephrine"].seconds_from_start == 45
    assert by_label["Give intramuscular epinephrine"].seconds_taken == 15
    assert debrief.end.outcome == "harm"
    assert debrief.best_score == 25


def test_critical_action_times_scoped_by_viewer(scenario, now):
    staff = StaffProfileFactory()
    _run(scenario, staff, now, GOOD_PATH)
    _run(scenario, StaffProfileFactory(), now, GOOD_PATH)
    assert {t.staff_id for t in critical_action_times(staff.user)} == {staff.pk}
    manager = ManagerFactory(home_location=staff.home_location)
    assert {t.staff_id for t in critical_action_times(manager.user)} == {staff.pk}


def test_admin_analytics_for_educators_only(client, scenario, three_runs):
    url = reverse("drills_analytics_detail", args=[scenario.pk])
    client.force_login(UserFactory(groups=[groups.EDUCATORS], is_staff=True))
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Give intramuscular epinephrine" in content
    assert content.index("Wheeze and lip swelling") < content.index("Breathing easier")
    assert client.get(reverse("drills_analytics")).status_code == 200
    client.force_login(UserFactory(groups=[groups.MANAGERS]))
    assert client.get(url).status_code in (302, 403)


def test_runs_for_staff_is_empty_for_a_viewer_who_may_not_see_them(scenario, now):
    from drills.selectors import runs_for_staff

    staff = StaffProfileFactory()
    _run(scenario, staff, now, GOOD_PATH)
    assert runs_for_staff(staff.user, staff.pk).count() == 1
    assert runs_for_staff(StaffProfileFactory().user, staff.pk).count() == 0
    manager = ManagerFactory(home_location=staff.home_location)
    assert runs_for_staff(manager.user, staff.pk).count() == 1


def test_educators_manage_drill_requirements_in_admin(client, scenario):
    from drills.permissions import grant_editor_permissions

    grant_editor_permissions()
    client.force_login(UserFactory(groups=[groups.EDUCATORS], is_staff=True))
    assert client.get(reverse("wagtailsnippets_drills_drillrequirement:list")).status_code == 200
    client.force_login(UserFactory(groups=[groups.MANAGERS]))
    assert client.get(reverse("wagtailsnippets_drills_drillrequirement:list")).status_code in (
        302,
        403,
    )
