"""Writes to audits: a round started, a record scored, a round completed, retraining set.

Each service validates, writes in one transaction and appends an audit entry
(organisation.services.record_audit). Each refuses (PermissionDenied) a person who does not
manage the round's location (audits.policies), whatever the view checked before.
"""

from collections.abc import Mapping
from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from actions.assignments import assign_to_person
from audits.checklists import STANDARD_ITEMS
from audits.models import (
    AuditChecklist,
    AuditedRecord,
    AuditRound,
    ItemScore,
    Outcome,
    Retraining,
    RoundItem,
)
from audits.policies import can_manage_round
from audits.references import validate_reference
from audits.scoring import Tally, tally
from audits.selectors import treating_staff
from organisation.bounds import refuse_dates_out_of_range
from organisation.models import Location, StaffProfile
from organisation.policies import managed_locations
from organisation.selectors import active_staff_at
from organisation.services import record_audit

NOT_YOUR_LOCATION = _("You can audit only at the locations you manage.")
NOT_YOUR_ROUND = _("This round is at a location you do not manage.")
NOT_APPROVED = _("Choose a checklist the medical director has approved.")
IN_THE_FUTURE = _("An audit cannot be dated after the location's today (%(today)s).")
ROUND_COMPLETED = _("This round is completed: no more records can be scored.")
ALREADY_SCORED = _("Record %(reference)s is already in this round.")
NOT_AT_LOCATION = _("Choose someone who works at %(location)s.")
EVERY_ITEM = _("Mark every item: met, not met or not applicable.")
NO_RECORDS = _("Score at least one record before completing the round.")
ITEM_NOT_FAILING = _("This item is not failing: retraining is set only for a failing item.")
NOBODY_TREATED = _("No records were scored, so there is nobody to retrain.")
REFUSED_FOR = "%(name)s: %(message)s"


def _audit(*, profile: StaffProfile, action: str, summary: str, now: datetime, data: dict):
    # The trail is the acting manager's: a round concerns no one staff member.
    return record_audit(
        staff=profile, action=action, summary=summary, at=now, actor=profile.user, data=data
    )


def start_round(
    *,
    location: Location,
    checklist: AuditChecklist,
    audited_on: date,
    auditor: StaffProfile,
    now: datetime,
) -> AuditRound:
    """A round of `checklist` (approved, live) at `location`, copying the standard items, the
    checklist's own and its pass mark. PermissionDenied unless the auditor manages the
    location."""
    if not managed_locations(auditor.user).filter(pk=location.pk).exists():
        raise PermissionDenied(NOT_YOUR_LOCATION)
    if not checklist.live:
        raise ValidationError({"checklist": NOT_APPROVED})
    refuse_dates_out_of_range(audited_on=audited_on)
    today = location.local_date(now)
    if audited_on > today:
        raise ValidationError(
            {"audited_on": ValidationError(IN_THE_FUTURE, params={"today": f"{today:%-d %b %Y}"})}
        )
    texts = [str(text) for _key, text in STANDARD_ITEMS] + [
        item.text for item in checklist.items.order_by("sort_order", "pk")
    ]
    with transaction.atomic():
        audit_round = AuditRound.objects.create(
            location=location,
            checklist=checklist,
            procedure=checklist.name,
            pass_mark=checklist.pass_mark,
            audited_on=audited_on,
            auditor=auditor,
            started_at=now,
        )
        RoundItem.objects.bulk_create(
            RoundItem(round=audit_round, position=i, text=text) for i, text in enumerate(texts)
        )
        _audit(
            profile=auditor,
            action="audit.round_created",
            summary=f"Started a record audit of {checklist.name} at {location.name} "
            f"for {audited_on:%-d %b %Y}.",
            now=now,
            data={"round": audit_round.pk, "location": location.pk, "checklist": checklist.pk},
        )
    return audit_round


