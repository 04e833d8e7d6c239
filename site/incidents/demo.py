"""The demo clinic's incidents (demo_incidents.yaml, sample content for the medical director to
review): one reviewed and closed, with retraining assigned to the person involved, and one
still open. Written through the services at the times they happened, so the audit trail reads
as it would have. Called by seed_demo; running it again creates nothing new."""

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from actions.models import AssignmentWhat
from content.models import ProtocolPage
from incidents.models import Incident
from incidents.services import Details, Retraining, close_incident, record_incident
from incidents.steps import parse_steps
from organisation.models import Location, StaffProfile
from training.lesson_selectors import published_modules

DATA = Path(__file__).with_name("demo_incidents.yaml")


def _at(location: Location, day: date, clock: time) -> datetime:
    return datetime.combine(day, clock, tzinfo=ZoneInfo(location.time_zone))


def _seed_one(spec: dict, people: dict[str, StaffProfile], today: date) -> None:
    location = Location.objects.filter(slug=spec["location"]).first()
    recorder = people.get(spec["recorded_by"])
    involved = [people[name] for name in spec["staff_involved"] if name in people]
    if location is None or recorder is None or not involved:
        return
    day = today - timedelta(days=spec["days_ago"])
    clock = time.fromisoformat(spec["time"])
    details = Details(
        location=location,
        occurred_on=day,
        occurred_time=clock,
        procedure=spec["procedure"],
        complication=spec["complication"],
        complication_detail="",
        protocol=ProtocolPage.objects.live().filter(title=spec["protocol"]).first(),
        protocol_followed=spec["protocol_followed"],
        steps=parse_steps(spec["steps"]),
        outcome=" ".join(spec["outcome"].split()),
        follow_up_plan=" ".join(spec["follow_up_plan"].split()),
        staff_involved=involved,
    )
    recorded_at = _at(location, day, clock) + timedelta(hours=2)
    incident = record_incident(details=details, recorded_by=recorder, now=recorded_at)
    Incident.objects.filter(pk=incident.pk).update(sample_content=True)
    close = spec.get("close")
    if not close:
        return
    closed_on = today - timedelta(days=close["days_ago"])
    module = published_modules().filter(title=close["module"]).first()
    retraining = (
        Retraining(
            what=AssignmentWhat.MODULE,
            page=module,
            due_on=closed_on + timedelta(days=close["due_in_days"]),
        )
        if module is not None
        else None
    )
    close_incident(
        incident=incident,
        review=" ".join(close["review"].split()),
        retraining=retraining,
        closed_by=recorder,
        now=_at(location, closed_on, time(17, 0)),
    )


def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    if Incident.objects.filter(sample_content=True).exists():
        return
    data = yaml.safe_load(DATA.read_text())
    people = {
        p.user.username: p
        for p in StaffProfile.objects.select_related("user", "home_location").filter(
            user__username__in={
                name
                for spec in data["incidents"]
                for name in [spec["recorded_by"], *spec["staff_involved"]]
            }
        )
    }
    with transaction.atomic():
        for spec in data["incidents"]:
            _seed_one(spec, people, today)


@transaction.atomic
def reset() -> None:
    """Remove the demo's incidents (their audit entries go with the demo's people)."""
    Incident.objects.filter(sample_content=True).delete()
