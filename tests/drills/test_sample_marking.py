"""A drill flagged as sample content says so on its run, the debrief and every /my/drills/
list, and only while it is flagged."""

from datetime import timedelta

import pytest
from django.urls import reverse

from content.sample import SAMPLE_NOTICE
from drills.models import DrillScenarioPage
from drills.services import decide, start_run
from tests.factories.drills import DrillRequirementFactory, DrillRunFactory
from tests.factories.organisation import JobRoleFactory

NOTICE = str(SAMPLE_NOTICE)
BADGE = '<span class="badge">Sample content</span>'
GOOD_PATH = [("itching", 0), ("wheeze", 0), ("ems", 0)]


def flag(page, sample: bool) -> None:
    DrillScenarioPage.objects.filter(pk=page.pk).update(sample_content=sample)


@pytest.mark.parametrize("sample", [True, False])
def test_run_and_debrief_carry_the_notice_only_for_a_sample_drill(
    client, scenario, staff, now, sample
):
    flag(scenario, sample)
    client.force_login(staff.user)
    before = client.get(scenario.url + "run/").content.decode()
    run = start_run(staff=staff, page=scenario, now=now)
    step = client.get(scenario.url + "run/").content.decode()
    for i, (key, index) in enumerate(GOOD_PATH, start=1):
        decide(
            staff=staff,
            page=scenario,
            node_key=key,
            choice_index=index,
            now=now + timedelta(seconds=10 * i),
        )
    debrief = client.get(f"{scenario.url}runs/{run.pk}/").content.decode()
    assert "Debrief" in debrief
    assert [NOTICE in page for page in (before, step, debrief)] == [sample] * 3


@pytest.mark.parametrize("sample", [True, False])
def test_my_drills_marks_a_sample_drill_in_each_list(client, scenario, staff, sample):
    role = JobRoleFactory(slug="injector")
    staff.roles.set([role])
    DrillRequirementFactory(role=role, page=scenario)
    DrillRunFactory(staff=staff, page=scenario)
    flag(scenario, sample)
    client.force_login(staff.user)
    body = client.get(reverse("drills:my_drills")).content.decode()
    # Required of me, drills you can run, my past runs.
    assert body.count(BADGE) == (3 if sample else 0)
