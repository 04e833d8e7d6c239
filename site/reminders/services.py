"""Writes outside the sweep: the calendar feed's secret, a manager's nudge."""

from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from organisation.compliance import ComplianceRow
from organisation.models import StaffProfile
from reminders.models import Audience, CalendarToken, Reminder, ReminderStatus, new_token
from reminders.planner import NUDGE, _item_key, recipient_key


class AlreadyInLedger(Exception):
    """The ledger holds this reminder already (its natural key is taken)."""


def calendar_token_for(*, user: AbstractBaseUser, now: datetime) -> CalendarToken:
    """The user's feed token, created on first use."""
    token, _ = CalendarToken.objects.get_or_create(user=user, defaults={"created_at": now})
    return token


def regenerate_calendar_token(*, user: AbstractBaseUser, now: datetime) -> CalendarToken:
    """A new secret: the old feed URL stops working at once."""
    with transaction.atomic():
        token, created = CalendarToken.objects.select_for_update().get_or_create(
            user=user, defaults={"created_at": now}
        )
        if not created:
            token.token = new_token()
            token.created_at = now
            token.save(update_fields=["token", "created_at"])
    return token


def record_nudge(*, row: ComplianceRow, person: StaffProfile, on: date, now: datetime) -> Reminder:
    """Put a one-off reminder about `row` to `person` in the ledger, for the next sweep to
    send in their sending hours (and re-check then that the item still needs action). Keyed
    by `on`, the person's date: a second nudge about the same item that day, from a double
    click or another manager, raises AlreadyInLedger and adds nothing. Call it inside the
    caller's transaction; the insert is in a savepoint of its own."""
    try:
        with transaction.atomic():
            return Reminder.objects.create(
                recipient_key=recipient_key(person),
                item_key=_item_key(row),
                due_key=on.isoformat(),
                kind=NUDGE,
                audience=Audience.STAFF,
                recipient=person,
                subject=person,
                label=row.label[:200],
                due_on=row.due_on,
                url=row.url[:300],
                planned_on=on,
                status=ReminderStatus.PENDING,
                created_at=now,
            )
    except IntegrityError:
        raise AlreadyInLedger from None
