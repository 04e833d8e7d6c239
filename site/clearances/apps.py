from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ClearancesConfig(AppConfig):
    name = "clearances"
    verbose_name = "Clearances"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from clearances.approval import grant_author_permissions, put_clearances_under_approval

        post_migrate.connect(grant_author_permissions, dispatch_uid="clearances-permissions")
        post_migrate.connect(
            put_clearances_under_approval, sender=self, dispatch_uid="clearances-approval"
        )
