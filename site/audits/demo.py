"""The demo clinic's record audits (demo_audits.yaml, sample content for the medical director to
review): a laser vein treatment checklist and two completed rounds at Brookline, the later one
with "Photos taken" failing, so the round shows a failing item and the chart two points.

Written through the services, each at the time it happened. Called by seed_demo; running it
again creates nothing new.
"""

from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from audits.models import AuditChecklist, AuditRound, ChecklistItem, Outcome
from audits.services import complete_round, score_record, start_round
from content.models import ProtocolPage
from organisation.demo import demo_usernames
from organisation.models import Location, StaffProfile

DATA = Path(__file__).with_name("demo_audits.yaml")
AUDIT_HOUR = time(17)  # after the last patient


def _checklist(spec: dict, publisher: AbstractBaseUser) -> AuditChecklist | None:
    found = AuditChecklist.objects.filter(name=spec["name"]).first()
    if found is not None:
        return found
    protocol = ProtocolPage.objects.filter(slug=spec["protocol"]).first()
    if protocol is None:
        return None
    checklist = AuditChecklist(
        name=spec["name"],
        protocol=protocol,
        pass_mark=spec["pass_mark"],
        sample_content=True,
        live=False,
    )
    for i, text in enumerate(spec["items"]):
        checklist.items.add(ChecklistItem(text=text, sort_order=i))
    checklist.save()
    # Published as the director's approval publishes: a revision, then live.
    checklist.save_revision(user=publisher).publish(user=publisher)
    checklist.refresh_from_db()  # publishing saved the revision's copy, now live
    return checklist


def _round(spec: dict, checklist: AuditChecklist, profiles: dict, today: date) -> None:
    location = Location.objects.filter(slug=spec["location"]).first()
    auditor = profiles.get(spec["auditor"])
    if location is None or auditor is None:
        return
    day = today - timedelta(days=spec["days_ago"])
    if AuditRound.objects.filter(location=location, checklist=checklist, audited_on=day).exists():
        return
    at = datetime.combine(day, AUDIT_HOUR, tzinfo=ZoneInfo(location.time_zone))
    audit_round = start_round(
        location=location, checklist=checklist, audited_on=day, auditor=auditor, now=at
    )
    AuditRound.objects.filter(pk=audit_round.pk).update(sample_content=True)
    items = list(audit_round.items.all())
    for number, record in enumerate(spec["records"]):
        outcomes = {}
        for item in items:
            if item.text in record.get("not_met", ()):
                outcomes[item.pk] = Outcome.NOT_MET
            elif item.text in record.get("not_applicable", ()):
                outcomes[item.pk] = Outcome.NOT_APPLICABLE
            else:
                outcomes[item.pk] = Outcome.MET
        score_record(
            audit_round=audit_round,
            reference=record["reference"],
            treated_by=profiles[record["treated_by"]],
            outcomes=outcomes,
            scored_by=auditor,
            now=at + timedelta(minutes=5 * number),
        )
    complete_round(audit_round=audit_round, completed_by=auditor, now=at + timedelta(hours=1))


def seed(*, today: date, profiles: dict[str, StaffProfile], publisher: AbstractBaseUser) -> None:
    """The demo's checklist and its two rounds at Brookline."""
    data = yaml.safe_load(DATA.read_text())
    with transaction.atomic():
        checklists = {spec["name"]: _checklist(spec, publisher) for spec in data["checklists"]}
        for spec in data["rounds"]:
            checklist = checklists.get(spec["checklist"])
            if checklist is not None:
                _round(spec, checklist, profiles, today)


@transaction.atomic
def reset() -> None:
    """Remove the rounds the demo's managers audited (the demo's and any made trying it) and
    the demo's checklists, before the demo's people, locations and protocols go."""
    AuditRound.objects.filter(auditor__user__username__in=demo_usernames()).delete()
    AuditChecklist.objects.filter(sample_content=True, rounds=None).delete()
