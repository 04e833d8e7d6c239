from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AuditsConfig(AppConfig):
    name = "audits"
    verbose_name = "Record audits"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from audits.checklists import grant_author_permissions

        post_migrate.connect(grant_author_permissions, dispatch_uid="audits-permissions")
