"""Runs on the server: start, decide, the off-graph and late-decision cases, finishing."""

from datetime import timedelta

import pytest

from drills import services
from drills.models import DrillDecision, DrillRun
from drills.services import DrillRejected, decide, start_run
from organisation.models import AuditEntry
from tests.factories.drills import DrillScenarioPageFactory, anaphylaxis_graph


def test_start_pins_the_live_revision_and_the_start_node(scenario, staff, now):
    run = start_run(staff=staff, page=scenario, now=now)
    assert run.revision_id == scenario.live_revision_id
    assert run.current_node == "itching"
    assert run.current_shown_at == now


def test_second_start_resumes_the_open_run(scenario, staff, now):
    first = start_run(staff=staff, page=scenario, now=now)
    again = start_run(staff=staff, page=scenario, now=now + timedelta(minutes=5))
    assert again.pk == first.pk
    assert DrillRun.objects.count() == 1


def test_unpublished_scenario_cannot_be_run(drill_index, staff, now):
    draft = DrillScenarioPageFactory(parent=drill_index, live=False, publish=False)
    with pytest.raises(DrillRejected, match=services.NOT_PUBLISHED):
        start_run(staff=staff, page=draft, now=now)


def test_a_choice_moves_the_run_and_records_the_times(scenario, staff, now):
    start_run(staff=staff, page=scenario, now=now)
    later = now + timedelta(seconds=12)
    result = decide(staff=staff, page=scenario, node_key="itching", choice_index=0, now=later)
    run = result.run
    assert run.current_node == "wheeze"
    assert run.current_shown_at == later
    assert run.score == 5
    decision = DrillDecision.objects.get()
    assert (decision.shown_at, decision.answered_at) == (now, later)
    assert decision.critical and decision.choice_label.startswith("Stop")
    assert decision.seconds_taken == 12


@pytest.mark.parametrize(
    ("node_key", "choice_index", "message"),
    [
        ("wheeze", 0, services.NOT_CURRENT_NODE),  # a node not current (back button, forged)
        ("itching", 7, services.UNKNOWN_CHOICE),  # a choice the node does not have
        ("itching", None, services.NOT_LATE),  # a timeout claimed before time is up
    ],
)
def test_off_graph_decisions_are_rejected_and_change_nothing(
    scenario, staff, now, node_key, choice_index, message
):
    run = start_run(staff=staff, page=scenario, now=now)
    with pytest.raises(DrillRejected) as caught:
        decide(
            staff=staff,
            page=scenario,
            node_key=node_key,
            choice_index=choice_index,
            now=now + timedelta(seconds=5),
        )
    assert caught.value.message == message
    run.refresh_from_db()
    assert (run.current_node, run.current_shown_at, run.score, run.steps) == (
        "itching",
        now,
        0,
        0,
    )
    assert not DrillDecision.objects.exists()


def test_decision_without_an_open_run_is_rejected(scenario, staff, now):
    with pytest.raises(DrillRejected, match=services.NO_OPEN_RUN):
        decide(staff=staff, page=scenario, node_key="itching", choice_index=0, now=now)


@pytest.mark.parametrize("sent", [0, 1, 9, None])
def test_late_decision_follows_the_timeout_whatever_was_sent(scenario, staff, now, sent):
    start_run(staff=staff, page=scenario, now=now)
    late = now + timedelta(seconds=60) + services.timer_grace() + timedelta(seconds=1)
    result = decide(staff=staff, page=scenario, node_key="itching", choice_index=sent, now=late)
    assert result.run.current_node == "collapse"
    decision = result.decision
    assert decision.timed_out and decision.choice_index is None
    assert (decision.points, decision.critical) == (0, False)


def test_answer_within_the_grace_still_counts(scenario, staff, now):
    start_run(staff=staff, page=scenario, now=now)
    just = now + timedelta(seconds=60) + services.timer_grace()
    result = decide(staff=staff, page=scenario, node_key="itching", choice_index=0, now=just)
    assert result.run.current_node == "wheeze"


def test_reaching_an_end_finishes_with_score_outcome_and_audit(scenario, staff, now):
    start_run(staff=staff, page=scenario, now=now)
    for step, (key, index) in enumerate([("itching", 0), ("wheeze", 0), ("ems", 0)], start=1):
        result = decide(
            staff=staff,
            page=scenario,
            node_key=key,
            choice_index=index,
            now=now + timedelta(seconds=10 * step),
        )
    run = result.run
    assert run.finished_at == now + timedelta(seconds=30)
    assert (run.outcome, run.score, run.all_critical_hit) == ("good", 25, True)
    entry = AuditEntry.objects.get(staff=staff, action="drill.run_finished")
    assert entry.data["critical_missed"] == []
    with pytest.raises(DrillRejected, match=services.NO_OPEN_RUN):
        decide(staff=staff, page=scenario, node_key="recovered", choice_index=0, now=now)


def test_a_missed_critical_action_is_recorded(scenario, staff, now):
    start_run(staff=staff, page=scenario, now=now)
    decide(staff=staff, page=scenario, node_key="itching", choice_index=0, now=now)
    decide(staff=staff, page=scenario, node_key="wheeze", choice_index=0, now=now)
    result = decide(staff=staff, page=scenario, node_key="ems", choice_index=1, now=now)
    assert (result.run.outcome, result.run.all_critical_hit) == ("partial", False)


def test_run_keeps_its_revision_when_the_page_is_republished(scenario, staff, now):
    start_run(staff=staff, page=scenario, now=now)
    changed = anaphylaxis_graph()
    changed[0]["value"]["choices"][0]["next"] = "collapse"
    scenario.graph = changed
    scenario.save_revision().publish()
    scenario.refresh_from_db()
    result = decide(staff=staff, page=scenario, node_key="itching", choice_index=0, now=now)
    assert result.run.revision_id != scenario.live_revision_id
    assert result.run.current_node == "wheeze"
