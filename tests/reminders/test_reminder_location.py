"""Rows written before Reminder.location get theirs from their keys (migration 0003)."""

import datetime
import importlib

import pytest
from django.apps import apps
from reminders.models import Audience, Reminder

from tests.factories import LocationFactory

fill = importlib.import_module("reminders.migrations.0003_reminder_location").locations_from_keys
NOW = datetime.datetime(2026, 11, 20, 15, 0, tzinfo=datetime.UTC)


def _row(item_key: str, audience=Audience.MANAGER) -> Reminder:
    return Reminder.objects.create(
        recipient_key="nobody",
        item_key=item_key,
        due_key="2026-11-20",
        kind=f"{audience}:due-today",
        audience=audience,
        label="Kit",
        planned_on=NOW.date(),
        created_at=NOW,
    )


@pytest.mark.django_db
def test_a_location_items_row_and_its_alert_get_the_location_a_persons_row_none():
    north = LocationFactory()
    kit_row = _row(f"location:{north.pk}:kit:check:7")
    alert = _row(f"alert:{kit_row.pk}", audience=Audience.ALERT)
    gone = _row("location:999999:kit:check:8")  # its location was deleted since
    persons = _row("12:certification:BLS")
    fill(apps, None)
    found = dict(Reminder.objects.values_list("pk", "location_id"))
    assert found == {kit_row.pk: north.pk, alert.pk: north.pk, gone.pk: None, persons.pk: None}
