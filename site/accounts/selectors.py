"""Reads about a person's login: whether a second factor is required, and what they have."""

from django.contrib.auth.models import AbstractBaseUser
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisation import groups
from organisation.selectors import is_manager

# Members of these groups must use a second factor, as must anyone who manages a location.
MFA_GROUPS = (groups.MANAGERS, groups.EDUCATORS, groups.MEDICAL_DIRECTORS)


def mfa_required(user: AbstractBaseUser) -> bool:
    """True for superusers, managers (by group or by managing a location), regional managers,
    educators and medical directors; False for staff, who may opt in."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=MFA_GROUPS).exists() or is_manager(user)


def totp_device_of(user: AbstractBaseUser) -> TOTPDevice | None:
    """The user's confirmed authenticator (at most one), or None when MFA is not set up."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_mfa(user: AbstractBaseUser) -> bool:
    """True once the user has confirmed an authenticator app."""
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: AbstractBaseUser) -> int:
    """How many unused recovery codes the user holds."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
