"""Reads about a person's login: whether a second factor is required, and what they have."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisation import groups
from organisation.policies import managed_locations
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


@dataclass(frozen=True)
class SecondFactor:
    has_mfa: bool
    required: bool


def second_factor(user: AbstractBaseUser) -> SecondFactor:
    """`has_mfa` and `mfa_required` together, in one query: the middleware asks on every
    request of a logged-in person, and three queries there were a sixth of a page's."""
    if not user.is_authenticated:
        return SecondFactor(has_mfa=False, required=False)
    has, in_group, manages = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            has=Exists(TOTPDevice.objects.filter(user=user, confirmed=True)),
            in_group=Exists(user.groups.filter(name__in=MFA_GROUPS)),
            manages=Exists(managed_locations(user)),
        )
        .values_list("has", "in_group", "manages")
        .get()
    )
    return SecondFactor(has_mfa=has, required=user.is_superuser or in_group or manages)


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
