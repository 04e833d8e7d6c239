"""Wagtail's page_published, heard for protocols: recorded inline, in one transaction, as the
publish happens (attestations.services.record_protocol_publish is once per revision)."""

from django.utils import timezone
from wagtail.models import PageLogEntry

from attestations.services import record_protocol_publish


def protocol_published(sender, instance, revision, **kwargs) -> None:
    # The signal does not say who published; the publish's log entry does (the medical
    # director approving the workflow's last task), else whoever saved the revision.
    entry = (
        PageLogEntry.objects.filter(revision=revision, action="wagtail.publish")
        .select_related("user")
        .order_by("-timestamp", "-pk")
        .first()
    )
    publisher = entry.user if entry is not None and entry.user else revision.user
    record_protocol_publish(
        protocol=instance, revision=revision, published_by=publisher, now=timezone.now()
    )
