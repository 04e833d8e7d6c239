"""Writes outside the sweep: the calendar feed's secret."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from reminders.models import CalendarToken, new_token


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
