"""Wagtail's page_published, heard for protocols: recorded inline, in one transaction, as the
publish happens (attestations.services.record_protocol_publish is once per revision)."""

from django.utils import timezone
from wagtail.models import TaskState

from attestations.services import record_protocol_publish


def protocol_published(sender, instance, revision, **kwargs) -> None:
    # The signal does not say who published, and Wagtail logs the publish only after sending
    # it. Through the workflow it is whoever approved the revision's last task (the medical
    # director); published directly, whoever saved the revision and published it.
    approval = (
        TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED)
        .select_related("finished_by")
        .order_by("-finished_at", "-pk")
        .first()
    )
    publisher = approval.finished_by if approval and approval.finished_by else revision.user
    record_protocol_publish(
        protocol=instance, revision=revision, published_by=publisher, now=timezone.now()
    )
