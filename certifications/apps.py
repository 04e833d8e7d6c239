from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CertificationsConfig(AppConfig):
    name = "certifications"
    verbose_name = "Certifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from certifications.permissions import grant_editor_permissions
        from certifications.schedule import ensure_reminder_schedule
        from certifications.selectors import KIND, certification_rows
        from organisation.compliance import register_provider

        register_provider(KIND, certification_rows)
        from wagtail.permissions import register_permission_policy

        from certifications.models import Reminder
        from certifications.permissions import ReminderLedgerPolicy

        register_permission_policy(Reminder, ReminderLedgerPolicy(Reminder))
        # After django_q's tables exist; idempotent, so every migrate may run it.
        post_migrate.connect(ensure_reminder_schedule, dispatch_uid="certifications-schedule")
        post_migrate.connect(grant_editor_permissions, dispatch_uid="certifications-permissions")
