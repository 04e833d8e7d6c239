"""The demo clinic's follow-up actions (demo_followups.yaml, sample content for the medical
director to review): one from the closed incident, one from Brookline's team drill debrief.
Through the services, so each is audited. Seeding again adds nothing."""

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from incidents.models import Incident

from drills.models import TeamDrillSession
from followups.models import FollowUpAction
from followups.services import create_follow_up
from organisation.models import StaffProfile

DATA = Path(__file__).with_name("demo_followups.yaml")


def _add(spec: dict, people: dict, now: datetime, **source) -> None:
    owner, manager = people.get(spec["owner"]), people.get(spec["added_by"])
    if owner is None or manager is None:
        return
    action = create_follow_up(
        what=spec["what"],
        owner=owner,
        due_on=owner.local_date(now) + timedelta(days=spec["due_in_days"]),
        actor=manager,
        now=now,
        **source,
    )
    FollowUpAction.objects.filter(pk=action.pk).update(sample_content=True)


def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    if FollowUpAction.objects.filter(sample_content=True).exists():
        return
    data = yaml.safe_load(DATA.read_text())
    now = datetime.combine(today, time(12), tzinfo=UTC)
    people = {
        p.user.username: p
        for p in StaffProfile.objects.select_related("user", "home_location").filter(
            user__username__in=[s[k] for s in data.values() for k in ("owner", "added_by")]
        )
    }
    spec = data["from_incident"]
    incident = (
        Incident.objects.filter(sample_content=True, complication=spec["complication"])
        .select_related("location")
        .first()
    )
    spec_drill = data["from_team_drill"]
    session = (
        TeamDrillSession.objects.filter(location__slug=spec_drill["location"])
        .select_related("location")
        .order_by("-held_on", "-pk")
        .first()
    )
    with transaction.atomic():
        if incident is not None:
            _add(spec, people, now, incident=incident)
        if session is not None:
            _add(spec_drill, people, now, drill_session=session)


@transaction.atomic
def reset() -> None:
    """Remove the demo's follow-up actions, before the incidents and team drills they came from."""
    FollowUpAction.objects.filter(sample_content=True).delete()
