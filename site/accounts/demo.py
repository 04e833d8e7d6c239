"""Two-step login for the demo clinic: the demo logins whose role requires it get an
authenticator with one published secret, so `make run` stays usable without a phone.

The secret is public (README, `manage.py demo_totp`): never seed a real database with it.
"""

from datetime import date

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.selectors import mfa_required
from accounts.services import TOTP_DEVICE_NAME, totp_secret_text

# 20 bytes, hex, as django-otp stores keys; base32 for an app: DEMO_TOTP_SECRET_TEXT.
DEMO_TOTP_KEY = "5265616479526f6f6d2d64656d6f2d6f6e6c7921"  # "ReadyRoom-demo-only!"
DEMO_TOTP_SECRET_TEXT = totp_secret_text(DEMO_TOTP_KEY)


@transaction.atomic
def seed(*, today: date, profiles: dict, publisher) -> None:
    """Give every demo person whose role requires two-step login the demo authenticator
    (no recovery codes: `manage.py demo_totp` prints the current code). Leaves anyone who
    already has an authenticator alone."""
    for profile in profiles.values():
        user = profile.user
        if mfa_required(user) and not TOTPDevice.objects.filter(user=user).exists():
            TOTPDevice.objects.create(
                user=user, name=TOTP_DEVICE_NAME, key=DEMO_TOTP_KEY, confirmed=True
            )


def reset() -> None:
    """Nothing of its own to remove: devices go with the demo users."""
