from django.apps import AppConfig


class AttestationsConfig(AppConfig):
    """Protocol revisions that call for retraining, and the attestations staff sign."""

    name = "attestations"
    verbose_name = "Attestations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail.signals import page_published

        from attestations.rows import KIND, NAMES, attestation_rows
        from attestations.signals import protocol_published
        from content.models import ProtocolPage
        from organisation.compliance import register_provider

        # A pending attestation is a requirement like any other: it shows on the home page,
        # the staff record and the matrix, and the reminder sweep reminds it once per stage.
        register_provider(KIND, attestation_rows, names=NAMES)
        page_published.connect(
            protocol_published, sender=ProtocolPage, dispatch_uid="attestations-protocol-published"
        )
