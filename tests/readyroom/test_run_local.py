"""`manage.py run_local` (what `make run` ends with): the site and the worker start, and a
signal to the launcher stops the launcher and every process under it within 10 s."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STOP_DEADLINE = 10.0

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc"
)


def _stat(pid: int) -> tuple[str, int, str] | None:
    """(state, ppid, start time) of a process, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[1]), fields[19]


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _tree(root: int) -> dict[int, tuple[int, str]]:
    """Every live process under `root`: pid -> (ppid, start time)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) and stat[0] != "Z":
            parents[int(entry.name)] = (stat[1], stat[2])
    found, frontier = {}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, (ppid, started) in parents.items():
            if ppid == parent and pid not in found:
                found[pid] = (ppid, started)
                frontier.append(pid)
    return found


def _alive(pid: int, started: str) -> bool:
    """Whether that very process (not a zombie, not a later one with its pid) still runs."""
    stat = _stat(pid)
    return stat is not None and stat[0] != "Z" and stat[2] == started


def _worker_started(tree: dict[int, tuple[int, str]]) -> bool:
    """qcluster's main process, its sentinel and the sentinel's children (workers, pusher,
    monitor) all exist: three generations of qcluster processes."""
    qcluster = {pid for pid in tree if "qcluster" in _cmdline(pid)}
    return any(tree[pid][0] in qcluster and tree[tree[pid][0]][0] in qcluster for pid in qcluster)


def _site_answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=1).close()
    except urllib.error.HTTPError:
        return True  # any HTTP answer will do
    except OSError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def local_env(tmp_path_factory):
    """Environment for the launcher: DEBUG settings on a throwaway SQLite file that has the
    worker's queue tables (and auth, which post_migrate handlers need). The site's pages are
    not needed: the login page touches no table."""
    folder = tmp_path_factory.mktemp("run_local")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"REDIS_URL", "Q_SYNC", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DEBUG="1",
        DJANGO_SETTINGS_MODULE="readyroom.settings",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        READYROOM_VAR_DIR=str(folder / "var"),
        PYTHONUNBUFFERED="1",
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.core.management import call_command as c;"
            "c('migrate', 'auth', verbosity=0); c('migrate', 'django_q', verbosity=0)",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    return env


@pytest.fixture
def launched(local_env, tmp_path):
    """The launcher, running, with the site answering and the worker started. Yields
    (launcher, its process tree, the log file); whatever survives the test is killed."""
    port = _free_port()
    log = tmp_path / "run_local.log"
    with log.open("wb") as out:
        launcher = subprocess.Popen(
            [sys.executable, "manage.py", "run_local", f"127.0.0.1:{port}", "--grace", "6"],
            cwd=ROOT,
            env=local_env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    tree = {}
    try:
        deadline = time.monotonic() + 30
        while True:
            assert launcher.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "did not start in 30 s:\n" + log.read_text()
            tree = _tree(launcher.pid)
            if _worker_started(tree) and _site_answers(f"http://127.0.0.1:{port}/accounts/login/"):
                break
            time.sleep(0.2)
        yield launcher, _tree(launcher.pid), log
    finally:
        for pid, (_, started) in {**tree, **_tree(launcher.pid)}.items():
            if _alive(pid, started):
                os.kill(pid, signal.SIGKILL)
        if launcher.poll() is None:
            launcher.kill()
        launcher.wait()


def _wait_until_gone(launcher, tree, *, since: float) -> list[str]:
    """Wait (until STOP_DEADLINE after `since`) for the launcher and every process of `tree`
    to be gone; returns the command lines of those still running."""
    while True:
        left = [pid for pid, (_, started) in tree.items() if _alive(pid, started)]
        if launcher.poll() is not None and not left:
            return []
        if time.monotonic() - since > STOP_DEADLINE:
            return [f"{pid} {_cmdline(pid)}" for pid in left] + (
                ["the launcher"] if launcher.poll() is None else []
            )
        time.sleep(0.1)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_site_and_the_worker_within_10_seconds(launched, signum):
    launcher, tree, log = launched
    assert len(tree) >= 6  # runserver, qcluster, sentinel, worker, monitor, pusher

    sent = time.monotonic()
    launcher.send_signal(signum)
    left = _wait_until_gone(launcher, tree, since=sent)

    assert left == [], log.read_text()
    assert time.monotonic() - sent < STOP_DEADLINE
    # 0: both stopped on their own, nothing had to be killed.
    assert launcher.returncode == 0, log.read_text()


def test_the_site_dying_stops_the_worker_and_fails(launched):
    launcher, tree, log = launched
    site = next(pid for pid in tree if "runserver" in _cmdline(pid))

    died = time.monotonic()
    os.kill(site, signal.SIGKILL)
    left = _wait_until_gone(launcher, tree, since=died)

    assert left == [], log.read_text()
    assert launcher.returncode == 1
    assert "the site exited with -9" in log.read_text()
