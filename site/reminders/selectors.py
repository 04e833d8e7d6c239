"""Reads of the ledger, scoped by who is asking."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from organisation.models import StaffProfile
from reminders.models import Audience, Reminder, ReminderStatus
from reminders.policies import reminders_visible_to

# Rows a manager must know about: nobody got them, or not yet and the sweep is still trying.
PROBLEMS = (ReminderStatus.UNDELIVERABLE, ReminderStatus.FAILED)


def reminder_problems(viewer: AbstractBaseUser) -> QuerySet[Reminder]:
    """Undeliverable and failing reminders about the viewer's locations' staff, newest first
    (alerts themselves included: an alert nobody could receive is a problem too)."""
    return (
        reminders_visible_to(viewer)
        .filter(status__in=PROBLEMS)
        .exclude(audience=Audience.DIGEST)
        .select_related("subject__user", "recipient__user", "location")
        .order_by("-created_at", "-pk")
    )


def reminders_about(staff: StaffProfile, *, viewer: AbstractBaseUser) -> QuerySet[Reminder]:
    """Reminders about `staff` and those sent to them, newest first, for the viewer's view of
    the person's record: only rows about people at the viewer's own locations (a regional
    manager's escalations about another location's staff stay out of a local manager's view)."""
    return (
        reminders_visible_to(viewer)
        .filter(Q(subject=staff) | Q(recipient=staff))
        .select_related("recipient__user")
        .order_by("-created_at", "-pk")
    )
