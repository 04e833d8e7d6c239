"""Run a few commands side by side and stop them together: `make run` (runserver and the
django-q2 worker, via run_local) and `make serve` (gunicorn and the worker, via serve).

Each child runs in its own process group, so a signal meant for the launcher (Ctrl-C in the
terminal, SIGTERM to `make`'s group, systemd stopping the unit) reaches only the launcher,
which then stops the children in the way each one handles well: SIGTERM to each child's
main process only.

- qcluster must be signalled on its main process only. Signalling its whole group kills the
  sentinel (SIGTERM is left at its default there) while it waits on the stop event, and the
  main process's handler then blocks for ever in `stop_event.set()` waiting for that dead
  sleeper to wake: the hang measured in issue 11. Signalled alone, the main process stops
  the sentinel, pusher, workers and monitor in turn, in about 1.5 s when idle.
- runserver exits at once; gunicorn's master lets requests in flight finish (up to its
  graceful timeout) and then stops its workers.

Whatever is left of any group after the grace period (a worker mid-task) is killed with
SIGKILL. The launcher also stops when any child exits by itself, and then fails.
"""

import os
import signal
import subprocess
import time
from pathlib import Path

from django.core.management.base import CommandError, OutputWrapper

POLL_SECONDS = 0.1


def group_alive(pgid: int) -> bool:
    """Whether any process other than a zombie is left in the process group `pgid`."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    proc = Path("/proc")
    if not proc.is_dir():  # not Linux: a zombie counts as alive, the deadline still holds
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            # "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after it.
            state, _ppid, pgrp = stat.read_text().rsplit(")", 1)[1].split()[:3]
        except (OSError, ValueError):
            continue
        if state != "Z" and int(pgrp) == pgid:
            return True
    return False


def run_side_by_side(
    *, commands: dict[str, list[str]], grace: float, stdout: OutputWrapper, cwd: Path
) -> None:
    """Start every command (name -> argv) in `cwd`, each in its own process group, and wait.

    Returns once SIGINT or SIGTERM stopped them all cleanly. Raises CommandError (exit 1)
    when a child exited by itself (the others are stopped first) or had to be killed after
    `grace` seconds."""
    received: list[int] = []

    def record(signum, frame):
        # Only record: the loop below does the work, outside signal context.
        received.append(signum)

    signal.signal(signal.SIGINT, record)
    signal.signal(signal.SIGTERM, record)

    children: dict[str, subprocess.Popen] = {}
    try:
        for name, command in commands.items():
            children[name] = subprocess.Popen(
                command, cwd=cwd, stdin=subprocess.DEVNULL, process_group=0
            )
        while not received and all(child.poll() is None for child in children.values()):
            time.sleep(POLL_SECONDS)
    finally:
        exited = {
            name: child.returncode for name, child in children.items() if child.poll() is not None
        }
        killed = _stop(children, grace=grace, stdout=stdout)

    if exited and not received:
        summary = ", ".join(f"the {name} exited with {code}" for name, code in exited.items())
        raise CommandError(f"Stopped because {summary}.", returncode=1)
    if killed:
        raise CommandError(
            f"Killed the {' and the '.join(killed)} after {grace:g} s.", returncode=1
        )


def _stop(
    children: dict[str, subprocess.Popen], *, grace: float, stdout: OutputWrapper
) -> list[str]:
    """Ask every child to stop, wait up to `grace` seconds for each whole process group to
    be gone, then SIGKILL what is left. Returns the names of the children that were killed."""
    started = time.monotonic()
    for child in children.values():
        if child.poll() is None:
            child.send_signal(signal.SIGTERM)  # the leader only: see the module docstring
    stdout.write(f"Stopping the {' and the '.join(children)}...")
    deadline = started + grace
    while time.monotonic() < deadline:
        for child in children.values():
            child.poll()
        if not any(group_alive(child.pid) for child in children.values()):
            break
        time.sleep(POLL_SECONDS)
    killed = []
    for name, child in children.items():
        if group_alive(child.pid):
            killed.append(name)
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        child.wait()
    stdout.write(f"Stopped in {time.monotonic() - started:.1f} s.")
    return killed
