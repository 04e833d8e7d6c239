"""Who may do what to login lockouts in the Wagtail admin."""

from wagtail.permission_policies.base import ModelPermissionPolicy


class LockoutPolicy(ModelPermissionPolicy):
    """django-axes alone writes lockout rows. People with the model's permissions (superusers)
    may list, inspect and delete them (deleting a row unlocks that username and address), but
    never add or edit one."""

    READ_ONLY_ACTIONS = frozenset({"add", "change", "copy"})

    def user_has_permission(self, user, action):
        if action in self.READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in self.READ_ONLY_ACTIONS]
        )
