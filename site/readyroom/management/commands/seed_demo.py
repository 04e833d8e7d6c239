from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from content.demo import remove_demo_pages, seed_protocol_library
from organisation.demo import DEMO_PASSWORD, LOGINS, remove_demo_organisation, seed_organisation
from organisation.models import StaffProfile


class Command(BaseCommand):
    help = (
        "Load the demo clinic: locations, staff and managers, and the sample protocol library. "
        "Safe to run again: what exists is left as it is."
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
        if reset:
            self.stdout.write("Removing the demo clinic...")
            remove_demo_pages()
            remove_demo_organisation()

        steps = (
            ("Organisation: locations, roles, staff and managers", self._organisation),
            ("Protocol library", self._protocols),
        )
        self.context = {"today": today}
        for number, (label, step) in enumerate(steps, start=1):
            self.stdout.write(f"[{number}/{len(steps)}] {label}...")
            step()

        self.stdout.write(self.style.SUCCESS("Demo clinic ready. Logins (password in quotes):"))
        for username in LOGINS:
            self.stdout.write(f"  {username:<10} '{DEMO_PASSWORD}'")

    def _organisation(self):
        self.context["profiles"] = seed_organisation(today=self.context["today"])

    def _protocols(self):
        director = self.context["profiles"]["director"].user
        seed_protocol_library(publisher=director)
