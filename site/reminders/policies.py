"""Who may see and edit reminder rows and the policy."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from organisation import groups
from organisation.policies import managed_locations
from reminders.models import Reminder

# Educators and medical directors set the policy; only they (and superusers) reach admin.
EDITORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)


def grant_editor_permissions(**kwargs) -> None:
    """Idempotent: run after every migrate."""
    groups.grant_permissions(app_label="reminders", codenames=["change_reminderpolicy"], to=EDITORS)


def reminders_visible_to(viewer: AbstractBaseUser) -> QuerySet[Reminder]:
    """Rows about people at the locations the viewer manages, and about those locations' own
    items (a kit's check); all such rows for a superuser."""
    managed = managed_locations(viewer).values("pk")
    return Reminder.objects.filter(
        Q(subject__locations__in=managed) | Q(location__in=managed)
    ).distinct()


class ReminderLedgerPolicy(BasePermissionPolicy):
    """The ledger is the record of what was sent: superusers may read it, nobody edits it.

    It names every person's overdue items across all locations, so no group reads it in admin;
    managers see their own locations' problems on their pages.
    """

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.is_superuser

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return get_user_model().objects.filter(is_active=True, is_superuser=True)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
