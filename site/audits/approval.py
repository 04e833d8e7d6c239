"""Audit checklists under the medical director's approval, as clearances and questions are:
educators draft and submit, only directors publish, and a round starts only from a live
(approved) checklist (audits.selectors.live_checklists)."""

from django.db import DEFAULT_DB_ALIAS
from wagtail.models import Workflow

from audits.models import AuditChecklist
from content.services import put_snippets_under_approval
from organisation import groups

AUTHORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
AUTHORING = (
    "add_auditchecklist",
    "change_auditchecklist",
    "view_auditchecklist",
    "lock_auditchecklist",
)
DIRECTORS_ONLY = ("publish_auditchecklist", "unlock_auditchecklist", "delete_auditchecklist")


def grant_author_permissions(**kwargs) -> None:
    """Educators and directors write checklists; directors alone publish. Idempotent."""
    groups.grant_permissions(app_label="audits", codenames=AUTHORING, to=AUTHORS)
    groups.grant_permissions(
        app_label="audits", codenames=DIRECTORS_ONLY, to=(groups.MEDICAL_DIRECTORS,)
    )


def put_checklists_under_approval(*, using: str = DEFAULT_DB_ALIAS, **kwargs) -> Workflow | None:
    """The medical director's workflow for checklists (post_migrate, idempotent)."""
    return put_snippets_under_approval(AuditChecklist, using=using)
