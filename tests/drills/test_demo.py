"""The drill demo: runs and team drills on the library's scenarios (the small test library);
twice is the same as once; the real library's scenarios follow the content rules."""

import pytest

from drills import demo
from drills.graph import Graph
from drills.models import DrillRequirement, DrillRun, DrillScenarioPage, TeamDrillSession
from drills.scenario_format import graph_blocks
from organisation.demo import seed_organisation
from readyroom.library import read_library, write_library
from tests.factories.library import small_library


def _counts():
    return (
        DrillScenarioPage.objects.count(),
        DrillRequirement.objects.count(),
        DrillRun.objects.count(),
        TeamDrillSession.objects.count(),
    )


@pytest.mark.django_db
def test_seed_is_complete_and_idempotent(tmp_path, now):
    today = now.date()
    profiles = seed_organisation(today=today)
    publisher = profiles["director"].user
    write_library(read_library(small_library(tmp_path)), publisher=publisher)
    demo.seed(today=today, profiles=profiles, publisher=publisher)
    first = _counts()
    pages, requirements, runs, sessions = first
    assert pages == 1
    assert requirements == 2  # the file's requirement: injector and esthetician
    assert runs >= 3
    assert sessions == 3  # one per location
    assert DrillScenarioPage.objects.live().filter(sample_content=True).count() == 1
    assert not DrillRun.objects.filter(finished_at__isnull=True).exists()
    staff_runs = DrillRun.objects.filter(staff=profiles["staff"])
    assert {r.outcome for r in staff_runs} >= {"good"}
    demo.seed(today=today, profiles=profiles, publisher=publisher)
    assert _counts() == first
    demo.reset()
    assert _counts() == (0, 0, 0, 0)


def test_real_demo_scenarios_follow_the_content_rules():
    scenarios = read_library().scenarios
    assert len(scenarios) >= 3
    for spec in scenarios:
        graph = Graph.from_raw(graph_blocks(spec.data))
        assert graph.validate() == [], spec.slug
        assert len(graph.nodes) >= 8, spec.slug
        assert len({n.outcome for n in graph.nodes if n.is_end}) >= 2, spec.slug
        assert any(n.timer_seconds for n in graph.nodes), spec.slug
        assert graph.critical_actions(), spec.slug
        assert graph.best_path()[-1][0].outcome == "good", spec.slug
        assert spec.data["requirement"]["roles"], spec.slug
