"""What the append-only audit trail means for deleting people.

A person named by an audit entry, as the one it concerns or the one who acted, cannot be
deleted (both keys PROTECT): they are deactivated instead. These helpers let the admin say so
before Django's ProtectedError would.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisation.models import AuditEntry, StaffProfile

HAS_AUDIT_HISTORY = _(
    "%(name)s has an audit trail, which is kept for inspections, so they cannot be deleted. "
    "Untick “Active” on their staff profile to deactivate them instead: they can no longer "
    "log in or receive reminders, and their records stay."
)


def user_named_in_audit(user: AbstractBaseUser) -> bool:
    """Whether any audit entry concerns this user's staff profile or names them as actor."""
    return AuditEntry.objects.filter(Q(staff__user=user) | Q(actor=user)).exists()


def profile_named_in_audit(profile: StaffProfile) -> bool:
    return user_named_in_audit(profile.user)
