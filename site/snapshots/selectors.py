"""Reads of month-end snapshots, scoped to the locations the viewer manages."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet
from django.http import Http404

from organisation.policies import managed_locations
from snapshots.models import MonthEndSnapshot

NO_SUCH_SNAPSHOT = "No such snapshot."


def snapshots_for_manager(viewer: AbstractBaseUser) -> QuerySet[MonthEndSnapshot]:
    """Snapshots of the locations the viewer manages, newest first, without their PDFs."""
    return (
        MonthEndSnapshot.objects.filter(location__in=managed_locations(viewer).values("pk"))
        .select_related("location")
        .defer("pdf", "matrix")
    )


def snapshot_for_manager(viewer: AbstractBaseUser, pk: int) -> MonthEndSnapshot:
    """One snapshot of a location the viewer manages; the same 404 for missing and not theirs."""
    found = (
        MonthEndSnapshot.objects.filter(pk=pk, location__in=managed_locations(viewer).values("pk"))
        .select_related("location")
        .first()
    )
    if found is None:
        raise Http404(NO_SUCH_SNAPSHOT)
    return found
