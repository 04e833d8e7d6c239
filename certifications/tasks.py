"""django-q2 tasks: thin, they call the sweep."""

from django.utils import timezone

from certifications.reminders.sweep import run_sweep


def send_reminders() -> str:
    """The daily sweep; returns its summary (kept in django-q2's task result)."""
    return run_sweep(now=timezone.now()).summary
