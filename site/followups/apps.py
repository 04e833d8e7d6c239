from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    """Follow-up actions from incidents and team drill debriefs (issue 17, part 7)."""

    name = "followups"
    verbose_name = "Follow-up actions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from followups.reminders import KIND, NAMES, follow_up_rows
        from organisation.compliance import register_provider

        # An open action is its owner's to do by a date, as an assignment is: the home page,
        # the staff record and the reminder sweep read it as a compliance row, so the owner is
        # reminded at each of the policy's stages, once, and their manager when it is overdue.
        register_provider(KIND, follow_up_rows, names=NAMES)
