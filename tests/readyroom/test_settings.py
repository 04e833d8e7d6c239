import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_settings(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import readyroom.settings as s; print(s.DATABASES['default']['ENGINE'])",
        ],
        cwd=ROOT,
        env={**clean, "PYTHONPATH": str(ROOT / "site"), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_secret_key_is_required_when_debug_is_off():
    result = load_settings(DEBUG="0")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_runs_without_a_secret_key_on_sqlite(tmp_path):
    result = load_settings(DEBUG="1", READYROOM_VAR_DIR=str(tmp_path), DATABASE_URL="")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_database_url_selects_postgresql():
    result = load_settings(SECRET_KEY="x", DATABASE_URL="postgres://u@127.0.0.1:5432/db")
    assert result.stdout.strip() == "django.db.backends.postgresql", result.stderr
