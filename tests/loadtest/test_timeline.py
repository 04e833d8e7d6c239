"""`make loadtest`'s timeline: one line per 30 s of locust's history, with the load average
nearest in time, so the arrival of users and the steady state read apart."""

import importlib
from pathlib import Path

import pytest

LOADTEST = Path(__file__).resolve().parents[2] / "loadtest"
HEADER = "Timestamp,User Count,Type,Name,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%\n"


@pytest.fixture
def run(monkeypatch):
    monkeypatch.syspath_prepend(str(LOADTEST))
    return importlib.import_module("run")


def test_a_line_every_30_seconds_with_the_load_nearest_in_time(run, tmp_path, capsys):
    lines = [HEADER]
    for second in range(0, 95, 5):
        users = min(600, second * 10)
        # One step's row between the aggregated ones: left out of the timeline.
        lines.append(f"{1000 + second},{users},GET,03 home,9.0,0,80,1,1,1,1,900\n")
        lines.append(
            f"{1000 + second},{users},,Aggregated,{second / 2},0,{second},1,1,1,1,{2 * second}\n"
        )
    (tmp_path / "locust_stats_history.csv").write_text("".join(lines))
    run.timeline(tmp_path / "locust", loads=[(0.0, 0.5), (31.0, 2.5), (58.0, 3.0), (92.0, 1.5)])
    table = capsys.readouterr().out.strip().splitlines()
    assert table[0].split() == ["time", "users", "req/s", "p50", "ms", "p95", "ms", "load"]
    assert [line.split() for line in table[1:]] == [
        ["30s", "300", "15.0", "30", "60", "2.5"],
        ["60s", "600", "30.0", "60", "120", "3.0"],
        ["90s", "600", "45.0", "90", "180", "1.5"],
    ]
