from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CertificationsConfig(AppConfig):
    name = "certifications"
    verbose_name = "Certifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from certifications.permissions import grant_editor_permissions
        from certifications.selectors import (
            KIND,
            NAMES,
            certification_rows,
            certification_standings,
        )
        from organisation.compliance import register_provider

        register_provider(KIND, certification_rows, standings=certification_standings, names=NAMES)
        post_migrate.connect(grant_editor_permissions, dispatch_uid="certifications-permissions")
