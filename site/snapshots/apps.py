from django.apps import AppConfig


class SnapshotsConfig(AppConfig):
    name = "snapshots"
    verbose_name = "Month-end snapshots"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from snapshots.schedule import ensure_snapshot_schedule

        post_migrate.connect(ensure_snapshot_schedule, dispatch_uid="snapshots-schedule")
