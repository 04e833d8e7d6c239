"""Writes to follow-up actions: add one (from an incident or a team drill), mark it done,
cancel it. Each checked, atomic, with an audit entry on the owner's trail naming who acted."""

from datetime import date, datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from incidents.models import Incident

from drills.models import TeamDrillSession
from followups.models import FollowUpAction, FollowUpStatus
from followups.policies import can_close_follow_up, can_manage_follow_up
from organisation.bounds import refuse_dates_out_of_range, refuse_long_text
from organisation.models import StaffProfile
from organisation.policies import managed_locations
from organisation.services import record_audit

NOT_YOUR_LOCATION = _("You can add follow-up actions only at the locations you manage.")
NOT_YOURS = _("Only its owner or a manager of its location can close this action.")
OWNER_ELSEWHERE = _("%(name)s does not work at %(location)s: choose someone who does.")
DUE_IN_PAST = _("The due date cannot be before the owner's today (%(today)s).")
SAY_WHAT = _("Say what must be done.")
ALREADY_CLOSED = _("This action is already %(status)s.")
NOTE_TO_CANCEL = _("Say why it is cancelled.")


def create_follow_up(
    *,
    what: str,
    owner: StaffProfile,
    due_on: date,
    incident: Incident | None = None,
    drill_session: TeamDrillSession | None = None,
    actor: StaffProfile,
    now: datetime,
) -> FollowUpAction:
    """An open action for `owner`, from exactly one source at a location the actor manages.
    The owner must be active at that location; the due date not before their today."""
    source = incident or drill_session
    if source is None or (incident is not None and drill_session is not None):
        raise ValueError("A follow-up action comes from one incident or one team drill.")
    location = source.location
    if not managed_locations(actor.user).filter(pk=location.pk).exists():
        raise PermissionDenied(NOT_YOUR_LOCATION)
    refuse_dates_out_of_range(due_on=due_on)
    what = what.strip()
    errors: dict[str, ValidationError] = {}
    if not what:
        errors["what"] = ValidationError(SAY_WHAT)
    works_there = owner.is_active and owner.locations.filter(pk=location.pk).exists()
    if not works_there:
        errors["owner"] = ValidationError(
            OWNER_ELSEWHERE, params={"name": owner.display_name, "location": location.name}
        )
    today = owner.local_date(now)
    if due_on < today:
        errors["due_on"] = ValidationError(DUE_IN_PAST, params={"today": f"{today:%-d %b %Y}"})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        action = FollowUpAction.objects.create(
            what=what[:300],
            owner=owner,
            location=location,
            due_on=due_on,
            incident=incident,
            drill_session=drill_session,
            created_by=actor.user,
            created_at=now,
        )
        record_audit(
            staff=owner,
            action="followup.created",
            summary=f"Follow-up action for {owner.display_name}, due {due_on:%-d %b %Y}: "
            f"{action.what} ({action.source_label}).",
            at=now,
            actor=actor.user,
            data={
                "follow_up": action.pk,
                "incident": incident.pk if incident else None,
                "drill_session": drill_session.pk if drill_session else None,
                "due_on": due_on.isoformat(),
            },
        )
    return action


def _close(*, action, status: str, note: str, actor, now) -> FollowUpAction:
    refuse_long_text(note=note)
    with transaction.atomic():
        # Only the action's row: PostgreSQL refuses FOR UPDATE across the outer joins to its
        # source, and the owner's and source's rows need no lock.
        action = (
            FollowUpAction.objects.select_for_update(of=("self",))
            .select_related("owner__user", "incident", "drill_session")
            .get(pk=action.pk)
        )
        if not action.is_open:
            raise ValidationError(ALREADY_CLOSED, params={"status": action.get_status_display()})
        action.status = status
        action.closed_at = now
        action.closed_by = actor
        action.note = note.strip()
        action.save(update_fields=["status", "closed_at", "closed_by", "note"])
        record_audit(
            staff=action.owner,
            action=f"followup.{status}",
            summary=f"Follow-up action {action.get_status_display().lower()}: {action.what}"
            + (f" ({action.note})" if action.note else "."),
            at=now,
            actor=actor,
            data={"follow_up": action.pk},
        )
    return action


def mark_done(*, action: FollowUpAction, note: str, actor, now: datetime) -> FollowUpAction:
    """Its owner (or a manager of its location) says it is done."""
    if not can_close_follow_up(actor, action):
        raise PermissionDenied(NOT_YOURS)
    return _close(action=action, status=FollowUpStatus.DONE, note=note, actor=actor, now=now)


def cancel(*, action: FollowUpAction, note: str, actor, now: datetime) -> FollowUpAction:
    """A manager of its location cancels it, saying why."""
    if not can_manage_follow_up(actor, action):
        raise PermissionDenied(NOT_YOURS)
    if not note.strip():
        raise ValidationError({"note": NOTE_TO_CANCEL})
    return _close(action=action, status=FollowUpStatus.CANCELLED, note=note, actor=actor, now=now)
