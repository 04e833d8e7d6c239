"""The django-q2 schedule that takes month-end snapshots: hourly, so each location's month is
frozen within the hour after its own midnight."""

from django.db import DEFAULT_DB_ALIAS

SCHEDULE_NAME = "readyroom-month-end-snapshots"
TASK = "snapshots.tasks.take_month_end_snapshots"
EVERY_MINUTES = 60


def ensure_snapshot_schedule(*, using=DEFAULT_DB_ALIAS, **kwargs):
    """Create or update the schedule by name: running it twice leaves one schedule."""
    from django.db import connections
    from django_q.models import Schedule

    if Schedule._meta.db_table not in connections[using].introspection.table_names():
        return None  # django_q not migrated yet (post_migrate fires per app)
    schedule, _ = Schedule.objects.using(using).update_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "func": TASK,
            "schedule_type": Schedule.MINUTES,
            "minutes": EVERY_MINUTES,
            "repeats": -1,
        },
    )
    return schedule
