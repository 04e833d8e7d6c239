"""Writes for clearances: the roster gate's API tokens (clearances themselves are written in
the Wagtail admin, through the medical director's approval)."""

from collections.abc import Sequence
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from clearances.models import GateToken, hash_token, new_token_secret
from organisation.models import Location

NO_LOCATIONS = "A token must be scoped to at least one location."
ALREADY_REVOKED = "This token was already revoked."


@transaction.atomic
def create_gate_token(
    *,
    name: str,
    locations: Sequence[Location],
    now: datetime,
    created_by: AbstractBaseUser | None = None,
) -> tuple[GateToken, str]:
    """A new token for `locations` (one clinic's), and its secret: the only time the secret
    exists outside the caller, since only its hash is stored. Logged in Wagtail's history."""
    if not locations:
        raise ValidationError(NO_LOCATIONS)
    secret = new_token_secret()
    token = GateToken.objects.create(
        name=name.strip() or "API token",
        key_hash=hash_token(secret),
        prefix=secret[:8],
        created_at=now,
        created_by=created_by,
    )
    token.locations.set(locations)
    slugs = [location.slug for location in locations]
    log(token, "wagtail.create", user=created_by, data={"locations": slugs})
    return token, secret


@transaction.atomic
def revoke_gate_token(
    *, token: GateToken, now: datetime, revoked_by: AbstractBaseUser | None = None
) -> GateToken:
    """Stop a token working at once; the row stays, for the record."""
    token = GateToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ValidationError(ALREADY_REVOKED)
    token.revoked_at = now
    token.save(update_fields=["revoked_at"])
    log(token, "wagtail.edit", user=revoked_by, data={"revoked": now.isoformat()})
    return token
