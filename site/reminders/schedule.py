"""The django-q2 schedule that runs the reminder sweep every 15 minutes."""

from django.db import DEFAULT_DB_ALIAS

SCHEDULE_NAME = "readyroom-send-reminders"
TASK = "reminders.tasks.send_reminders"
EVERY_MINUTES = 15


def ensure_reminder_schedule(*, using=DEFAULT_DB_ALIAS, **kwargs):
    """Create or update the schedule by name: running it twice leaves one schedule.

    Every 15 minutes: each run is idempotent (the ledger keys reminders by the recipient's
    local date and stage), and frequent runs let mail go out when each recipient's working
    day starts and retries follow their backoff.
    """
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
