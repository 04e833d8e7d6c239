"""Who may see and act on which audit round: built on organisation.policies.

A round belongs to its location: the location's managers (a regional manager's too) see it,
score its records, complete it and set retraining from it. A filter and a per-object check.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from audits.models import AuditRound
from organisation.policies import managed_locations


def managed_rounds(viewer: AbstractBaseUser, rounds: QuerySet[AuditRound]) -> QuerySet[AuditRound]:
    """`rounds` at the locations the viewer manages."""
    return rounds.filter(location__in=managed_locations(viewer).values("pk"))


def can_manage_round(viewer: AbstractBaseUser, audit_round: AuditRound) -> bool:
    return managed_locations(viewer).filter(pk=audit_round.location_id).exists()
