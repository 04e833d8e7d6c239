"""Who may edit certification types, requirements and the reminder policy in Wagtail admin."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies.base import BasePermissionPolicy

from organisation import groups

# Educators and medical directors author requirements; only they (and superusers) reach admin.
EDITORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
EDITABLE = {
    "certificationtype": ("add", "change", "delete", "view"),
    "certificationrequirement": ("add", "change", "delete", "view"),
    "reminderpolicy": ("change",),
}
# The reminder ledger names every person's overdue items across all locations, so only
# superusers see it in admin; managers see their own locations' problems on their page.


def grant_editor_permissions(**kwargs) -> None:
    """Idempotent: run after every migrate."""
    wanted = [f"{action}_{model}" for model, actions in EDITABLE.items() for action in actions]
    groups.grant_permissions(app_label="certifications", codenames=wanted, to=EDITORS)


class ReminderLedgerPolicy(BasePermissionPolicy):
    """The ledger is the record of what was sent: superusers may read it, nobody edits it."""

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
