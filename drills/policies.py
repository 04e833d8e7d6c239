"""Who may see which drill runs and team drills: built on organisation.policies.

A run is its owner's to take and read; managers see the runs of the people they may see.
A team drill belongs to the location it was held at: its managers log and read it.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from organisation.policies import about_visible_staff, managed_locations


def own_runs(viewer: AbstractBaseUser, runs: QuerySet) -> QuerySet:
    """`runs` that are the viewer's own."""
    return runs.filter(staff__user=viewer) if viewer.is_authenticated else runs.none()


def visible_runs(viewer: AbstractBaseUser, runs: QuerySet) -> QuerySet:
    """`runs` of people the viewer may see."""
    return about_visible_staff(viewer, runs)


def managed_sessions(viewer: AbstractBaseUser, sessions: QuerySet) -> QuerySet:
    """Team drills held at locations the viewer manages."""
    return sessions.filter(location__in=managed_locations(viewer))
