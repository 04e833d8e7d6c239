import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from readyroom.screenshots import WIDTHS, capture, main_pages

NOT_SCRATCH = (
    "The database already has tables: screenshots load the demo clinic into a new, empty "
    "database. Run `make screenshots`, which gives it a throwaway one in a temporary folder."
)
SERVER_WAIT_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_WAIT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise CommandError(f"The site stopped before answering (exit {server.returncode}).")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise CommandError(f"The site did not answer at {url} within {SERVER_WAIT_SECONDS} s.")


class Command(BaseCommand):
    help = (
        "Full-page PNG screenshots of the main pages, at 390 and 1280 px wide, of the demo "
        "clinic on a new, empty database: migrates, seeds the demo, starts the site on a free "
        "port, logs in as staff and as manager and photographs each page. `make screenshots` "
        "runs it on a throwaway SQLite database in a temporary folder."
    )
    # It migrates a new database itself; the checks run in the site it starts.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--out",
            type=Path,
            default=Path(settings.BASE_DIR) / "var" / "screenshots",
            help="Folder for the PNG files, one subfolder per width (default var/screenshots).",
        )
        parser.add_argument(
            "--chromium",
            default=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            help="The Chromium to drive (default /usr/bin/chromium, or $CHROMIUM).",
        )

    def handle(self, *args, out: Path, chromium: str, **options):
        if connection.introspection.table_names():
            raise CommandError(NOT_SCRATCH)
        if not Path(chromium).exists():
            raise CommandError(f"No Chromium at {chromium}; give one with --chromium.")
        self.stdout.write("[1/4] Migrating the new database...")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("[2/4] Loading the demo clinic...")
        call_command("seed_demo", stdout=StringIO())
        shots = main_pages()
        connection.close()

        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        self.stdout.write(f"[3/4] Starting the site on {base_url}...")
        manage = Path(settings.BASE_DIR) / "manage.py"
        # runserver logs every request to stderr: a file, since a pipe nobody reads fills up.
        log = tempfile.TemporaryFile(mode="w+")
        server = subprocess.Popen(
            [sys.executable, str(manage), "runserver", "--noreload", f"127.0.0.1:{port}"],
            env={**os.environ, "SITE_URL": base_url},
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            _wait_until_up(f"{base_url}/accounts/login/", server)
            count = len(shots) * len(WIDTHS)
            self.stdout.write(f"[4/4] Taking {count} screenshots into {out}/:")
            for stale in out.glob("*/*.png"):
                stale.unlink()
            capture(
                base_url=base_url,
                shots=shots,
                out_dir=out,
                chromium=chromium,
                progress=lambda path: self.stdout.write(f"  {path}"),
            )
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.seek(0)
            errors = log.read()
            log.close()
        if "Traceback" in errors:
            self.stderr.write(errors)
            raise CommandError("The site raised errors while the screenshots were taken (above).")
        self.stdout.write(self.style.SUCCESS(f"{count} screenshots in {out}/."))
