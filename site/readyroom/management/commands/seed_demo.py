import importlib
import importlib.util
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from content.demo import remove_demo_pages, seed_protocol_library
from organisation.demo import DEMO_PASSWORD, LOGINS, remove_demo_organisation, seed_organisation
from organisation.models import StaffProfile

# Each domain app's demo module exposes seed(*, today, profiles, publisher) and reset().
# They run in this order, after the organisation and the protocol library they build on.
APP_DEMOS = (
    ("Certifications, cards and reminders", "certifications.demo"),
    ("Training modules, question banks and quiz histories", "training.demo"),
    ("Drill scenarios, runs and team drills", "drills.demo"),
    ("Coverage minimums for the dashboard", "dashboard.demo"),
    ("Two-step login for the demo managers, educator and director", "accounts.demo"),
)


def _app_demos():
    return [
        (label, importlib.import_module(name))
        for label, name in APP_DEMOS
        if importlib.util.find_spec(name) is not None
    ]


class Command(BaseCommand):
    help = (
        "Load the demo clinic: locations, staff and managers, the sample protocol library and "
        "each app's sample content. Safe to run again: what exists is left as it is."
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
            "--today",
            type=date.fromisoformat,
            help="Pretend today is this date (YYYY-MM-DD); demo dates are spread around it.",
        )

    def handle(self, *args, reset: bool, if_empty: bool, today: date | None, **options):
        if reset and if_empty:
            raise CommandError("--reset and --if-empty contradict each other; use one.")
        if if_empty and StaffProfile.objects.exists():
            self.stdout.write("The database already has staff; demo clinic not loaded.")
            return
        today = today or timezone.localdate()
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
        self.stdout.write(f"[2/{total}] Protocol library...")
        seed_protocol_library(publisher=director)
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
