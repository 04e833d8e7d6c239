"""The demo clinic's manager actions (demo_actions.yaml, sample content): one exemption and
one assignment at Brookline, through the services so each is audited. Idempotent: seeding
again adds nothing."""

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from actions.assignments import assign_to_person
from actions.exemptions import grant_exemption
from actions.models import Assignment, AssignmentWhat, Exemption
from organisation.compliance import compliance_rows
from organisation.demo import demo_usernames
from organisation.models import StaffProfile
from training.lesson_selectors import published_modules

DATA = Path(__file__).with_name("demo_actions.yaml")


def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    now = datetime.combine(today, time(12), tzinfo=UTC)
    data = yaml.safe_load(DATA.read_text())
    people = {
        p.user.username: p
        for p in StaffProfile.objects.select_related("user", "home_location").filter(
            user__username__in=demo_usernames()
        )
    }
    with transaction.atomic():
        _exemption(data["exemption"], people, now)
        _assignment(data["assignment"], people, now)


def _exemption(spec: dict, people: dict[str, StaffProfile], now: datetime) -> None:
    person, manager = people.get(spec["person"]), people.get(spec["granted_by"])
    if person is None or manager is None or Exemption.objects.filter(staff=person).exists():
        return
    rows = compliance_rows(staff=[person], now=now, kinds=[spec["kind"]])
    row = next((r for r in rows if r.requirement_key == spec.get("requirement_key")), None)
    row = row or (rows[0] if rows else None)
    if row is None:
        return
    grant_exemption(
        staff=person,
        kind=row.kind,
        requirement_key=row.requirement_key,
        ends_on=person.local_date(now) + timedelta(days=spec["ends_in_days"]),
        reason=" ".join(spec["reason"].split()),
        actor=manager.user,
        now=now,
    )


def _assignment(spec: dict, people: dict[str, StaffProfile], now: datetime) -> None:
    person, manager = people.get(spec["person"]), people.get(spec["assigned_by"])
    module = published_modules().filter(title=spec["module"]).first()
    if person is None or manager is None or module is None:
        return
    if Assignment.objects.filter(staff=person, page=module).exists():
        return
    assign_to_person(
        staff=person,
        what=AssignmentWhat.MODULE,
        page=module,
        due_on=person.local_date(now) + timedelta(days=spec["due_in_days"]),
        actor=manager.user,
        now=now,
    )


@transaction.atomic
def reset() -> None:
    """Remove the demo people's exemptions and assignments (their audit trail goes with them)."""
    Exemption.objects.filter(staff__user__username__in=demo_usernames()).delete()
    Assignment.objects.filter(staff__user__username__in=demo_usernames()).delete()
