"""Who may see and act on which follow-up action, built on organisation.policies.

Managers of the action's location (a regional manager's too) see it, add it and close it;
its owner sees it on their own page and marks it done. A queryset filter and an object check
for each."""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from followups.models import FollowUpAction
from organisation.policies import managed_locations


def managed_follow_ups(
    viewer: AbstractBaseUser, actions: QuerySet[FollowUpAction]
) -> QuerySet[FollowUpAction]:
    return actions.filter(location__in=managed_locations(viewer).values("pk"))


def owned_follow_ups(
    viewer: AbstractBaseUser, actions: QuerySet[FollowUpAction]
) -> QuerySet[FollowUpAction]:
    if not viewer.is_authenticated:
        return actions.none()
    return actions.filter(owner__user=viewer)


def can_manage_follow_up(viewer: AbstractBaseUser, action: FollowUpAction) -> bool:
    return managed_locations(viewer).filter(pk=action.location_id).exists()


def can_close_follow_up(viewer: AbstractBaseUser, action: FollowUpAction) -> bool:
    """Its owner marks it done; a manager of its location may too."""
    return action.owner.user_id == viewer.pk or can_manage_follow_up(viewer, action)
