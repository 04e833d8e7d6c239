from django.apps import AppConfig


class KitsConfig(AppConfig):
    name = "kits"
    verbose_name = "Emergency kits"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from kits.reminders import KIND, kit_reminder_items
        from organisation.location_items import register_location_provider

        # Kits belong to a location, not a person: the reminder sweep asks this provider for
        # the checks falling due and the items about to expire, and tells the location's
        # managers (reminders.planner).
        register_location_provider(KIND, kit_reminder_items)
