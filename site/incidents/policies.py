"""Who may see and act on which incident: its location's managers (a regional manager's too),
built on organisation.policies. A queryset filter for lists and a per-object check."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from incidents.models import Incident
from organisation.policies import managed_locations


def managed_incidents(
    viewer: AbstractBaseUser, incidents: QuerySet[Incident]
) -> QuerySet[Incident]:
    """`incidents` at the locations the viewer manages."""
    return incidents.filter(location__in=managed_locations(viewer).values("pk"))


def can_manage_incident(viewer: AbstractBaseUser, incident: Incident) -> bool:
    return managed_locations(viewer).filter(pk=incident.location_id).exists()
