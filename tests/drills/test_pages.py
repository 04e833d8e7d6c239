"""The page tree, the scenario page and its preview map, my drills. (The editors' full-size map
of the latest draft is an admin view: tests/drills/test_editor.py.)"""

from datetime import timedelta

import pytest
from django.urls import reverse

from content.models import HomePage
from drills.models import DrillIndexPage, DrillScenarioPage
from tests.factories.drills import (
    DrillRequirementFactory,
    DrillRunFactory,
    DrillScenarioPageFactory,
)
from tests.factories.organisation import JobRoleFactory, StaffProfileFactory, UserFactory


def test_page_tree_rules():
    assert DrillIndexPage.parent_page_types == ["content.HomePage"]
    assert DrillIndexPage.allowed_subpage_models() == [DrillScenarioPage]
    assert DrillScenarioPage.allowed_parent_page_models() == [DrillIndexPage]
    assert DrillScenarioPage.allowed_subpage_models() == []
    assert DrillIndexPage in HomePage.allowed_subpage_models()


def test_drills_are_under_medical_director_approval(drill_index):
    workflow = drill_index.get_workflow()
    assert workflow is not None and workflow.name == "Medical director approval"


def test_scenario_page_shows_the_vignette_and_a_start_button(client, scenario, staff):
    client.force_login(staff.user)
    content = client.get(scenario.url).content.decode()
    assert "Microneedling under topical lidocaine/prilocaine" in content
    assert "Start the drill" in content
    assert 'class="drill-map"' not in content  # the map is for the preview and editors


def test_preview_shows_the_map(client, scenario):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[scenario.pk]))
    content = response.content.decode()
    assert 'class="drill-map"' in content
    assert 'data-key="recovered"' in content
    assert "#c92a2a" in content  # critical actions drawn red
    assert "The graph as text" in content


def test_my_drills_lists_scenarios_requirements_and_only_my_runs(client, scenario, staff, now):
    role = JobRoleFactory(slug="injector")
    staff.roles.set([role])
    DrillRequirementFactory(role=role, page=scenario)
    mine = DrillRunFactory(staff=staff, page=scenario, score=17)
    DrillRunFactory(staff=StaffProfileFactory(), page=scenario, score=3)
    client.force_login(staff.user)
    response = client.get(reverse("drills:my_drills"))
    content = response.content.decode()
    assert scenario.title in content
    assert f"runs/{mine.pk}/" in content
    assert [r.pk for r in response.context["runs"]] == [mine.pk]
    assert [row.status.value for row in response.context["rows"]] == ["current"]


@pytest.mark.parametrize("runs", [1, 12])
def test_my_drills_holds_a_fixed_number_of_queries(
    client, drill_index, staff, runs, django_assert_max_num_queries
):
    pages = [DrillScenarioPageFactory(parent=drill_index) for _ in range(3)]
    for i in range(runs):
        DrillRunFactory(staff=staff, page=pages[i % 3])
    client.force_login(staff.user)
    client.get(reverse("drills:my_drills"))
    with django_assert_max_num_queries(12):
        client.get(reverse("drills:my_drills"))


def test_index_lists_live_scenarios(client, scenario, drill_index, staff):
    DrillScenarioPageFactory(parent=drill_index, title="Unpublished", live=False, publish=False)
    client.force_login(staff.user)
    content = client.get(drill_index.url).content.decode()
    assert scenario.title in content and "Unpublished" not in content


def test_scenario_page_lists_my_finished_runs(client, scenario, staff, now):
    run = DrillRunFactory(staff=staff, page=scenario, started_at=now - timedelta(days=1))
    client.force_login(staff.user)
    assert f"runs/{run.pk}/" in client.get(scenario.url).content.decode()


def test_a_scenario_with_runs_on_record_is_not_deleted(client, scenario, drill_index, staff):
    DrillRunFactory(staff=staff, page=scenario)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    for page in (scenario, drill_index):
        response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
        assert response.status_code == 302
        assert DrillScenarioPage.objects.filter(pk=scenario.pk).exists()


def test_a_scenario_without_records_can_be_deleted(client, scenario):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.post(reverse("wagtailadmin_pages:delete", args=[scenario.pk]))
    assert not DrillScenarioPage.objects.filter(pk=scenario.pk).exists()


def test_a_drill_library_made_in_admin_goes_under_approval(client, home_page):
    from wagtail.test.utils.form_data import nested_form_data, rich_text

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:add", args=["drills", "drillindexpage", home_page.pk])
    data = nested_form_data({"title": "Drills", "slug": "drills", "intro": rich_text("")})
    assert client.post(url, data).status_code == 302
    library = DrillIndexPage.objects.get()
    assert library.get_workflow().name == "Medical director approval"