def score_record(
    *,
    audit_round: AuditRound,
    reference: str,
    treated_by: StaffProfile,
    outcomes: Mapping[int, str],
    scored_by: StaffProfile,
    now: datetime,
) -> AuditedRecord:
    """Add one treatment record to an open round with an outcome for every item (by round
    item pk). Refused, nothing written: a completed round, a reference that is not the
    clinic's kind, the same reference twice, someone not working at the location."""
    _refuse_unless_manager(scored_by, audit_round)
    reference = reference.strip().upper()
    validate_reference(reference)
    if audit_round.completed:
        raise ValidationError(ROUND_COMPLETED)
    if (
        not active_staff_at(Location.objects.filter(pk=audit_round.location_id))
        .filter(pk=treated_by.pk)
        .exists()
    ):
        raise ValidationError(
            {
                "treated_by": ValidationError(
                    NOT_AT_LOCATION, params={"location": audit_round.location.name}
                )
            }
        )
    items = list(audit_round.items.all())
    if sorted(outcomes) != sorted(i.pk for i in items) or not set(outcomes.values()) <= set(
        Outcome.values
    ):
        raise ValidationError(EVERY_ITEM)
    with transaction.atomic():
        AuditRound.objects.select_for_update().filter(pk=audit_round.pk).first()
        if AuditedRecord.objects.filter(round=audit_round, reference=reference).exists():
            raise ValidationError(
                {"reference": ValidationError(ALREADY_SCORED, params={"reference": reference})}
            )
        record = AuditedRecord.objects.create(
            round=audit_round, reference=reference, treated_by=treated_by, scored_at=now
        )
        ItemScore.objects.bulk_create(
            ItemScore(record=record, item=item, outcome=outcomes[item.pk]) for item in items
        )
    return record


def _refuse_unless_manager(profile: StaffProfile, audit_round: AuditRound) -> None:
    if not can_manage_round(profile.user, audit_round):
        raise PermissionDenied(NOT_YOUR_ROUND)


def _tally(scores) -> Tally:
    return tally(dict(scores.values_list("outcome").annotate(n=Count("pk")).order_by()))


def complete_round(*, audit_round: AuditRound, completed_by: StaffProfile, now: datetime):
    """Close the round to new records and record its overall score in the trail."""
    _refuse_unless_manager(completed_by, audit_round)
    with transaction.atomic():
        locked = AuditRound.objects.select_for_update().get(pk=audit_round.pk)
        if locked.completed:
            raise ValidationError(ROUND_COMPLETED)
        if not locked.records.exists():
            raise ValidationError(NO_RECORDS)
        overall = _tally(ItemScore.objects.filter(record__round=locked))
        locked.completed_at = now
        locked.save(update_fields=["completed_at"])
        _audit(
            profile=completed_by,
            action="audit.round_completed",
            summary=f"Completed the record audit {locked}: {locked.records.count()} records, "
            f"{overall.percent if overall.percent is not None else '-'}% overall.",
            now=now,
            data={"round": locked.pk, "met": overall.met, "not_met": overall.not_met},
        )
    return locked


def assign_retraining(
    *,
    item: RoundItem,
    what: str,
    page: Page,
    due_on: date,
    assigned_by: StaffProfile,
    now: datetime,
) -> Retraining:
    """Assign `page` (a module or drill) due on `due_on` to everyone who treated a record in
        the round, through actions.assignments.assign_to_person: all or none. Each refusal is
        named with the person it concerns, and if any is refused nothing is written. Refused
    for an item scoring at or above the round's pass mark."""
    _refuse_unless_manager(assigned_by, item.round)
    if not _tally(ItemScore.objects.filter(item=item)).fails(item.round.pass_mark):
        raise ValidationError(ITEM_NOT_FAILING)
    people = treating_staff(item.round)
    if not people:
        raise ValidationError(NOBODY_TREATED)
    refusals: list[str] = []
    with transaction.atomic():
        for person in people:
            try:
                with transaction.atomic():
                    assign_to_person(
                        staff=person,
                        what=what,
                        page=page,
                        due_on=due_on,
                        actor=assigned_by.user,
                        now=now,
                    )
            except (ValidationError, PermissionDenied) as error:
                messages = error.messages if isinstance(error, ValidationError) else [str(error)]
                refusals += [
                    REFUSED_FOR % {"name": person.display_name, "message": m} for m in messages
                ]
        if refusals:
            # Leaving the block by an exception undoes the assignments already made.
            raise ValidationError(refusals)
        retraining = Retraining.objects.create(
            item=item,
            page=page,
            title=page.title[:255],
            due_on=due_on,
            people=len(people),
            assigned_by=assigned_by,
            assigned_at=now,
        )
        _audit(
            profile=assigned_by,
            action="audit.retraining_assigned",
            summary=f"Assigned {page.title}, due {due_on:%-d %b %Y}, to {len(people)} people "
            f"after “{item.text}” failed in the record audit {item.round}.",
            now=now,
            data={
                "round": item.round_id,
                "item": item.pk,
                "page": page.pk,
                "due_on": due_on.isoformat(),
                "staff": [p.pk for p in people],
            },
        )
    return retraining
