"""Reminder.location: rows written before it get theirs from their keys (migration 0003),
and an undelivered location item alerts that location's managers."""

import datetime
import importlib

import pytest
from django.apps import apps
from reminders.ledger import raise_alerts
from reminders.models import Audience, Reminder, ReminderStatus

from organisation import groups
from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory

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


@pytest.mark.django_db
def test_an_undelivered_location_item_alerts_its_locations_other_managers_and_the_directors():

    north, south = LocationFactory(), LocationFactory()
    maria, mo = ManagerFactory(home_location=north), ManagerFactory(home_location=north)
    oscar = ManagerFactory(home_location=south)
    dana = StaffProfileFactory(
        home_location=south, user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS]
    )
    failed = _row(f"location:{north.pk}:kit:check:7")
    Reminder.objects.filter(pk=failed.pk).update(
        recipient=maria, location=north, status=ReminderStatus.UNDELIVERABLE
    )
    raise_alerts(now=NOW)
    alerts = Reminder.objects.filter(audience=Audience.ALERT)
    # Maria's own mail is what failed; South's manager has nothing to do with North's kit.
    assert {a.recipient for a in alerts} == {mo, dana}
    assert {a.location for a in alerts} == {north} and oscar not in {a.recipient for a in alerts}
