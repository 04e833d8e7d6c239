"""`make run`'s last step: the site (runserver) and the django-q2 worker side by side, stopped
together (readyroom/supervise.py says how)."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from readyroom.supervise import run_side_by_side


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
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        run_side_by_side(
            commands={
                "worker": [*manage, "qcluster"],
                "site": [*manage, "runserver", "--noreload", addrport],
            },
            grace=grace,
            stdout=self.stdout,
            cwd=Path(settings.BASE_DIR),
        )
