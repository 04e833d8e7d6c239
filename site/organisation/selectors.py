"""Reads about the organisation, always scoped by who is asking (organisation.policies)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from organisation.models import PREFETCHED_LOCATIONS, PREFETCHED_ROLES, Location, StaffProfile
from organisation.policies import is_manager, managed_locations, visible_staff  # noqa: F401 - is_manager: callers moving to organisation.policies


def profile_of(user: AbstractBaseUser) -> StaffProfile | None:
    """The user's own staff profile, or None (an anonymous user, or an admin without one)."""
    if not user.is_authenticated:
        return None
    return StaffProfile.objects.select_related("user", "home_location").filter(user=user).first()


def staff_for_viewer(user: AbstractBaseUser, pk: int) -> StaffProfile:
    """One staff profile the viewer may see; the same 404 whether missing or not theirs."""
    profile = visible_staff(user).select_related("user", "home_location").filter(pk=pk).first()
    if profile is None:
        raise Http404("No such staff member.")
    return profile


def staff_at_locations(locations: QuerySet[Location]) -> QuerySet[StaffProfile]:
    """Active staff working at any of `locations`, with what compliance needs prefetched."""
    return (
        StaffProfile.objects.filter(is_active=True, locations__in=locations)
        .distinct()
        .select_related("user", "home_location")
        .prefetch_related(
            Prefetch("roles", to_attr=PREFETCHED_ROLES),
            Prefetch("locations", to_attr=PREFETCHED_LOCATIONS),
        )
    )


def managed_staff_for_viewer(user: AbstractBaseUser, pk: int) -> StaffProfile:
    """A staff member at one of the locations `user` manages; 404 otherwise (even for self).

    Manager pages use this rather than `staff_for_viewer`, which also admits the viewer's own
    profile: a manager's own record is reviewed by their own manager.
    """
    profile = (
        StaffProfile.objects.filter(locations__in=managed_locations(user))
        .select_related("user", "home_location")
        .prefetch_related("roles", "locations")
        .filter(pk=pk)
        .first()
    )
    if profile is None:
        raise Http404("No such staff member.")
    return profile
