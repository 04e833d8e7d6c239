"""Writes about logging in: the second factor (TOTP and recovery codes) and password reset mail."""

import re
from base64 import b32encode
from binascii import unhexlify
from datetime import datetime, timedelta
from urllib.parse import quote, urlencode, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from accounts.models import PasswordResetMail
from accounts.selectors import mfa_required
from organisation.links import absolute_url
from organisation.selectors import profile_of
from organisation.services import record_audit

WRONG_CODE = _("That code is not right. Try the newest code from your app, or a recovery code.")
THROTTLED = _("Too many wrong codes in a row. Wait a minute, then try again.")
ALREADY_SET_UP = _("Two-step login is already set up for this account.")
NOT_SET_UP = _("Two-step login is not set up for this account.")
REQUIRED_FOR_ROLE = _("Your role requires two-step login, so it cannot be turned off.")

TOTP_ISSUER = "ReadyRoom"
TOTP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10
# One step either side of now, as django-otp's TOTPDevice allows: phones drift.
TOTP_TOLERANCE = 1
RESET_MAILS_PER_HOUR = 3


def new_totp_key() -> str:
    """A fresh 160-bit TOTP secret, hex encoded as django-otp stores it."""
    return random_hex(20)


def totp_secret_text(key: str) -> str:
    """The secret as an authenticator app asks for it when typed: base32, no padding."""
    return b32encode(unhexlify(key)).decode().rstrip("=")


def totp_uri(*, key: str, username: str) -> str:
    """The otpauth:// address a QR code carries to the authenticator app."""
    label = quote(f"{TOTP_ISSUER}:{username}")
    query = urlencode(
        {"secret": totp_secret_text(key), "issuer": TOTP_ISSUER, "digits": 6, "period": 30}
    )
    return f"otpauth://totp/{label}?{query}"


