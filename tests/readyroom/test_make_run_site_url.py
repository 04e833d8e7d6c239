"""`make run` gives the site's links the address it runs on: SITE_URL follows HOST and PORT
(`make run PORT=8123` mails links to :8123), unless the environment sets SITE_URL itself.

make runs for real, with PY standing in for the virtualenv's Python: a script that writes down
the SITE_URL each step of the recipe (migrate, seed_demo, run_local) ran with."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def _make_run(tmp_path: Path, *args: str, env_site_url: str | None = None) -> list[str]:
    log = tmp_path / "steps.log"
    stand_in = tmp_path / "python"
    stand_in.write_text(f'#!/bin/sh\necho "$SITE_URL $*" >> "{log}"\n')
    stand_in.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "MAKEFLAGS", "MFLAGS"}}
    if env_site_url:
        env["SITE_URL"] = env_site_url
    subprocess.run(
        # -o: the virtualenv counts as installed, so nothing is built or installed.
        [
            "make",
            "--no-print-directory",
            "-o",
            ".venv/.installed-run",
            "run",
            f"PY={stand_in}",
            *args,
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    return log.read_text().splitlines()


def test_make_run_on_another_port_links_to_that_port(tmp_path):
    steps = _make_run(tmp_path, "PORT=8123")
    assert steps[-1] == "http://127.0.0.1:8123 manage.py run_local 127.0.0.1:8123"
    # Every step, seed_demo's included, sees the same address.
    assert len(steps) == 3 and all(s.startswith("http://127.0.0.1:8123 ") for s in steps)


def test_make_run_follows_the_host_too(tmp_path):
    steps = _make_run(tmp_path, "HOST=localhost", "PORT=8200")
    assert steps[-1] == "http://localhost:8200 manage.py run_local localhost:8200"


def test_a_site_url_from_the_environment_wins(tmp_path):
    steps = _make_run(tmp_path, "PORT=8123", env_site_url="https://readyroom.clinic.example")
    assert steps[-1] == "https://readyroom.clinic.example manage.py run_local 127.0.0.1:8123"
