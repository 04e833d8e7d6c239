"""django-q2 task: thin, it calls the service."""

from django.utils import timezone

from snapshots.services import take_due_snapshots


def take_month_end_snapshots() -> int:
    return len(take_due_snapshots(now=timezone.now()))