def _normalise(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").lower()


def _audit(*, user: AbstractBaseUser, action: str, summary: str, at: datetime) -> None:
    profile = profile_of(user)
    if profile is not None:
        record_audit(staff=profile, action=action, summary=summary, at=at, actor=user)


def _replace_recovery_codes(user: AbstractBaseUser) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def confirm_totp_setup(
    *, user: AbstractBaseUser, key: str, code: str, now: datetime
) -> tuple[TOTPDevice, list[str]]:
    """Turn on two-step login with the authenticator app holding `key`, once `code` proves the
    app has it. Returns the device and ten new recovery codes, which are shown once.

    Raises ValidationError(WRONG_CODE) for a wrong code and ValidationError(ALREADY_SET_UP)
    when the user already has an app (a stolen password cannot add a second one)."""
    code = _normalise(code)
    totp = TOTP(unhexlify(key), step=30, t0=0, digits=6, drift=0)
    totp.time = now.timestamp()
    if not (code.isdigit() and len(code) == 6 and totp.verify(int(code), TOTP_TOLERANCE)):
        raise ValidationError(WRONG_CODE, code="wrong_code")
    with transaction.atomic():
        # The user's row serialises two setups racing for the same account.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            raise ValidationError(ALREADY_SET_UP, code="already_set_up")
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(
            user=user,
            name=TOTP_DEVICE_NAME,
            key=key,
            confirmed=True,
            tolerance=TOTP_TOLERANCE,
            drift=totp.drift,
            # The code just used cannot be used again to log in.
            last_t=totp.t(),
        )
        codes = _replace_recovery_codes(user)
        _audit(user=user, action="mfa.enabled", summary="Turned on two-step login", at=now)
    return device, codes


def verify_second_factor(*, user: AbstractBaseUser, code: str, now: datetime) -> Device:
    """Check a code from the authenticator app (six digits) or a recovery code (which then
    stops working). Returns the device that accepted it, for django_otp.login().

    django-otp reads the clock itself for TOTP; `now` dates the audit entry. Wrong codes slow
    the device down (django-otp's throttling doubles the wait after each failure).
    Raises ValidationError with WRONG_CODE, THROTTLED or NOT_SET_UP."""
    code = _normalise(code)
    is_totp = code.isdigit() and len(code) == 6
    model = TOTPDevice if is_totp else StaticDevice
    with transaction.atomic():
        device = model.objects.select_for_update().filter(user=user, confirmed=True).first()
        if device is None:
            error = NOT_SET_UP if is_totp else WRONG_CODE
            accepted = False
        elif not device.verify_is_allowed()[0]:
            error, accepted = THROTTLED, False
        else:
            # A failure's throttle count is committed too: the error is raised after the block.
            accepted = device.verify_token(code)
            error = WRONG_CODE
        if accepted and not is_totp:
            left = device.token_set.count()
            _audit(
                user=user,
                action="mfa.recovery_code_used",
                summary=f"Logged in with a recovery code; {left} left",
                at=now,
            )
    if not accepted:
        raise ValidationError(error, code="refused")
    return device


def renew_recovery_codes(*, user: AbstractBaseUser, now: datetime) -> list[str]:
    """Replace the user's recovery codes with ten new ones (the old ones stop working)."""
    with transaction.atomic():
        if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            raise ValidationError(NOT_SET_UP, code="not_set_up")
        codes = _replace_recovery_codes(user)
        _audit(user=user, action="mfa.recovery_codes_renewed", summary="New recovery codes", at=now)
    return codes


def turn_off_mfa(*, user: AbstractBaseUser, now: datetime) -> None:
    """Remove the user's authenticator app and recovery codes. Raises ValidationError with
    REQUIRED_FOR_ROLE for the roles that must use two-step login, NOT_SET_UP when there is
    nothing to turn off."""
    if mfa_required(user):
        raise ValidationError(REQUIRED_FOR_ROLE, code="required")
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        StaticDevice.objects.filter(user=user).delete()
        if not removed:
            raise ValidationError(NOT_SET_UP, code="not_set_up")
        _audit(user=user, action="mfa.disabled", summary="Turned off two-step login", at=now)


def reset_mfa(*, user: AbstractBaseUser, now: datetime) -> bool:
    """An administrator's reset for someone who lost their phone and recovery codes: remove
    the app and codes whatever the role (a required role sets it up again at next login).
    Returns False when there was nothing to remove."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        removed += StaticDevice.objects.filter(user=user).delete()[0]
        if removed:
            _audit(user=user, action="mfa.reset", summary="Two-step login reset", at=now)
    return bool(removed)


def send_password_reset(*, email: str, now: datetime) -> int:
    """Mail a reset link to each active account with this address, unless the address has had
    RESET_MAILS_PER_HOUR mails in the hour before `now`. Returns how many mails went out (0
    for an unknown address or one over the cap).

    Runs in the worker, so the request that asked answers the same for any address. The
    claim is committed before the mail is sent (no SMTP inside a transaction): a failed send
    still counts against the cap."""
    form = PasswordResetForm(data={"email": email})
    if not form.is_valid():
        return 0
    address = form.cleaned_data["email"].strip().lower()
    with transaction.atomic():
        users = list(form.get_users(address))
        if not users:
            return 0
        # Locking the accounts serialises two workers claiming for the same address.
        list(get_user_model().objects.select_for_update().filter(pk__in=[u.pk for u in users]))
        PasswordResetMail.objects.filter(sent_at__lt=now - timedelta(days=1)).delete()
        recent = PasswordResetMail.objects.filter(
            email=address, sent_at__gt=now - timedelta(hours=1)
        ).count()
        if recent >= RESET_MAILS_PER_HOUR:
            return 0
        PasswordResetMail.objects.create(email=address, sent_at=now)
    site = urlsplit(absolute_url("/"))
    form.save(domain_override=site.netloc, use_https=site.scheme == "https")
    return len(users)
