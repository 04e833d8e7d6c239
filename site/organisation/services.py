"""Writes to the organisation: each a function that checks, writes in a transaction, returns."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group
from django.db import transaction

from organisation import groups
from organisation.models import AuditEntry, JobRole, Location, StaffProfile
from organisation.roster import RosterEntry, check_roster


class RosterInvalid(Exception):
    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class RosterResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)
    dry_run: bool = False


class _DryRunRollback(Exception):
    pass


def import_roster(
    *,
    lines: Iterable[str],
    now: datetime,
    deactivate_missing: bool = False,
    dry_run: bool = False,
) -> RosterResult:
    """Bring staff in line with a roster file: all rows or none.

    Raises RosterInvalid, writing nothing, when any row is bad. A row whose person exists
    (matched by email) updates them only where something differs; people absent from the file
    are deactivated only when `deactivate_missing` is set. A dry run reports the same result
    and rolls back.
    """
    roles = {r.slug: r for r in JobRole.objects.all()}
    locations = {loc.slug: loc for loc in Location.objects.all()}
    check = check_roster(lines, known_roles=set(roles), known_locations=set(locations))
    if not check.ok:
        raise RosterInvalid(check.errors)

    result = RosterResult(dry_run=dry_run)
    try:
        with transaction.atomic():
            staff_group, _ = Group.objects.get_or_create(name=groups.STAFF)
            for entry in check.entries:
                outcome = _apply_entry(entry, roles, locations, staff_group)
                getattr(result, outcome).append(entry.email)
            if deactivate_missing:
                result.deactivated = _deactivate_absent({e.email for e in check.entries}, now=now)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return result


def _apply_entry(
    entry: RosterEntry,
    roles: dict[str, JobRole],
    locations: dict[str, Location],
    staff_group: Group,
) -> str:
    User = get_user_model()
    user = User.objects.filter(email__iexact=entry.email).first()
    created = user is None
    if created:
        user = User(username=entry.email, email=entry.email)
        user.set_unusable_password()  # they choose one through "forgot password"
    changed = created
    for attr, value in (("first_name", entry.first_name), ("last_name", entry.last_name)):
        if getattr(user, attr) != value:
            setattr(user, attr, value)
            changed = True
    if not user.is_active:
        user.is_active = True
        changed = True
    if changed:
        user.save()
    user.groups.add(staff_group)

    profile, profile_created = StaffProfile.objects.get_or_create(user=user)
    home = locations[entry.location_slugs[0]]
    fields_changed = False
    if profile.home_location_id != home.pk:
        profile.home_location = home
        fields_changed = True
    if profile.hire_date != entry.hire_date:
        profile.hire_date = entry.hire_date
        fields_changed = True
    if not profile.is_active:
        profile.is_active = True
        fields_changed = True
    if fields_changed:
        profile.save()

    wanted_roles = {roles[s].pk for s in entry.role_slugs}
    if set(profile.roles.values_list("pk", flat=True)) != wanted_roles:
        profile.roles.set(wanted_roles)
        fields_changed = True
    wanted_locations = {locations[s].pk for s in entry.location_slugs}
    if set(profile.locations.values_list("pk", flat=True)) != wanted_locations:
        profile.locations.set(wanted_locations)
        fields_changed = True

    if created or profile_created:
        return "created"
    return "updated" if changed or fields_changed else "unchanged"


def _deactivate_absent(present_emails: set[str], *, now: datetime) -> list[str]:
    absent = (
        StaffProfile.objects.filter(is_active=True)
        .select_related("user")
        .exclude(user__email__in=present_emails)
        .exclude(user__is_superuser=True)
    )
    deactivated = []
    for profile in absent:
        deactivate_staff(profile=profile, actor=None, now=now, reason="absent from the roster")
        deactivated.append(profile.user.email or profile.user.get_username())
    return deactivated


def deactivate_staff(
    *,
    profile: StaffProfile,
    actor: AbstractBaseUser | None = None,
    now: datetime,
    reason: str = "",
) -> StaffProfile:
    """Mark someone as having left: no login, no reminders, records and audit trail kept.

    This, not deletion, is how a person leaves: their audit trail protects them from delete.
    Writes a `staff.deactivated` audit entry; does nothing (and writes nothing) when the
    person is already inactive.
    """
    with transaction.atomic():
        profile = StaffProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
        if not profile.is_active and not profile.user.is_active:
            return profile
        profile.is_active = False
        profile.save(update_fields=["is_active"])
        profile.user.is_active = False
        profile.user.save(update_fields=["is_active"])
        record_audit(
            staff=profile,
            action="staff.deactivated",
            summary=f"{profile.display_name} deactivated" + (f": {reason}" if reason else "."),
            at=now,
            actor=actor,
            data={"reason": reason} if reason else {},
        )
    return profile


def record_audit(
    *,
    staff: StaffProfile,
    action: str,
    summary: str,
    at: datetime,
    actor: AbstractBaseUser | None = None,
    data: dict | None = None,
) -> AuditEntry:
    """Append one entry to `staff`'s audit trail. Call it inside the change's transaction."""
    return AuditEntry.objects.create(
        staff=staff,
        action=action,
        summary=summary[:300],
        at=at,
        actor=actor if actor is not None and actor.is_authenticated else None,
        data=data or {},
    )
