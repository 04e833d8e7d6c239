"""View guards shared by every app's manager pages."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from organisation.models import StaffProfile
from organisation.policies import is_manager
from organisation.selectors import profile_of


def manager_required(view):
    """403 for anyone who manages no location. Object access is still each view's selector's."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_manager(request.user):
            raise PermissionDenied("Only managers can open this page.")
        return view(request, *args, **kwargs)

    return guarded


def acting_profile(
    request, reason: str, *, refuse: type[Exception] = PermissionDenied
) -> StaffProfile:
    """The signed-in person's staff profile. Accounts without one (an admin, say) get `refuse`:
    403 where the page is an action only staff take, Http404 for a "my ..." page."""
    profile = profile_of(request.user)
    if profile is None:
        raise refuse(reason)
    return profile
