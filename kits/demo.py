"""The demo clinic's emergency kits (demo_kits.yaml, sample content for the medical director to
review): a kit per location, a few weeks of weekly checks, one item near its expiry.

Written through the services, each at the time it happened, so the audit trail and the log
read as they would have. Called by seed_demo; running it again creates nothing new.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from kits.models import EmergencyKit, KitCheck
from kits.services import LineInput, add_item, create_kit, record_check
from organisation.models import Location, StaffProfile

DATA = Path(__file__).with_name("demo_kits.yaml")
CHECK_HOUR = time(8, 30)  # before the first patient


def _at(location: Location, day: date) -> datetime:
    return datetime.combine(day, CHECK_HOUR, tzinfo=ZoneInfo(location.time_zone))


def _checkers(location: Location) -> list[StaffProfile]:
    """Who checks: the location's staff who manage nothing, first two by name."""
    people = StaffProfile.objects.filter(locations=location, is_active=True, managed_locations=None)
    return list(people.select_related("user").order_by("user__last_name", "pk")[:2])


def _days(value: int | None, today: date) -> date | None:
    return None if value is None else today + timedelta(days=value)


def _seed_kit(location: Location, spec: dict, today: date) -> None:
    checkers = _checkers(location)
    if not checkers:
        return
    if EmergencyKit.objects.filter(
        location=location, name=spec["name"], place=spec["place"]
    ).exists():
        return
    start = today - timedelta(days=max(spec["checks"]) + 1)
    setter = checkers[0]
    kit = create_kit(
        location=location,
        name=spec["name"],
        place=spec["place"],
        created_by=setter,
        now=_at(location, start),
    )
    EmergencyKit.objects.filter(pk=kit.pk).update(sample_content=True)
    items = {}
    for entry in spec["items"]:
        items[entry["name"]] = add_item(
            kit=kit,
            name=entry["name"],
            lot_number=entry["lot"] or "",
            quantity_expected=entry["quantity"],
            expires_on=_days(entry["expires_in"], today),
            added_by=setter,
            now=_at(location, start),
        )
    problems = {(p["check"], p["item"]): p for p in spec.get("problems", [])}
    for number, days_ago in enumerate(sorted(spec["checks"], reverse=True)):
        lines = []
        for name, item in items.items():
            item.refresh_from_db()  # a replacement at an earlier check changed its lot
            found = problems.get((days_ago, name), {})
            lines.append(
                LineInput(
                    item=item,
                    present=found.get("present", True),
                    in_date="new_lot" not in found,
                    note=found.get("note", ""),
                    new_lot_number=found.get("new_lot", ""),
                    new_expires_on=_days(found.get("new_expires_in"), today),
                )
            )
        record_check(
            kit=kit,
            checked_by=checkers[number % len(checkers)],
            lines=lines,
            notes="",
            now=_at(location, today - timedelta(days=days_ago)),
        )


def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    """A kit per demo location (two at Brookline) with its items and weekly checks."""
    data = yaml.safe_load(DATA.read_text())
    with transaction.atomic():
        for slug, kits in data["locations"].items():
            location = Location.objects.filter(slug=slug).first()
            if location is None:
                continue
            for spec in kits:
                _seed_kit(location, spec, today)


@transaction.atomic
def reset() -> None:
    """Remove the demo's kits and their checks (the demo's audit trail goes with its people)."""
    kits = EmergencyKit.objects.filter(sample_content=True)
    KitCheck.objects.filter(kit__in=kits).delete()
    kits.delete()
