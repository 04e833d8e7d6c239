"""View guards shared by every app's manager pages."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from organisation.models import StaffProfile
from organisation.selectors import is_manager, profile_of


def manager_required(view):
    """403 for anyone who manages no location. Object access is still each view's selector's."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_manager(request.user):
            raise PermissionDenied("Only managers can open this page.")
        return view(request, *args, **kwargs)

    return guarded


def acting_profile(request, reason: str) -> StaffProfile:
    """The signed-in person's staff profile; 403 with `reason` for accounts that have none."""
    profile = profile_of(request.user)
    if profile is None:
        raise PermissionDenied(reason)
    return profile
