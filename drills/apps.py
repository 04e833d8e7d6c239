from django.apps import AppConfig


class DrillsConfig(AppConfig):
    name = "drills"
    verbose_name = "Drills"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from drills.compliance import KIND, NAMES, drill_rows, drill_standings
        from drills.permissions import grant_editor_permissions
        from organisation.compliance import register_provider

        register_provider(KIND, drill_rows, standings=drill_standings, names=NAMES)
        post_migrate.connect(grant_editor_permissions, dispatch_uid="drills-permissions")
