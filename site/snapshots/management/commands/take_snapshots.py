from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from organisation.models import Location
from snapshots.services import is_month_end, take_due_snapshots, take_snapshot


class Command(BaseCommand):
    help = (
        "Take each location's month-end snapshot of its compliance matrix where the month has "
        "ended and none is kept yet (what the hourly schedule does). With --month-end, take "
        "that month's for every location. A snapshot already taken is never retaken."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--month-end",
            type=date.fromisoformat,
            help="The last day of a past month (YYYY-MM-DD), judged on that date.",
        )

    def handle(self, *args, month_end: date | None, **options):
        now = timezone.now()
        if month_end is None:
            taken = take_due_snapshots(now=now)
        else:
            if not is_month_end(month_end):
                raise CommandError(f"{month_end} is not the last day of a month.")
            locations = list(Location.objects.order_by("name"))
            if any(month_end >= loc.local_date(now) for loc in locations):
                raise CommandError(f"The month ending {month_end} has not ended everywhere yet.")
            taken = [take_snapshot(location=loc, month_end=month_end, now=now) for loc in locations]
        for snapshot in taken:
            self.stdout.write(
                f"{snapshot.location.name}, {snapshot.month_end:%B %Y}: "
                f"{snapshot.compliant_count} of {snapshot.staff_count} fully compliant."
            )
        self.stdout.write(self.style.SUCCESS(f"{len(taken)} snapshot(s)."))
