"""What production settings pick from the environment: with REDIS_URL, Redis holds the cache
and the sessions and is django-q2's broker, and the page tree's facts are kept (content.
page_tree); without it, the database does both and nothing is kept. And `serve`,
the production launcher, refuses to run with DEBUG on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from readyroom.management.commands.serve import DEBUG_REFUSED

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import json, readyroom.settings as s; print(json.dumps({"
    "'broker': sorted(k for k in ('redis', 'orm') if k in s.Q_CLUSTER), "
    "'redis': s.Q_CLUSTER.get('redis'), "
    "'sessions': getattr(s, 'SESSION_ENGINE', 'django.contrib.sessions.backends.db'), "
    "'cache': s.CACHES['default']['BACKEND'] if hasattr(s, 'CACHES') else None, "
    "'health_checks': s.DATABASES['default'].get('CONN_HEALTH_CHECKS'), "
    "'page_tree_cache': s.READYROOM_PAGE_TREE_CACHE, "
    "'static': s.STORAGES['staticfiles']['BACKEND']}))"
)


def production_settings(tmp_path, **env) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "REDIS_URL", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env={
            **clean,
            "PYTHONPATH": str(ROOT / "site"),
            "SECRET_KEY": "production-settings-test",
            "READYROOM_VAR_DIR": str(tmp_path),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_with_redis_the_cache_sessions_and_broker_use_it(tmp_path):
    url = "redis://127.0.0.1:6379/7"
    found = production_settings(
        tmp_path, REDIS_URL=url, DATABASE_URL="postgres://u@127.0.0.1:5432/db"
    )
    assert found == {
        "broker": ["redis"],
        "redis": url,
        "sessions": "django.contrib.sessions.backends.cached_db",
        "cache": "readyroom.cache.RedisCache",
        "health_checks": True,
        "page_tree_cache": True,
        "static": "readyroom.staticfiles.CompressedManifestStorage",
    }


def test_without_redis_the_database_holds_sessions_and_jobs(tmp_path):
    found = production_settings(tmp_path)
    assert (found["broker"], found["sessions"], found["cache"], found["page_tree_cache"]) == (
        ["orm"],
        "django.contrib.sessions.backends.db",
        None,
        # Each process's own memory cache would not tell the others of a change.
        False,
    )


def test_local_settings_keep_plain_static_files(tmp_path):
    found = production_settings(tmp_path, DEBUG="1")
    assert found["static"] == "django.contrib.staticfiles.storage.StaticFilesStorage"


def test_serve_refuses_debug(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError) as refused:
        call_command("serve")
    assert str(refused.value) == DEBUG_REFUSED
