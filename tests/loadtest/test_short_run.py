"""A few seconds of the load test against a live server: the locustfile's flow gets through
without an error, and the database check finds every answer and decision it sent."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from organisation.synthetic import create_synthetic_staff
from readyroom.loadcheck import check_ledger, read_ledger
from training.models import AttemptAnswer

LOCUSTFILE = Path(__file__).resolve().parents[2] / "loadtest" / "locustfile.py"
STEPS_THAT_WRITE = ("05 quiz start", "07 save answers", "08 submit", "13 drill decide")


@pytest.fixture
def plain_http(settings):
    # locust speaks plain HTTP to the live server, as `make loadtest` makes production do.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False


def run_locust(url: str, tmp_path: Path, *, staff: int, seconds: int) -> Path:
    ledger = tmp_path / "ledger.jsonl"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "locust",
            "-f",
            str(LOCUSTFILE),
            "--headless",
            "--only-summary",
            "--host",
            url,
            "--users",
            str(staff),
            "--spawn-rate",
            str(staff),
            "--run-time",
            f"{seconds}s",
            "--csv",
            str(tmp_path / "locust"),
        ],
        env={
            **os.environ,
            "LOADTEST_LEDGER": str(ledger),
            "LOADTEST_STAFF": str(staff),
            "LOADTEST_THINK_MIN": "0.02",
            "LOADTEST_THINK_MAX": "0.05",
        },
        check=True,
        capture_output=True,
        timeout=60,
    )
    return ledger


def test_a_short_run_gets_through_the_flow_and_loses_nothing(
    live_server, flow_content, plain_http, tmp_path
):
    # The live server shares one SQLite connection between its threads, so there one person
    # at a time; PostgreSQL takes three at once.
    people = 3 if connection.vendor == "postgresql" else 1
    create_synthetic_staff(count=people)

    ledger = run_locust(live_server.url, tmp_path, staff=people, seconds=6)

    with open(tmp_path / "locust_stats.csv", newline="") as handle:
        stats = {row["Name"]: row for row in csv.DictReader(handle)}
    assert stats["Aggregated"]["Failure Count"] == "0"
    for step in STEPS_THAT_WRITE:
        assert int(stats[step]["Request Count"]) > 0, step
    entries = read_ledger(ledger.read_text().splitlines())
    result = check_ledger(entries)
    assert result.lost == []
    assert result.answers > 0 and result.decisions > 0

    # The check is not a formality: an answer gone from the database is reported lost.
    sent = next(e for e in entries if e["t"] == "answers")
    AttemptAnswer.objects.filter(attempt_id=sent["attempt"]).first().delete()
    assert len(check_ledger(entries).lost) == 1
