"""loadtest_check's decision rules on real runs: choices, timeouts, and what counts as lost."""

import datetime

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from drills.services import decide, start_run
from readyroom.loadcheck import EMPTY_LEDGER, check_ledger
from tests.factories import StaffProfileFactory
from tests.factories.drills import DrillIndexPageFactory, DrillScenarioPageFactory


@pytest.fixture
def played(home_page, now):
    """sam chose at the first step in time and let the second step's 45 s timer run out."""
    scenario = DrillScenarioPageFactory(
        parent=DrillIndexPageFactory(parent=home_page), slug="anaphylaxis"
    )
    sam = StaffProfileFactory(user__username="sam")
    start_run(staff=sam, page=scenario, now=now)
    decide(staff=sam, page=scenario, node_key="itching", choice_index=0, now=now)
    late = now + datetime.timedelta(seconds=90)
    decide(staff=sam, page=scenario, node_key="wheeze", choice_index=None, now=late)
    return sam


def decision(step, node, choice):
    return {"t": "decision", "user": "sam", "scenario": "anaphylaxis", "step": step,
            "node": node, "choice": choice}  # fmt: skip


def test_a_choice_and_a_timeout_sent_are_found(played):
    result = check_ledger([decision(1, "itching", 0), decision(2, "wheeze", None)])

    assert (result.decisions, result.late, result.lost) == (2, 0, [])


def test_a_choice_that_arrived_after_the_timer_counts_as_late_not_lost(played):
    result = check_ledger([decision(1, "itching", 0), decision(2, "wheeze", 0)])

    assert (result.late, result.lost) == (1, [])


def test_a_decision_the_database_lacks_is_lost(played):
    result = check_ledger(
        [decision(1, "itching", 1), decision(2, "wheeze", None), decision(3, "ems", 0)]
    )

    assert result.lost == [
        "drill anaphylaxis of sam, step 1 at itching: choice 1 not stored",
        "drill anaphylaxis of sam, step 3 at ems: choice 0 not stored",
    ]


def test_the_command_refuses_an_empty_ledger(db, tmp_path):
    ledger = tmp_path / "ledger.jsonl"
    ledger.write_text("")

    with pytest.raises(CommandError, match=EMPTY_LEDGER):
        call_command("loadtest_check", str(ledger))
