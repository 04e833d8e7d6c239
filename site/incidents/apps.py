from django.apps import AppConfig


class IncidentsConfig(AppConfig):
    """Complications recorded by a location's manager, reviewed and closed (issue 17, part 1)."""

    name = "incidents"
    verbose_name = "Incidents"
    default_auto_field = "django.db.models.BigAutoField"
