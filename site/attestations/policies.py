"""Whose attestations a manager sees: built on organisation.policies.

A person signs only their own (the selectors look a request up by its owner, and the service
checks it again). A manager sees the active staff of the locations they manage (a regional
manager's too, every location for a superuser), never another location's.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from organisation.models import StaffProfile
from organisation.policies import managed_locations
from organisation.selectors import active_staff_at


def attesting_staff(viewer: AbstractBaseUser) -> QuerySet[StaffProfile]:
    """The people whose attestations `viewer` follows as a manager."""
    return active_staff_at(managed_locations(viewer))
