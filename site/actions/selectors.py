"""Reads about manager actions, scoped by who is asking (organisation.policies)."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from actions.models import Exemption
from organisation.models import StaffProfile
from organisation.policies import managed_staff


def exemptions_in_force(*, staff_ids, on: date) -> dict[tuple[int, str, str], Exemption]:
    """The exemptions in force on `on` for these people, keyed like ComplianceRow.key:
    (staff profile pk, kind, requirement key). One query. `on` is the date judged: the
    caller passes each person's local date (or one date for everyone, as a gate does)."""
    found = Exemption.objects.filter(
        staff_id__in=list(staff_ids),
        revoked_at__isnull=True,
        starts_on__lte=on,
        ends_on__gte=on,
    ).order_by("staff_id", "ends_on")
    return {(e.staff_id, e.kind, e.requirement_key): e for e in found}


def open_exemptions_of(profile: StaffProfile, *, on: date) -> QuerySet[Exemption]:
    """The person's exemptions not revoked and not yet over on `on` (in force, or to start)."""
    return Exemption.objects.filter(staff=profile, revoked_at__isnull=True, ends_on__gte=on)


def exemption_for_manager(viewer: AbstractBaseUser, pk: int) -> Exemption:
    """One exemption about someone the viewer manages; the same 404 when missing or not theirs."""
    exemption = (
        Exemption.objects.filter(staff__in=managed_staff(viewer).values("pk"))
        .select_related("staff__user", "staff__home_location")
        .filter(pk=pk)
        .first()
    )
    if exemption is None:
        raise Http404("No such exemption.")
    return exemption


def staff_to_act_on(viewer: AbstractBaseUser, pk: int) -> StaffProfile:
    """A person the viewer may act on as their manager (organisation.policies.managed_staff):
    404 for anyone else, the viewer included."""
    profile = managed_staff(viewer).select_related("user", "home_location").filter(pk=pk).first()
    if profile is None:
        raise Http404("No such staff member.")
    return profile
