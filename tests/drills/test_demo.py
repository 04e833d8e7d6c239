"""The demo seed: scenarios from the content format, requirements, runs, team drills; twice is
the same as once. Uses a small inline sample; the real SCENARIOS are checked when present."""

import pytest

from content.demo import seed_protocol_library
from drills import demo
from drills.graph import Graph
from drills.models import DrillRequirement, DrillRun, DrillScenarioPage, TeamDrillSession
from organisation.demo import seed_organisation
from tests.factories.drills import anaphylaxis_graph


def _spec(slug, title):
    nodes = []
    for block in anaphylaxis_graph():
        value = block["value"]
        nodes.append(
            {
                "key": value["key"],
                "title": value["title"],
                "situation": value["situation"],
                "timer_seconds": value["timer_seconds"],
                "timeout_next": value["timeout_next"] or None,
                "outcome": value["outcome"] or None,
                "summary": value["summary"],
                "choices": value["choices"],
            }
        )
    return {
        "slug": slug,
        "title": title,
        "vignette": {
            "procedure": "Microneedling",
            "device": "Pen, 1.5 mm",
            "fitzpatrick": "II",
            "history": "None relevant.",
        },
        "objectives": ["Recognise anaphylaxis", "Give IM epinephrine without delay"],
        "protocol_slugs": ["no-such-protocol"],
        "start": "itching",
        "nodes": nodes,
        "milestones": ["Recognised", "Help called", "Epinephrine given", "EMS called"],
        "checklist": [
            {"item": "Procedure stopped", "required": True},
            {"item": "Vital signs recorded", "required": False},
        ],
    }


SAMPLE = [_spec("anaphylaxis-sample", "Sample anaphylaxis"), _spec("laser-sample", "Laser")]


def _counts():
    return (
        DrillScenarioPage.objects.count(),
        DrillRequirement.objects.count(),
        DrillRun.objects.count(),
        TeamDrillSession.objects.count(),
    )


@pytest.mark.django_db
def test_seed_is_complete_and_idempotent(monkeypatch, now):
    monkeypatch.setattr(demo, "load_scenarios", lambda: SAMPLE)
    today = now.date()
    profiles = seed_organisation(today=today)
    publisher = profiles["director"].user
    seed_protocol_library(publisher=publisher)
    demo.seed(today=today, profiles=profiles, publisher=publisher)
    first = _counts()
    pages, requirements, runs, sessions = first
    assert pages == 2
    assert requirements == 3  # anaphylaxis: injector, esthetician; laser: laser technician
    assert runs >= 2 * 3
    assert sessions == 3  # one per location
    assert DrillScenarioPage.objects.live().filter(sample_content=True).count() == 2
    assert not DrillRun.objects.filter(finished_at__isnull=True).exists()
    staff_runs = DrillRun.objects.filter(staff=profiles["staff"])
    assert {r.outcome for r in staff_runs} >= {"good"}
    demo.seed(today=today, profiles=profiles, publisher=publisher)
    assert _counts() == first
    demo.reset()
    assert _counts() == (0, 0, 0, 0)


def test_invalid_scenario_is_refused():
    spec = _spec("broken", "Broken")
    spec["nodes"][0]["choices"][0]["next"] = "nowhere"
    with pytest.raises(demo.DemoScenarioInvalid, match="nowhere"):
        demo.page_fields(spec, {})


def test_real_demo_scenarios_follow_the_content_rules():
    scenarios = demo.load_scenarios()
    assert len(scenarios) >= 3
    for spec in scenarios:
        fields = demo.page_fields(spec, {})  # raises when the graph is invalid
        graph = Graph.from_raw(fields["graph"])
        assert len(graph.nodes) >= 8, spec["slug"]
        assert len({n.outcome for n in graph.nodes if n.is_end}) >= 2, spec["slug"]
        assert any(n.timer_seconds for n in graph.nodes), spec["slug"]
        assert graph.critical_actions(), spec["slug"]
        assert graph.best_path()[-1][0].outcome == "good", spec["slug"]
