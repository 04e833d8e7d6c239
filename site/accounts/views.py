"""Login pages ReadyRoom adds to Django's: the second factor, password reset by the worker,
the lockout answer, and the hand-over from Wagtail's admin login."""

from urllib.parse import urlencode

import django_otp
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_q.tasks import async_task

from accounts import services
from accounts.forms import CodeForm, SetupCodeForm
from accounts.qr import qr_svg
from accounts.selectors import has_mfa, mfa_required, recovery_codes_left, totp_device_of

PENDING_KEY_SESSION = "accounts.pending_totp_key"
MFA_TURNED_OFF = _("Two-step login is off for your account.")


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return str(
        _(
            "Too many failed logins for this username from your network: logging in is "
            "paused for %(minutes)d minutes. If you have forgotten your password, reset it "
            "below; an administrator can also unlock your account."
        )
        % {"minutes": minutes}
    )


def mfa_exempt(view):
    """Mark a view reachable before the second factor is given (SecondFactorMiddleware)."""
    view.mfa_exempt = True
    return view


def _next_url(request: HttpRequest, default: str = "/") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': next_url})}"


@mfa_exempt
def verify(request: HttpRequest) -> HttpResponse:
    """Ask for a code from the authenticator app (or a recovery code) after the password."""
    next_url = _next_url(request)
    if request.user.is_verified():
        return HttpResponseRedirect(next_url)
    if not has_mfa(request.user):
        return HttpResponseRedirect(_with_next("accounts:mfa_setup", next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.verify_second_factor(
                user=request.user, code=form.cleaned_data["code"], now=timezone.now()
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            django_otp.login(request, device)
            return HttpResponseRedirect(next_url)
    return render(request, "accounts/mfa_verify.html", {"form": form, "next": next_url})


@mfa_exempt
def setup(request: HttpRequest) -> HttpResponse:
    """Show a new secret (QR code and text), confirm it with a code, then show the recovery
    codes once. The secret waits in the session until confirmed, so a GET writes no rows."""
    next_url = _next_url(request)
    if has_mfa(request.user):
        if request.user.is_verified():
            return redirect("accounts:mfa_settings")
        return HttpResponseRedirect(_with_next("accounts:mfa_verify", next_url))
    key = request.session.get(PENDING_KEY_SESSION)
    if not key:
        key = request.session[PENDING_KEY_SESSION] = services.new_totp_key()
    form = SetupCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.confirm_totp_setup(
                user=request.user, key=key, code=form.cleaned_data["code"], now=timezone.now()
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            del request.session[PENDING_KEY_SESSION]
            django_otp.login(request, device)
            return render(
                request, "accounts/recovery_codes.html", {"codes": codes, "next": next_url}
            )
    uri = services.totp_uri(key=key, username=request.user.get_username())
    context = {
        "form": form,
        "next": next_url,
        "required": mfa_required(request.user),
        "qr": qr_svg(uri, label=str(_("QR code for your authenticator app"))),
        "secret": services.totp_secret_text(key),
    }
    return render(request, "accounts/mfa_setup.html", context)


def mfa_settings(request: HttpRequest) -> HttpResponse:
    """Two-step login for one's own account: whether it is on, recovery codes left."""
    user = request.user
    context = {
        "device": totp_device_of(user),
        "codes_left": recovery_codes_left(user),
        "required": mfa_required(user),
    }
    return render(request, "accounts/mfa_settings.html", context)


@require_POST
def renew_recovery_codes(request: HttpRequest) -> HttpResponse:
    try:
        codes = services.renew_recovery_codes(user=request.user, now=timezone.now())
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("accounts:mfa_settings")
    return render(
        request,
        "accounts/recovery_codes.html",
        {"codes": codes, "next": reverse("accounts:mfa_settings")},
    )


@require_POST
def turn_off(request: HttpRequest) -> HttpResponse:
    try:
        services.turn_off_mfa(user=request.user, now=timezone.now())
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, MFA_TURNED_OFF)
    return redirect("accounts:mfa_settings")


class PasswordResetView(auth_views.PasswordResetView):
    """Queues the mail for the worker and answers at once: the same page, in the same time,
    for any address (no account lookup in the request)."""

    def form_valid(self, form):
        # save=False: django-q2 keeps no copy of the address in its task results.
        async_task("accounts.tasks.send_password_reset", form.cleaned_data["email"], save=False)
        return HttpResponseRedirect(self.get_success_url())


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes' answer to a locked-out login: the login page, with why, status 429."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = AuthenticationForm(request, initial={"username": username})
    context = {"form": form, "lockout_message": lockout_message(), "next": _next_url(request)}
    return render(request, "registration/login.html", context, status=429)


@login_not_required
def admin_login(request: HttpRequest) -> HttpResponse:
    """Wagtail's /admin/login/ hands over to the site's one login, keeping `next`."""
    return HttpResponseRedirect(_with_next("login", _next_url(request, default="/admin/")))
