from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Logging in: lockouts, password reset sent by the worker, and the second factor (TOTP)."""

    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from axes.models import AccessAttempt
        from wagtail.permissions import register_permission_policy

        from accounts.policies import LockoutPolicy

        register_permission_policy(AccessAttempt, LockoutPolicy(AccessAttempt))
