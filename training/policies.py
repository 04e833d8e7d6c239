"""Who may see which quiz attempts: built on organisation.policies, written once here.

An attempt in progress and a certificate are their owner's alone (a manager reads results on
the staff record and in the figures, never someone's open quiz); results for figures and
records are the people the viewer may see.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from organisation.policies import about_visible_staff


def own_attempts(viewer: AbstractBaseUser, attempts: QuerySet) -> QuerySet:
    """`attempts` that are the viewer's own."""
    return attempts.filter(staff__user=viewer) if viewer.is_authenticated else attempts.none()


def visible_attempts(viewer: AbstractBaseUser, attempts: QuerySet) -> QuerySet:
    """`attempts` of people the viewer may see (themselves, their locations' staff)."""
    return about_visible_staff(viewer, attempts)
