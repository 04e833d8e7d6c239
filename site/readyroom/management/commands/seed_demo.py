import importlib
import importlib.util
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from content.demo import remove_demo_pages
from content.sources import SourceError, SourceErrors
from organisation.demo import DEMO_PASSWORD, LOGINS, remove_demo_organisation, seed_organisation
from organisation.models import StaffProfile
from readyroom.library import read_library, write_library

# Each domain app's demo module exposes seed(*, today, profiles, publisher) and reset().
# They run in this order, after the organisation and the clinical library they build on.
APP_DEMOS = (
    ("Certifications, cards and reminders", "certifications.demo"),
    ("Training modules, question banks and quiz histories", "training.demo"),
    ("Drill scenarios, runs and team drills", "drills.demo"),
    ("Manager actions: an exemption and an assignment", "actions.demo"),
    ("A revised protocol and its attestations", "attestations.demo"),
    ("Emergency kits and their weekly checks", "kits.demo"),
    ("Incidents: one reviewed and closed with retraining, one open", "incidents.demo"),
    ("Follow-up actions from an incident and a team drill", "followups.demo"),
    ("Record audits: a checklist and two rounds at Brookline", "audits.demo"),
    ("Clearances for each of the clinic's services", "clearances.demo"),
    ("Coverage minimums for the dashboard", "dashboard.demo"),
    ("Two-step login for the demo managers, educator and director", "accounts.demo"),
    ("Month-end snapshots of the last two months", "snapshots.demo"),
)


def _app_demos():
    return [
        (label, importlib.import_module(name))
        for label, name in APP_DEMOS
        if importlib.util.find_spec(name) is not None
    ]


class Command(BaseCommand):
    help = (
        "Load the demo clinic: locations, staff and managers, the clinical library's files "
        "(library/: protocols, modules, questions, drills) and each app's sample activity. Every "
        "library file is checked before anything is written. Safe to run again: what exists is "
        "left as it is."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo clinic first, then load it."
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has staff (used by 'make run').",
        )
        parser.add_argument(
            "--library",
            type=Path,
            help="Load the clinical library from this folder instead of library/.",
        )
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            help="Pretend today is this date (YYYY-MM-DD); demo dates are spread around it.",
        )

    def handle(
        self,
        *args,
        reset: bool,
        if_empty: bool,
        today: date | None,
        library: Path | None,
        **options,
    ):
        if reset and if_empty:
            raise CommandError("--reset and --if-empty contradict each other; use one.")
        if if_empty and StaffProfile.objects.exists():
            self.stdout.write("The database already has staff; demo clinic not loaded.")
            return
        today = today or timezone.localdate()
        # Every file is read and checked before the database is touched: a broken file stops
        # the command with its name and line, and nothing is written (or reset).
        try:
            library = read_library(library)
        except SourceErrors as errors:
            raise CommandError("The clinical library has problems:\n" + str(errors)) from errors
        app_demos = _app_demos()
        if reset:
            self.stdout.write("Removing the demo clinic...")
            for _, module in reversed(app_demos):
                module.reset()
            remove_demo_pages()
            remove_demo_organisation()

        total = 2 + len(app_demos)
        self.stdout.write(f"[1/{total}] Organisation: locations, roles, staff and managers...")
        profiles = seed_organisation(today=today)
        director = profiles["director"].user
        self.stdout.write(f"[2/{total}] Clinical library: {library.counts()}...")
        try:
            write_library(library, publisher=director)
        except SourceError as error:
            raise CommandError(f"The clinical library has problems:\n{error}") from error
        for number, (label, module) in enumerate(app_demos, start=3):
            self.stdout.write(f"[{number}/{total}] {label}...")
            module.seed(today=today, profiles=profiles, publisher=director)

        self.stdout.write(self.style.SUCCESS("Demo clinic ready. Logins:"))
        for username in LOGINS:
            self.stdout.write(f"  {username:<10} password: {DEMO_PASSWORD}")
        self.stdout.write(
            "Two-step login code for manager, regional, educator and director: "
            ".venv/bin/python manage.py demo_totp <username>"
        )
