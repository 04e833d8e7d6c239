from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Record audits"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from audits.approval import grant_author_permissions, put_checklists_under_approval

        post_migrate.connect(grant_author_permissions, dispatch_uid="audits-permissions")
        post_migrate.connect(
            put_checklists_under_approval, sender=self, dispatch_uid="audits-approval"
        )
