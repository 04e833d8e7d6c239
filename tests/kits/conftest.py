import datetime

import pytest
from reminders.models import ReminderPolicy

from kits import services
from organisation import groups
from tests.factories import StaffProfileFactory


@pytest.fixture
def now():
    """Wednesday 4 March 2026, 02:00 UTC: still Tuesday 3 March in New York (the kit's date)."""
    return datetime.datetime(2026, 3, 4, 2, 0, tzinfo=datetime.UTC)


TODAY = datetime.date(2026, 3, 3)  # North's date at `now`


@pytest.fixture
def nadia(north):
    return StaffProfileFactory(home_location=north, user__first_name="Nadia")


@pytest.fixture
def dana(north):
    """A medical director."""
    return StaffProfileFactory(
        home_location=north, user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS]
    )


@pytest.fixture
def policy(db):
    policy = ReminderPolicy.load()
    policy.digest_enabled = False
    policy.save()
    return policy


def make_kit(location, by, *, now, items=(), name="Anaphylaxis kit", place="Room 2"):
    """A kit with `items`: (name, lot, expires_on) each."""
    kit = services.create_kit(location=location, name=name, place=place, created_by=by, now=now)
    for item_name, lot, expires_on in items:
        services.add_item(
            kit=kit,
            name=item_name,
            lot_number=lot,
            quantity_expected=1,
            expires_on=expires_on,
            added_by=by,
            now=now,
        )
    return kit


ITEMS = (
    ("Adrenaline auto-injector 0.3 mg", "EAI-1", datetime.date(2026, 9, 30)),
    ("AED pads, adult", "PAD-1", datetime.date(2027, 1, 31)),
    ("Bag-valve-mask, adult", "", None),
)


@pytest.fixture
def kit(north, maria, now):
    """North's anaphylaxis kit, in use since 20 February 2026 (North's date)."""
    since = datetime.datetime(2026, 2, 20, 15, 0, tzinfo=datetime.UTC)
    return make_kit(north, maria, now=since, items=ITEMS)


def all_right(kit, **changes):
    """Every item present and in date, with `changes` by item name (a dict of LineInput
    fields)."""
    return [
        services.LineInput(
            item=item, **{"present": True, "in_date": True, **changes.get(item.name, {})}
        )
        for item in kit.items.all()
    ]
