"""The in-process profile (loadtest/profile_flow.py) goes through the load test's whole flow and
reports every step with its CPU time and queries."""

import importlib
from pathlib import Path

import pytest

from organisation.synthetic import create_synthetic_staff
from training.models import AttemptAnswer, QuizAttempt

LOADTEST = Path(__file__).resolve().parents[2] / "loadtest"
STEPS = (
    "01 login page",
    "02 log in",
    "03 home",
    "04 module",
    "05 quiz start",
    "06 quiz",
    "07 save answers",
    "08 submit",
    "09 result",
    "10 drill",
    "11 drill start",
    "12 drill step",
    "13 drill decide",
    "14 debrief",
    "15 log out",
)


@pytest.fixture
def profile_flow(monkeypatch):
    # The script imports its neighbour flowpages.py as python runs it: from its own folder.
    monkeypatch.syspath_prepend(str(LOADTEST))
    return importlib.import_module("profile_flow")


@pytest.fixture
def plain_http(settings):
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def test_the_flow_reports_every_step_and_stores_what_it_sent(
    profile_flow, flow_content, plain_http, capsys
):
    create_synthetic_staff(count=3)
    meter = profile_flow.run_flow(
        users=2, warmup=1, seed=1, profile_steps={"06 quiz"}, sql_steps={"06 quiz"}
    )

    steps = {name: step.figures() for name, step in meter.steps.items()}
    assert set(steps) == set(STEPS)
    assert all(steps[name]["requests"] >= 2 for name in STEPS)
    assert steps["06 quiz"]["queries"] == len(meter.statements["06 quiz"])
    assert steps["01 login page"]["queries"] == 0 < steps["03 home"]["queries"]
    # Three people took the quiz (the warm-up one too) and each submitted every answer.
    attempts = QuizAttempt.objects.filter(staff__user__username__startswith="loadtest-")
    assert attempts.count() == 3 and not attempts.filter(submitted_at=None).exists()
    assert AttemptAnswer.objects.filter(attempt__in=attempts).count() == 3 * 4

    summary = profile_flow.summary(steps, users=2)
    assert summary["requests"] == sum(row["requests"] for row in steps.values())
    assert "06 quiz" in profile_flow.table(steps, steps)
    profile_flow.print_profile(meter, top=5)
    assert "cProfile of 06 quiz, by tottime" in capsys.readouterr().out
