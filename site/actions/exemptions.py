"""Writes about exemptions: grant and revoke, each checked, atomic and audited."""

from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from actions.models import Exemption
from organisation.bounds import refuse_dates_out_of_range, refuse_long_text
from organisation.compliance import compliance_rows
from organisation.models import StaffProfile
from organisation.policies import can_manage_staff
from organisation.services import record_audit
from organisation.status import Status

NOT_YOURS = _("You can act only on staff at the locations you manage, never on yourself.")
REASON_NEEDED = _("Say why the person is exempt: an inspector will read it.")
ENDS_IN_PAST = _("The end date cannot be before the person's today (%(today)s).")
NOT_A_REQUIREMENT = _("That is not one of this person's requirements.")
ALREADY_EXEMPT = _(
    "%(name)s already has an exemption from this requirement until %(until)s: revoke it first."
)
ALREADY_REVOKED = _("This exemption has already been revoked.")
REASON_LIMIT = 500


def refuse_unless_manager_of(actor: AbstractBaseUser, profile: StaffProfile) -> None:
    """PermissionDenied unless `actor` manages one of the person's locations (and is not them)."""
    if not can_manage_staff(actor, profile):
        raise PermissionDenied(NOT_YOURS)


def grant_exemption(
    *,
    staff: StaffProfile,
    kind: str,
    requirement_key: str,
    ends_on: date,
    reason: str,
    actor: AbstractBaseUser,
    now: datetime,
) -> Exemption:
    """Excuse `staff` from one of their requirements from their today through `ends_on`.

    Refuses (ValidationError, writing nothing) a blank reason, an end before the person's
    local today, a requirement the person does not have, and a second exemption from the same
    requirement while one is in force or still to end; PermissionDenied unless the actor
    manages the person. Writes an `exemption.granted` audit entry."""
    refuse_unless_manager_of(actor, staff)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": REASON_NEEDED})
    refuse_long_text(limit=REASON_LIMIT, reason=reason)
    refuse_dates_out_of_range(ends_on=ends_on)
    today = staff.local_date(now)
    if ends_on < today:
        raise ValidationError(
            {"ends_on": ValidationError(ENDS_IN_PAST, params={"today": f"{today:%-d %b %Y}"})}
        )
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
    with transaction.atomic():
        # One grant at a time per person: the rule below turns on a date, so no index holds it.
        StaffProfile.objects.select_for_update().filter(pk=staff.pk).first()
        open_one = Exemption.objects.filter(
            staff=staff,
            kind=kind,
            requirement_key=requirement_key,
            revoked_at__isnull=True,
            ends_on__gte=today,
        ).first()
        if open_one is not None:
            raise ValidationError(
                {
                    "requirement": ValidationError(
                        ALREADY_EXEMPT,
                        params={
                            "name": staff.display_name,
                            "until": f"{open_one.ends_on:%-d %b %Y}",
                        },
                    )
                }
            )
        exemption = Exemption.objects.create(
            staff=staff,
            kind=kind,
            requirement_key=requirement_key,
            label=row.label[:200],
            reason=reason,
            starts_on=today,
            ends_on=ends_on,
            granted_by=actor,
            granted_at=now,
        )
        was = row.status if row.status is not Status.EXEMPT else None
        record_audit(
            staff=staff,
            action="exemption.granted",
            summary=f"Exempt from {row.label} until {ends_on:%-d %b %Y}: {reason}",
            at=now,
            actor=actor,
            data={
                "exemption": exemption.pk,
                "kind": kind,
                "requirement_key": requirement_key,
                "ends_on": ends_on.isoformat(),
                "reason": reason,
                "status_before": str(was.value) if was else "",
            },
        )
    return exemption


def revoke_exemption(
    *, exemption: Exemption, actor: AbstractBaseUser, now: datetime, note: str = ""
) -> Exemption:
    """End an exemption now: the requirement is judged as before from this moment. Refuses
    one already revoked; PermissionDenied unless the actor manages the person. Writes an
    `exemption.revoked` audit entry."""
    note = note.strip()
    refuse_long_text(limit=REASON_LIMIT, note=note)
    with transaction.atomic():
        exemption = (
            # Only the exemption's row is locked: the person's home location is an outer join.
            Exemption.objects.select_for_update(of=("self",))
            .select_related("staff__user", "staff__home_location")
            .get(pk=exemption.pk)
        )
        refuse_unless_manager_of(actor, exemption.staff)
        if exemption.revoked_at is not None:
            raise ValidationError(ALREADY_REVOKED)
        exemption.revoked_at = now
        exemption.revoked_by = actor
        exemption.save(update_fields=["revoked_at", "revoked_by"])
        record_audit(
            staff=exemption.staff,
            action="exemption.revoked",
            summary=f"Exemption from {exemption.label} (until {exemption.ends_on:%-d %b %Y}) "
            "revoked" + (f": {note}" if note else "."),
            at=now,
            actor=actor,
            data={"exemption": exemption.pk, "note": note},
        )
    return exemption
