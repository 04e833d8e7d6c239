from django.apps import AppConfig
from django.db.models.signals import post_migrate


class OrganisationConfig(AppConfig):
    """Locations, job roles, staff, who manages whom, and the compliance row shape."""

    name = "organisation"
    verbose_name = "Organisation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from organisation.groups import ensure_groups, grant_clinic_settings

        # After every migrate (also the test database's), so the groups always exist.
        post_migrate.connect(ensure_groups, dispatch_uid="organisation.ensure_groups")
        post_migrate.connect(grant_clinic_settings, dispatch_uid="organisation.clinic_settings")
