"""Reads about the organisation, always scoped by who is asking."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404

from organisation.models import PREFETCHED_LOCATIONS, PREFETCHED_ROLES, Location, StaffProfile


def profile_of(user: AbstractBaseUser) -> StaffProfile | None:
    """The user's own staff profile, or None (an anonymous user, or an admin without one)."""
    if not user.is_authenticated:
        return None
    return StaffProfile.objects.select_related("user", "home_location").filter(user=user).first()


def managed_locations(user: AbstractBaseUser) -> QuerySet[Location]:
    """The locations whose staff `user` manages: all of them for a superuser."""
    if not user.is_authenticated:
        return Location.objects.none()
    if user.is_superuser:
        return Location.objects.all()
    return Location.objects.filter(managers__user=user)


def is_manager(user: AbstractBaseUser) -> bool:
    """True when the user manages at least one location (or is a superuser)."""
    return managed_locations(user).exists()


def visible_staff(user: AbstractBaseUser) -> QuerySet[StaffProfile]:
    """Every staff profile `user` may see: their own, and the staff of locations they manage.

    This is the one rule of who sees whom; every view that shows a person goes through it.
    """
    if not user.is_authenticated:
        return StaffProfile.objects.none()
    if user.is_superuser:
        return StaffProfile.objects.all()
    managed = Location.objects.filter(managers__user=user).values("pk")
    return StaffProfile.objects.filter(Q(user=user) | Q(locations__in=managed)).distinct()


def can_view_staff(user: AbstractBaseUser, profile: StaffProfile) -> bool:
    """The per-object form of `visible_staff`."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or profile.user_id == user.pk:
        return True
    return profile.locations.filter(managers__user=user).exists()


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
