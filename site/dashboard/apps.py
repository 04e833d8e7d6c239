from django.apps import AppConfig


class DashboardConfig(AppConfig):
    """The manager's dashboard: compliance over the locations a manager manages."""

    name = "dashboard"
    verbose_name = "Dashboard"
    default_auto_field = "django.db.models.BigAutoField"
