"""django-q2 tasks: thin, they call the sweep."""

from django.utils import timezone

from reminders.sweep import run_sweep


def send_reminders() -> str:
    """One sweep inside its time budget; returns its summary (kept in django-q2's result)."""
    return run_sweep(now=timezone.now()).summary
