"""Production settings (DEBUG off) pass `manage.py check --deploy`, and HTTPS is on by default."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **env) -> dict[str, str]:
    """The environment a production host sets: no DEBUG, a long random key, its host name."""
    clean = {
        key: value
        for key, value in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE is the browser tests' (set in this process for the live
        # server); a production host does not set it, and check --deploy warns when it is set.
        if key
        not in {"DEBUG", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
        and not key.startswith("SECURE_")
    }
    return {
        **clean,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "readyroom.clinic.example",
        "READYROOM_VAR_DIR": str(tmp_path),
        **env,
    }


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def read_settings(env: dict[str, str], *names: str) -> list[str]:
    code = "import readyroom.settings as s; " + "; ".join(
        f"print(repr(getattr(s, {name!r}, None)))" for name in names
    )
    result = run(["-c", code], {**env, "PYTHONPATH": str(ROOT / "site")})
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(tmp_path)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNING" not in result.stderr and "ERROR" not in result.stderr


def test_check_deploy_is_clean_with_hsts_preload_opted_in(tmp_path):
    env = production_env(tmp_path, SECURE_HSTS_PRELOAD="1")
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_https_is_on_by_default_when_debug_is_off(tmp_path):
    assert read_settings(
        production_env(tmp_path),
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
    ) == ["True", "31536000", "True", "False", "True", "None"]


def test_local_development_stays_on_plain_http(tmp_path):
    env = production_env(tmp_path, DEBUG="1")
    assert read_settings(env, "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS") == ["False", "0"]


def test_behind_a_proxy_the_scheme_header_is_configurable(tmp_path):
    env = production_env(tmp_path, SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https")
    assert read_settings(env, "SECURE_PROXY_SSL_HEADER") == ["('HTTP_X_FORWARDED_PROTO', 'https')"]
