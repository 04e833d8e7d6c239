"""The daily django-q2 schedule that runs the reminder sweep."""

from django.db import DEFAULT_DB_ALIAS

SCHEDULE_NAME = "readyroom-send-reminders"
TASK = "certifications.tasks.send_reminders"


def ensure_reminder_schedule(*, using=DEFAULT_DB_ALIAS, **kwargs):
    """Create or update the daily schedule by name: running it twice leaves one schedule."""
    from django.db import connections
    from django_q.models import Schedule

    if Schedule._meta.db_table not in connections[using].introspection.table_names():
        return None  # django_q not migrated yet (post_migrate fires per app)
    schedule, _ = Schedule.objects.using(using).update_or_create(
        name=SCHEDULE_NAME,
        defaults={
            "func": TASK,
            "schedule_type": Schedule.DAILY,
            "repeats": -1,
        },
    )
    return schedule
