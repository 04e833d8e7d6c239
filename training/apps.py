from django.apps import AppConfig
from django.db.models.signals import post_migrate


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Training"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from organisation.compliance import register_provider
        from training.approval import put_questions_under_approval
        from training.approval_mail import hold_wagtail_workflow_mail_in_bulk
        from training.permissions import grant_author_permissions
        from training.selectors import KIND, NAMES, training_rows, training_standings

        register_provider(KIND, training_rows, standings=training_standings, names=NAMES)
        post_migrate.connect(grant_author_permissions, dispatch_uid="training-permissions")
        post_migrate.connect(
            put_questions_under_approval, sender=self, dispatch_uid="training-approval"
        )
        hold_wagtail_workflow_mail_in_bulk()
