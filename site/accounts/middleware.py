"""The second factor, enforced for every page after the password."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.views import LogoutView
from django.http import HttpResponseRedirect
from django.urls import reverse

from accounts.selectors import viewer_of


def _is_open(request, view_func) -> bool:
    """Views a person may reach between password and code: those open to everyone
    (@login_not_required: login, password reset, the calendar feed, certificate
    verification), logout, the MFA pages, and static files."""
    if getattr(view_func, "login_required", True) is False:
        return True
    if getattr(view_func, "mfa_exempt", False):
        return True
    view_class = getattr(view_func, "view_class", None)
    if view_class is not None and issubclass(view_class, LogoutView):
        return True
    return request.path.startswith(settings.STATIC_URL)


class SecondFactorMiddleware:
    """Install after LoginRequiredMiddleware and django-otp's OTPMiddleware.

    A logged-in person with an authenticator app gives a code before any other page (site and
    Wagtail admin alike); one whose role requires two-step login (selectors.mfa_required) and
    who has no app is sent to set it up. Staff without an app pass. With
    READYROOM_MFA_REQUIRED off, nobody is asked (the test suite, which logs in with
    force_login)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not settings.READYROOM_MFA_REQUIRED:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified() or _is_open(request, view_func):
            return None
        viewer = viewer_of(request)
        if viewer.has_mfa:
            target = "accounts:mfa_verify"
        elif viewer.mfa_required:
            target = "accounts:mfa_setup"
        else:
            return None
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse(target)}?{query}")
