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


def _manage_check(tmp_path, **env) -> subprocess.CompletedProcess:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "READYROOM_IGNORE_DOTENV", "DJANGO_SETTINGS_MODULE"}
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env={
            **clean,
            "READYROOM_DOTENV": str(tmp_path / ".env"),
            "READYROOM_VAR_DIR": str(tmp_path / "var"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_manage_py_on_a_fresh_clone_writes_the_local_env_and_works(tmp_path):
    result = _manage_check(tmp_path)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / ".env").read_text()
    assert "DEBUG=1" in written
    assert "SECRET_KEY=" in written
    assert (tmp_path / ".env").stat().st_mode & 0o077 == 0
    # The second run reads the same file and leaves it alone.
    assert _manage_check(tmp_path).returncode == 0
    assert (tmp_path / ".env").read_text() == written


def test_manage_py_writes_no_env_where_the_environment_configures_production(tmp_path):
    given_key = _manage_check(tmp_path, SECRET_KEY="from-the-environment", DEBUG="1")
    assert given_key.returncode == 0, given_key.stderr
    told_to_ignore = _manage_check(tmp_path, READYROOM_IGNORE_DOTENV="1")
    assert "SECRET_KEY must be set when DEBUG is off" in told_to_ignore.stderr
    assert not (tmp_path / ".env").exists()
