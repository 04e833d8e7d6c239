"""The clinical library's own files (issue 14): they check clean, and the content keeps the
promises the protocols make (EMS at recognition in anaphylaxis, the incident report on every
drill's checklist, the front-desk emergency module required of front desk)."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import call_command

from content.demo import home_page
from content.library import write_protocols
from drills.graph import Graph
from drills.scenario_format import graph_blocks
from organisation.demo import seed_organisation
from organisation.models import StaffProfile
from readyroom.library import Library, read_library
from training.library import write_modules
from training.selectors import required_modules

ANAPHYLAXIS = "anaphylaxis-topical-anaesthetic"
FRONT_DESK_MODULE = "front-desk-emergency"
NEW_DRILLS = {ANAPHYLAXIS, "filler-vascular-occlusion"}
NEW_MODULES = {"topical-local-anaesthetic-safety", "filler-vascular-occlusion", FRONT_DESK_MODULE}
REFERENCED_PROTOCOLS = {
    "topical-local-anaesthetic-safety",
    "filler-vascular-occlusion",
    "laser-vein-complications-emergency",
}
NOW = datetime.datetime(2026, 11, 24, 17, 0, tzinfo=datetime.UTC)


@pytest.fixture(scope="module")
def library() -> Library:
    return read_library()


def _scenario(library: Library, slug: str) -> dict:
    return next(s.data for s in library.scenarios if s.slug == slug)


def _graph(library: Library, slug: str) -> Graph:
    return Graph.from_raw(graph_blocks(_scenario(library, slug)))


def test_check_library_finds_no_problem_in_the_shipped_files():
    out = StringIO()
    call_command("check_library", stdout=out)
    assert "no problems" in out.getvalue()


def test_the_new_topics_are_in_the_library(library):
    assert NEW_DRILLS <= {s.slug for s in library.scenarios}
    assert NEW_MODULES <= {m.slug for m in library.modules}
    protocols = {p.slug for p in library.protocols}
    assert {"topical-local-anaesthetic-safety", "filler-vascular-occlusion"} <= protocols


def test_the_emergency_protocols_name_the_guidance_they_follow(library):
    protocols = [p for p in library.protocols if p.slug in REFERENCED_PROTOCOLS]
    assert {p.slug for p in protocols} == REFERENCED_PROTOCOLS
    for protocol in protocols:
        callouts = [value for kind, value in protocol.body if kind == "callout"]
        references = [c for c in callouts if c["title"] == "References"]
        assert len(references) == 1, protocol.slug
        assert "follows" in references[0]["body"], protocol.slug


def test_anaphylaxis_best_path_has_ems_called_at_recognition_before_epinephrine(library):
    path = _graph(library, ANAPHYLAXIS).best_path()
    first_node, first_choice = path[0]
    assert first_node.key == _scenario(library, ANAPHYLAXIS)["start"]
    assert "EMS" in first_choice.label and first_choice.critical
    labels = [choice.label for _, choice in path if choice]
    first_dose = next(i for i, label in enumerate(labels) if "epinephrine" in label)
    assert labels.index(first_choice.label) < first_dose
    end = path[-1][0]
    assert end.outcome == "good"
    # The debrief teaches the same order: EMS is named before the first injection.
    assert end.summary.index("EMS") < end.summary.index("epinephrine")


def test_anaphylaxis_drill_does_not_reward_waiting_to_call_ems(library):
    graph = _graph(library, ANAPHYLAXIS)
    start = graph.start
    best = max(start.choices, key=lambda c: c.points)
    later = [c for c in start.choices if "EMS" in c.label and c is not best]
    assert "EMS" in best.label
    assert all(c.points < best.points and not c.critical for c in later)


def test_anaphylaxis_drill_weighs_toxicity_when_the_saturation_sticks_at_88(library):
    path = _graph(library, ANAPHYLAXIS).best_path()
    node, choice = next((n, c) for n, c in path if c and "methaemoglobinaemia" in c.label.lower())
    assert "88%" in node.situation and "muddled" in node.situation
    assert choice.critical and "toxicity" in choice.label
    others = [c for c in node.choices if c is not choice]
    assert others and all(c.points < 0 and c.feedback for c in others)


def test_anaphylaxis_drill_keeps_dosing_when_two_doses_have_not_worked(library):
    path = _graph(library, ANAPHYLAXIS).best_path()
    doses = [c for _, c in path if c and re.search(r"epinephrine|IM dose", c.label)]
    assert len(doses) >= 3
    refractory = next(c for _, c in path if c and c.label.startswith("Refractory"))
    assert "every 5 minutes" in refractory.feedback
    assert "IV fluids only if" in refractory.feedback


def test_every_drill_checklist_requires_the_incident_report(library):
    missing = [
        scenario.slug
        for scenario in library.scenarios
        if not any(
            "incident report" in item["item"].lower() and item.get("required", True)
            for item in scenario.data.get("checklist", [])
        )
    ]
    assert library.scenarios and missing == []


def test_occlusion_drill_runs_to_a_good_end_through_its_critical_actions(library):
    graph = _graph(library, "filler-vascular-occlusion")
    path = graph.best_path()
    assert path[-1][0].outcome == "good"
    assert [c.label for _, c in path if c] == [a.label for a in graph.critical_actions()]
    outcomes = {n.outcome for n in graph.nodes if n.is_end}
    assert outcomes == {"good", "partial", "harm"}


@pytest.mark.django_db
def test_front_desk_must_complete_the_front_desk_emergency_module(library):
    profiles = seed_organisation(today=NOW.date())
    director = profiles["director"].user
    # The module's protocols (and those they link to) must exist; the other modules and the
    # drills are not needed to show who must complete this one.
    home = home_page()
    write_protocols(home=home, specs=library.protocols, publisher=director)
    module = next(m for m in library.modules if m.slug == FRONT_DESK_MODULE)
    write_modules(home=home, specs=[module], publisher=director)

    front_desk = StaffProfile.objects.filter(roles__slug="front-desk").first()
    assert front_desk is not None
    required = {line.module.slug for line in required_modules(front_desk, now=NOW)}
    assert FRONT_DESK_MODULE in required
    injector = profiles["staff"]
    assert FRONT_DESK_MODULE not in {
        line.module.slug for line in required_modules(injector, now=NOW)
    }
