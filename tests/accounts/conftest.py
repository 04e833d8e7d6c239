from binascii import unhexlify

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisation import groups
from tests.factories import ManagerFactory, StaffProfileFactory, UserFactory


def current_code(key: str) -> str:
    """What an authenticator app holding `key` shows now."""
    return f"{TOTP(unhexlify(key)).token():06d}"


def wrong_code(key: str) -> str:
    right = int(current_code(key))
    return f"{(right + 500_000) % 1_000_000:06d}"


@pytest.fixture
def mfa_on(settings):
    settings.READYROOM_MFA_REQUIRED = True


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def manager(db):
    return ManagerFactory(user__username="maria").user


@pytest.fixture
def staff(db):
    return StaffProfileFactory(user__username="sam", user__email="sam@clinic.test").user


@pytest.fixture
def educator(db):
    return StaffProfileFactory(
        user=UserFactory(username="evan", groups=[groups.STAFF, groups.EDUCATORS])
    ).user


def give_authenticator(user) -> TOTPDevice:
    """An authenticator set up earlier (no code used yet, so the current one is accepted)."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
