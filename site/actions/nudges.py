"""A manager's nudge: one reminder about one requirement to one person, now, through the
reminders ledger (so the sweep sends it once, in their hours, re-checked at send time)."""

from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from reminders.models import Reminder
from reminders.services import AlreadyInLedger, record_nudge

from actions.exemptions import refuse_unless_manager_of
from organisation.compliance import compliance_rows
from organisation.models import StaffProfile
from organisation.services import record_audit

NOTHING_TO_DO = _("%(label)s needs nothing done (%(status)s): there is nothing to remind about.")
NOT_A_REQUIREMENT = _("That is not one of this person's requirements.")
NO_EMAIL = _("%(name)s has no email address, so a reminder cannot reach them.")
INACTIVE = _("%(name)s is no longer active: they get no reminders.")
ALREADY_NUDGED = _(
    "%(name)s has already been sent a reminder about %(label)s today. One a day is enough: "
    "try again tomorrow."
)


def send_nudge(
    *,
    staff: StaffProfile,
    kind: str,
    requirement_key: str,
    actor: AbstractBaseUser,
    now: datetime,
) -> Reminder:
    """Ask the sweep to remind `staff` about one requirement that needs action, once.

    Refused (ValidationError, nothing written) for a requirement they do not have or that
    needs nothing done, a person without an email address or no longer active, and a second
    nudge about the same item on the person's same date (whoever sends it: the ledger's
    natural key decides, so a double click or two workers make one row). PermissionDenied
    unless the actor manages the person. Writes a `reminder.nudged` audit entry."""
    refuse_unless_manager_of(actor, staff)
    name = staff.display_name
    if not staff.is_active or not staff.user.is_active:
        raise ValidationError(INACTIVE, params={"name": name})
    if not staff.user.email:
        raise ValidationError(NO_EMAIL, params={"name": name})
    row = next(
        (
            r
            for r in compliance_rows(staff=[staff], now=now, kinds=[kind])
            if r.requirement_key == requirement_key
        ),
        None,
    )
    if row is None:
        raise ValidationError({"requirement": NOT_A_REQUIREMENT})
    if not row.needs_action:
        raise ValidationError(
            {
                "requirement": ValidationError(
                    NOTHING_TO_DO, params={"label": row.label, "status": row.status.label}
                )
            }
        )
    on = staff.local_date(now)
    with transaction.atomic():
        try:
            reminder = record_nudge(row=row, person=staff, on=on, now=now)
        except AlreadyInLedger:
            raise ValidationError(
                {
                    "requirement": ValidationError(
                        ALREADY_NUDGED, params={"name": name, "label": row.label}
                    )
                }
            ) from None
        record_audit(
            staff=staff,
            action="reminder.nudged",
            summary=f"Reminder about {row.label} ({row.status.label.lower()}) asked for by "
            f"{actor.get_full_name() or actor.get_username()}.",
            at=now,
            actor=actor,
            data={"reminder": reminder.pk, "kind": kind, "requirement_key": requirement_key},
        )
    return reminder
