"""Reads about questions and banks in the approval workflow, for the admin's listings."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

APPROVAL_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: _("Awaiting approval"),
    WorkflowState.STATUS_NEEDS_CHANGES: _("Changes requested"),
}


def with_approval_status(queryset: QuerySet) -> QuerySet:
    """`queryset` with `approval_status`: its active workflow's status, or None. One subquery,
    so a listing's query count does not grow with its rows."""
    content_type = ContentType.objects.get_for_model(queryset.model, for_concrete_model=False)
    active = (
        WorkflowState.objects.active()
        .filter(base_content_type=content_type, object_id=Cast(OuterRef("pk"), CharField()))
        .order_by("-created_at")
        .values("status")[:1]
    )
    return queryset.annotate(approval_status=Subquery(active))


def approval_label(obj) -> str:
    """What the listing says about `obj`'s approval (annotated by `with_approval_status`)."""
    return str(APPROVAL_LABELS.get(getattr(obj, "approval_status", None), ""))
