"""View guards shared by every app's manager pages."""

from functools import wraps

from django.core.exceptions import PermissionDenied

from organisation.selectors import is_manager


def manager_required(view):
    """403 for anyone who manages no location. Object access is still each view's selector's."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_manager(request.user):
            raise PermissionDenied("Only managers can open this page.")
        return view(request, *args, **kwargs)

    return guarded
