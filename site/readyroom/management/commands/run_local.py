"""`make run`'s last step: the site and the django-q2 worker side by side, stopped together.

Each child runs in its own process group, so a signal meant for the launcher (Ctrl-C in the
terminal, SIGTERM to `make`'s group) reaches only the launcher, which then stops the children
in the order each one handles well:

- qcluster gets SIGTERM on its main process only. Signalling its whole group kills the
  sentinel (SIGTERM is left at its default there) while it waits on the stop event, and the
  main process's handler then blocks for ever in `stop_event.set()` waiting for that dead
  sleeper to wake: the hang measured in issue 11. Signalled alone, the main process stops
  the sentinel, pusher, workers and monitor in turn, in about 1.5 s when idle.
- runserver gets SIGTERM and exits at once.

Whatever is left of either group after the grace period (a worker mid-task) is killed with
SIGKILL. The launcher also stops when either child exits by itself, and then exits non-zero.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

POLL_SECONDS = 0.1


def _group_alive(pgid: int) -> bool:
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


class Command(BaseCommand):
    help = (
        "Run the site (runserver) and the background worker (qcluster) side by side for local "
        "use. Ctrl-C or SIGTERM stops both within the grace period; if either exits by itself "
        "the other is stopped and the command fails."
    )
    # The children run the checks; the launcher itself needs no URLs and no database.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport", nargs="?", default="127.0.0.1:8000", help="Where runserver listens."
        )
        parser.add_argument(
            "--grace",
            type=float,
            default=6.0,
            help="Seconds to wait for a clean stop before killing what is left (default 6).",
        )

    def handle(self, *args, addrport: str, grace: float, **options):
        received: list[int] = []

        def record(signum, frame):
            # Only record: the loop below does the work, outside signal context.
            received.append(signum)

        signal.signal(signal.SIGINT, record)
        signal.signal(signal.SIGTERM, record)

        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        commands = {
            "worker": [*manage, "qcluster"],
            "site": [*manage, "runserver", "--noreload", addrport],
        }
        children: dict[str, subprocess.Popen] = {}
        try:
            for name, command in commands.items():
                children[name] = subprocess.Popen(
                    command, stdin=subprocess.DEVNULL, process_group=0
                )
            while not received and all(child.poll() is None for child in children.values()):
                time.sleep(POLL_SECONDS)
        finally:
            exited = {
                name: child.returncode
                for name, child in children.items()
                if child.poll() is not None
            }
            killed = self._stop(children, grace=grace)

        if exited and not received:
            summary = ", ".join(f"the {name} exited with {code}" for name, code in exited.items())
            raise CommandError(f"Stopped because {summary}.", returncode=1)
        if killed:
            raise CommandError(
                f"Killed the {' and the '.join(killed)} after {grace:g} s.", returncode=1
            )

    def _stop(self, children: dict[str, subprocess.Popen], *, grace: float) -> list[str]:
        """Ask every child to stop, wait up to `grace` seconds for each whole process group to
        be gone, then SIGKILL what is left. Returns the names of the children that were killed."""
        started = time.monotonic()
        for child in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)  # the leader only: see the module docstring
        self.stdout.write(f"Stopping the {' and the '.join(children)}...")
        deadline = started + grace
        while time.monotonic() < deadline:
            for child in children.values():
                child.poll()
            if not any(_group_alive(child.pid) for child in children.values()):
                break
            time.sleep(POLL_SECONDS)
        killed = []
        for name, child in children.items():
            if _group_alive(child.pid):
                killed.append(name)
                try:
                    os.killpg(child.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            child.wait()
        self.stdout.write(f"Stopped in {time.monotonic() - started:.1f} s.")
        return killed
