"""`make serve`'s last step: gunicorn and the django-q2 worker side by side, stopped together
(readyroom/supervise.py says how). `make serve` migrates and collects the static files first."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from readyroom.supervise import run_side_by_side

DEBUG_REFUSED = (
    "serve runs the production server and refuses DEBUG: unset it (`make run` is the local "
    "server with DEBUG on)."
)


class Command(BaseCommand):
    help = (
        "Run the production web server (gunicorn, configured by gunicorn.conf.py and the WEB_* "
        "variables) and the background worker (qcluster) side by side. Ctrl-C or SIGTERM stops "
        "both; if either exits by itself the other is stopped and the command fails."
    )
    # The children run the checks; the launcher itself needs no URLs and no database.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace",
            type=float,
            default=40.0,
            help=(
                "Seconds to wait for a clean stop before killing what is left (default 40: "
                "gunicorn's 30 s for requests in flight, and then some)."
            ),
        )

    def handle(self, *args, grace: float, **options):
        if settings.DEBUG:
            raise CommandError(DEBUG_REFUSED)
        root = Path(settings.BASE_DIR)
        # gunicorn runs as the README types it, from the repository root, where it reads
        # gunicorn.conf.py (path, bind address, workers).
        run_side_by_side(
            commands={
                "worker": [sys.executable, str(root / "manage.py"), "qcluster"],
                "web server": [sys.executable, "-m", "gunicorn", "readyroom.wsgi"],
            },
            grace=grace,
            stdout=self.stdout,
            cwd=root,
        )
