"""Who may see and act on which kit: built on organisation.policies.

A kit belongs to its location. Its managers (a regional manager's too) see it, its log and its
items, add items and replace lots; anyone who works at the location, managers included,
records its weekly check. Each rule is a queryset filter and a per-object check.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from kits.models import EmergencyKit
from organisation.policies import managed_locations


def managed_kits(viewer: AbstractBaseUser, kits: QuerySet[EmergencyKit]) -> QuerySet[EmergencyKit]:
    """`kits` at the locations the viewer manages."""
    return kits.filter(location__in=managed_locations(viewer).values("pk"))


def can_manage_kit(viewer: AbstractBaseUser, kit: EmergencyKit) -> bool:
    return managed_locations(viewer).filter(pk=kit.location_id).exists()


def checkable_kits(
    viewer: AbstractBaseUser, kits: QuerySet[EmergencyKit]
) -> QuerySet[EmergencyKit]:
    """`kits` the viewer may check: at a location they work at or manage."""
    if not viewer.is_authenticated:
        return kits.none()
    if viewer.is_superuser:
        return kits
    return kits.filter(
        Q(location__staff__user=viewer, location__staff__is_active=True)
        | Q(location__in=managed_locations(viewer).values("pk"))
    ).distinct()


def can_check_kit(viewer: AbstractBaseUser, kit: EmergencyKit) -> bool:
    return checkable_kits(viewer, EmergencyKit.objects.filter(pk=kit.pk)).exists()
