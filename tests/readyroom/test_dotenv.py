"""The .env that `make run` writes: read by settings, beaten by the real environment, and
skipped when production (or the test suite) says so."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = "from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY)"


def _settings(env_file: Path, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "READYROOM_IGNORE_DOTENV", "DJANGO_SETTINGS_MODULE"}
    }
    code = f"import django; django.setup(); {SHOW}"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **clean,
            "PYTHONPATH": str(ROOT / "site"),
            "DJANGO_SETTINGS_MODULE": "readyroom.settings",
            "READYROOM_DOTENV": str(env_file),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_settings_read_the_local_env_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("# Written by make run\nDEBUG=1\nSECRET_KEY=from-the-file\n")
    result = _settings(env_file)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "from-the-file"]


def test_the_real_environment_wins_over_the_file(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=1\nSECRET_KEY=from-the-file\n")
    result = _settings(env_file, SECRET_KEY="from-the-environment")
    assert result.stdout.split() == ["True", "from-the-environment"]


def test_production_ignores_the_file_when_told_to(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DEBUG=1\nSECRET_KEY=from-the-file\n")
    result = _settings(env_file, READYROOM_IGNORE_DOTENV="1")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
