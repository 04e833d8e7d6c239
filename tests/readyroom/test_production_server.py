"""The production server as `make serve` runs it: the release steps (migrate, collectstatic),
then `manage.py serve` (gunicorn from the repository root through gunicorn.conf.py, and the
django-q2 worker) with DEBUG off, on a free port, a database of its own and a temp var dir.
A page and a hashed, compressed static file come back, and SIGTERM stops everything."""

import gzip
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import brotli
import pytest

from tests.scratch_database import scratch_database_url

ROOT = Path(__file__).resolve().parents[2]
START_DEADLINE = 60.0
# serve's grace (40 s) covers gunicorn's 30 s for requests in flight; idle, it takes seconds.
STOP_DEADLINE = 45.0
A_YEAR = 365 * 24 * 3600
HASHED_CSS = re.compile(r"/static/readyroom/css/site\.[0-9a-f]{12}\.css")

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc"
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(base: str, path: str, **headers: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    """One GET on a new connection; redirects are returned, not followed."""
    url = urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=20)
    try:
        connection.request(
            "GET", path, headers={k.replace("_", "-"): v for k, v in headers.items()}
        )
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def _through_tls_proxy(base: str, path: str, **headers: str):
    # What a proxy that ends TLS adds (SECURE_PROXY_SSL_HEADER below).
    return _fetch(base, path, X_Forwarded_Proto="https", **headers)


def _session_processes(session: int) -> dict[int, str]:
    """Every live process of the session `session` (the server and all it started): pid ->
    command line."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z" and os.getsid(int(entry.name)) == session:
                found[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
        except (OSError, IndexError):
            continue
    return {pid: cmdline.decode(errors="replace") for pid, cmdline in found.items()}


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    """The production environment, after the release steps: (environment, base URL)."""
    folder = tmp_path_factory.mktemp("production")
    with scratch_database_url(name="prodserver", folder=folder) as database_url:
        port = _free_port()
        env = {
            key: value
            for key, value in os.environ.items()
            if key
            not in {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL"}
            and not key.startswith(("SECURE_", "WEB_", "Q_"))
        }
        env.update(
            SECRET_KEY=secrets.token_urlsafe(50),
            READYROOM_IGNORE_DOTENV="1",
            READYROOM_VAR_DIR=str(folder / "var"),
            DATABASE_URL=database_url,
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_PROXY_SSL_HEADER="HTTP_X_FORWARDED_PROTO,https",
            WEB_BIND=f"127.0.0.1:{port}",
            WEB_WORKERS="2",
            PYTHONUNBUFFERED="1",
        )
        # The two release steps touch different things, so they run side by side here.
        steps = [
            subprocess.Popen(
                [sys.executable, "manage.py", step, "--noinput", "-v0"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            for step in ("migrate", "collectstatic")
        ]
        for step in steps:
            output, _ = step.communicate(timeout=300)
            assert step.returncode == 0, output.decode()
        yield env, f"http://127.0.0.1:{port}"


@pytest.fixture
def server(released, tmp_path):
    """`manage.py serve`, answering, with its worker started. Yields (process, environment,
    base URL, log file); whatever is left of it afterwards is killed."""
    env, base = released
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "serve"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + START_DEADLINE
        while True:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "not up in time:\n" + log.read_text()
            workers = [c for c in _session_processes(process.pid).values() if "qcluster" in c]
            try:
                answered = _through_tls_proxy(base, "/accounts/login/")[0] == 200
            except OSError:
                answered = False
            # qcluster's main process, sentinel, worker, monitor and pusher
            if answered and len(workers) >= 5:
                break
            time.sleep(0.3)
        yield process, env, base, log
    finally:
        for pid in _session_processes(process.pid):
            os.kill(pid, signal.SIGKILL)
        process.wait()


def test_serves_pages_and_hashed_compressed_static_files_then_stops_on_sigterm(server):
    process, env, base, log = server

    status, headers, body = _through_tls_proxy(base, "/accounts/login/")
    assert status == 200
    # Hashed names come from the manifest storage, which the settings pick with DEBUG off.
    stylesheet = HASHED_CSS.search(body.decode()).group()
    collected = (Path(env["READYROOM_VAR_DIR"]) / stylesheet.removeprefix("/")).read_bytes()
    # Plain HTTP, not through the proxy, is sent to HTTPS: production's redirect is on.
    status, headers, _ = _fetch(base, "/accounts/login/")
    assert status == 301
    assert headers["Location"] == base.replace("http://", "https://") + "/accounts/login/"

    for encoding, decompress in (("br", brotli.decompress), ("gzip", gzip.decompress)):
        status, headers, body = _through_tls_proxy(base, stylesheet, Accept_Encoding=encoding)
        assert status == 200
        assert headers["Content-Encoding"] == encoding
        assert decompress(body) == collected
        cache_control = headers["Cache-Control"]
        assert "immutable" in cache_control
        assert int(re.search(r"max-age=(\d+)", cache_control).group(1)) >= A_YEAR

    session = _session_processes(process.pid)
    assert any("gunicorn readyroom.wsgi" in command for command in session.values())
    sent = time.monotonic()
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=STOP_DEADLINE)
    while _session_processes(process.pid) and time.monotonic() - sent < STOP_DEADLINE:
        time.sleep(0.1)

    assert _session_processes(process.pid) == {}
    # 0: gunicorn and the worker both stopped by themselves; nothing had to be killed.
    assert process.returncode == 0, log.read_text()
