from django.apps import AppConfig
from django.db.models.signals import post_migrate


class RemindersConfig(AppConfig):
    """Reminders over every app's compliance rows: policy, ledger, sweep, mail, calendar feed."""

    name = "reminders"
    verbose_name = "Reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from reminders import checks  # noqa: F401 - registers the settings checks
        from reminders.models import Reminder
        from reminders.policies import ReminderLedgerPolicy, grant_editor_permissions
        from reminders.schedule import ensure_reminder_schedule

        register_permission_policy(Reminder, ReminderLedgerPolicy(Reminder))
        # After django_q's tables exist; idempotent, so every migrate may run it.
        post_migrate.connect(ensure_reminder_schedule, dispatch_uid="reminders-schedule")
        post_migrate.connect(grant_editor_permissions, dispatch_uid="reminders-permissions")
