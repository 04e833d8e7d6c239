"""Reads of incidents, scoped by the viewer (incidents.policies)."""

from collections import Counter
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404

from content.models import ProtocolPage
from incidents.models import Incident, IncidentStatus
from incidents.policies import managed_incidents

NO_SUCH_INCIDENT = "No such incident."
FILTERS = ("open", "closed", "all")


def incidents_for_manager(viewer: AbstractBaseUser, *, status: str = "all") -> QuerySet[Incident]:
    """Incidents at the locations the viewer manages, newest first, with what the list shows
    (three queries however many incidents)."""
    incidents = managed_incidents(viewer, Incident.objects.all())
    if status in (IncidentStatus.OPEN, IncidentStatus.CLOSED):
        incidents = incidents.filter(status=status)
    return incidents.select_related("location").prefetch_related("staff_involved__user")


def incident_for_manager(viewer: AbstractBaseUser, pk: int) -> Incident:
    """One incident at a location the viewer manages; the same 404 for missing and not theirs."""
    incident = (
        managed_incidents(viewer, Incident.objects.filter(pk=pk))
        .select_related("location", "protocol", "recorded_by", "closed_by")
        .prefetch_related("steps", "staff_involved__user")
        .first()
    )
    if incident is None:
        raise Http404(NO_SUCH_INCIDENT)
    return incident


def monthly_counts(viewer: AbstractBaseUser, *, since: date) -> Counter[tuple[date, str, str]]:
    """(first of the month, location name, complication) -> incidents, from `since` on, at the
    viewer's locations: one query."""
    rows = (
        managed_incidents(viewer, Incident.objects.filter(occurred_on__gte=since))
        .annotate(month=TruncMonth("occurred_on"))
        .values("month", "location__name", "complication")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return Counter({(r["month"], r["location__name"], r["complication"]): r["n"] for r in rows})


def published_protocols() -> QuerySet[ProtocolPage]:
    return ProtocolPage.objects.live().order_by("title")
