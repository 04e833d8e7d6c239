"""The run/ route: start, decide, POST-redirect-GET, 400s, reload, the debrief and its 404s."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from drills import services
from drills.models import DrillDecision, DrillRun
from drills.services import start_run
from tests.factories.drills import DrillScenarioPageFactory, chain_graph
from tests.factories.organisation import StaffProfileFactory


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff.user)
    return client


def run_url(page):
    return page.url + "run/"


def decide(client, page, node, choice=None):
    data = {"action": "decide", "node": node}
    if choice is not None:
        data["choice"] = str(choice)
    return client.post(run_url(page), data)


def test_start_then_the_current_node_shows(staff_client, scenario, staff):
    response = staff_client.post(run_url(scenario), {"action": "start"})
    assert response.status_code == 302 and response.url == run_url(scenario)
    page = staff_client.get(run_url(scenario))
    content = page.content.decode()
    assert "Itching after the numbing cream" in content
    assert 'data-remaining="60"' in content or 'data-remaining="59"' in content
    assert "drills/countdown.js" in content


def test_choice_redirects_and_reload_shows_the_new_current_node(staff_client, scenario, staff):
    staff_client.post(run_url(scenario), {"action": "start"})
    response = decide(staff_client, scenario, "itching", 0)
    assert response.status_code == 302 and response.url == run_url(scenario)
    for _ in range(2):  # reloading does not fork or advance the run
        assert "Wheeze and lip swelling" in staff_client.get(run_url(scenario)).content.decode()
    assert DrillRun.objects.get().steps == 1


def test_going_back_and_resubmitting_an_old_step_is_400_and_changes_nothing(staff_client, scenario):
    staff_client.post(run_url(scenario), {"action": "start"})
    decide(staff_client, scenario, "itching", 0)
    response = decide(staff_client, scenario, "itching", 1)
    assert response.status_code == 400
    assert services.NOT_CURRENT_NODE in response.content.decode()
    run = DrillRun.objects.get()
    assert (run.current_node, run.steps) == ("wheeze", 1)


@pytest.mark.parametrize("choice", ["9", "-1", "x"])
def test_a_choice_the_node_does_not_have_is_400(staff_client, scenario, choice):
    staff_client.post(run_url(scenario), {"action": "start"})
    response = staff_client.post(
        run_url(scenario), {"action": "decide", "node": "itching", "choice": choice}
    )
    assert response.status_code == 400
    assert services.UNKNOWN_CHOICE in response.content.decode()
    assert not DrillDecision.objects.exists()


def test_unknown_action_is_400(staff_client, scenario):
    assert staff_client.post(run_url(scenario), {"action": "fork"}).status_code == 400


def test_late_post_follows_the_timeout(staff_client, scenario, staff):
    started = timezone.now()
    start_run(staff=staff, page=scenario, now=started)
    with time_machine.travel(started + timedelta(seconds=70), tick=False):
        response = decide(staff_client, scenario, "itching", 0)
        assert response.status_code == 302
        assert DrillRun.objects.get().current_node == "collapse"
        assert DrillDecision.objects.get().timed_out


def test_after_time_is_up_the_page_offers_only_continue(staff_client, scenario, staff):
    started = timezone.now()
    start_run(staff=staff, page=scenario, now=started)
    with time_machine.travel(started + timedelta(seconds=70), tick=False):
        content = staff_client.get(run_url(scenario)).content.decode()
    assert "Time is up" in content
    assert 'class="drill-choice"' not in content


def _finish(client, page):
    client.post(run_url(page), {"action": "start"})
    decide(client, page, "itching", 0)
    decide(client, page, "wheeze", 0)
    return decide(client, page, "ems", 0)


def test_finishing_redirects_to_the_debrief(staff_client, scenario):
    response = _finish(staff_client, scenario)
    run = DrillRun.objects.get()
    assert response.url == f"{scenario.url}runs/{run.pk}/"
    content = staff_client.get(response.url).content.decode()
    assert "Outcome: Good" in content
    assert "Give intramuscular epinephrine" in content
    assert "Seconds from start" in content
    assert "IM epinephrine is the first treatment of anaphylaxis." in content  # feedback
    assert "Best path" in content


def test_another_staff_members_debrief_is_404(client, scenario, staff):
    client.force_login(staff.user)
    response = _finish(client, scenario)
    other = StaffProfileFactory()
    client.force_login(other.user)
    assert client.get(response.url).status_code == 404


def test_manager_of_the_location_gets_404_for_a_staff_debrief_too(client, scenario, staff):
    from tests.factories.organisation import ManagerFactory

    client.force_login(staff.user)
    response = _finish(client, scenario)
    client.force_login(ManagerFactory(home_location=staff.home_location).user)
    assert client.get(response.url).status_code == 404


def test_account_without_a_profile_cannot_run(client, scenario):
    from tests.factories.organisation import UserFactory

    client.force_login(UserFactory())
    assert client.post(run_url(scenario), {"action": "start"}).status_code == 403


def test_login_is_required(client, scenario):
    response = client.get(run_url(scenario))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.parametrize("size", [8, 200])
def test_decision_request_holds_a_fixed_number_of_queries(
    client, drill_index, size, django_assert_max_num_queries
):
    if size == 8:
        page = DrillScenarioPageFactory(parent=drill_index)
        first = "itching"
    else:
        page = DrillScenarioPageFactory(parent=drill_index, graph=chain_graph(size))
        first = "n0"
    staff = StaffProfileFactory()
    client.force_login(staff.user)
    client.post(run_url(page), {"action": "start"})
    client.get(run_url(page))  # warm caches (site root paths) as a real session would
    with django_assert_max_num_queries(DECISION_QUERIES) as captured:
        response = decide(client, page, first, 0)
    assert response.status_code == 302
    print(f"decision request at {size} nodes: {len(captured)} queries")


# Session and user (2); Wagtail's site and root page, the page found by its url_path and
# fetched as its specific page (content/routes.py), the alias and view-restriction checks
# (6, whatever the page's depth); ours: the profile, the locked run with its revision, the
# decision insert, the run update, and the transaction's savepoint pair (6).
# The same at 8 and 200 nodes: the graph comes from the run's revision, parsed once.
DECISION_QUERIES = 14


@pytest.mark.parametrize("size", [8, 200])
def test_debrief_holds_a_fixed_number_of_queries(
    client, drill_index, size, django_assert_max_num_queries
):
    from drills.services import decide as decide_service

    graph = chain_graph(size) if size == 200 else None
    page = DrillScenarioPageFactory(parent=drill_index, **({"graph": graph} if graph else {}))
    staff = StaffProfileFactory()
    now = timezone.now()
    run = start_run(staff=staff, page=page, now=now)
    while not run.is_finished:
        run = decide_service(
            staff=staff, page=page, node_key=run.current_node, choice_index=0, now=now
        ).run
    client.force_login(staff.user)
    url = f"{page.url}runs/{run.pk}/"
    client.get(url)
    with django_assert_max_num_queries(DECISION_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == 200
    print(f"debrief of a {run.steps}-step run: {len(captured)} queries")
