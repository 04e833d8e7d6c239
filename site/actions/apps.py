from django.apps import AppConfig


class ActionsConfig(AppConfig):
    """What a manager does about a gap: exempt, assign, nudge, record a card for someone."""

    name = "actions"
    verbose_name = "Manager actions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from actions.assignment_rows import KIND, NAMES, assigned_rows
        from actions.overlay import ExemptionOverlay
        from organisation.compliance import register_overlay, register_provider

        register_overlay("exemptions", ExemptionOverlay())
        register_provider(KIND, assigned_rows, names=NAMES)
