from django.apps import AppConfig


class ActionsConfig(AppConfig):
    """What a manager does about a gap: exempt, assign, nudge, record a card for someone."""

    name = "actions"
    verbose_name = "Manager actions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from actions.overlay import ExemptionOverlay
        from organisation.compliance import register_overlay

        register_overlay("exemptions", ExemptionOverlay())
