from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reminders.sweep import run_sweep


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--as-of must be a date as YYYY-MM-DD, not {value!r}.") from None


class Command(BaseCommand):
    help = (
        "Run the reminder sweep now (the django-q2 schedule runs it every 15 minutes): send "
        "each recipient one message with everything due for them (certifications, training, "
        "drills, escalations, alerts, the weekly digest), each item exactly once. Prints one "
        "line per reminder and a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--as-of",
            type=str,
            help="Judge everyone on this date (YYYY-MM-DD) instead of their local today.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Show what would be sent; record and send nothing.",
        )

    def handle(self, *args, as_of: str | None, dry_run: bool, **options):
        day = _date(as_of) if as_of else None
        # Timestamps are the real time; --as-of changes only the date everyone is judged on.
        report = run_sweep(
            now=timezone.now(),
            as_of=day,
            dry_run=dry_run,
            progress=lambda line: self.stdout.write(str(line)),
        )
        self.stdout.write(self.style.SUCCESS(report.summary))
