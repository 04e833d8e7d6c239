"""The demo clinic's month-end snapshots: the last two months' at each location, taken as the
hourly schedule would have on the first morning of the next month. Called by seed_demo (after
every app's demo, so the matrices hold their records); running it again creates nothing."""

from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.models import AbstractBaseUser

from organisation.demo import LOCATIONS
from organisation.models import Location, StaffProfile
from snapshots.models import MonthEndSnapshot
from snapshots.services import last_month_end, take_snapshot

MONTHS = 2


def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    month_end = last_month_end(today)
    ends = []
    for _ in range(MONTHS):
        ends.append(month_end)
        month_end = last_month_end(month_end)
    for location in Location.objects.filter(slug__in=[slug for slug, *_ in LOCATIONS]):
        for end in reversed(ends):
            taken_at = datetime.combine(end + timedelta(days=1), time(9), tzinfo=UTC)
            take_snapshot(location=location, month_end=end, now=taken_at)


def reset() -> None:
    MonthEndSnapshot.objects.filter(location__slug__in=[slug for slug, *_ in LOCATIONS]).delete()
