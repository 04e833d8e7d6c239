"""Clearances under the medical director's approval: the same workflow as protocols and
questions. Educators draft and submit; only directors publish, and a director's approval
publishes. Judging reads live rows only (clearances.selectors), so nothing an educator
drafts decides who may treat until it is approved."""

from django.contrib.auth.models import Group, Permission
from django.db import DEFAULT_DB_ALIAS
from wagtail.models import Workflow

from clearances.models import Clearance
from content.services import put_snippets_under_approval
from organisation import groups

AUTHORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
AUTHORING = ("add_clearance", "change_clearance", "view_clearance", "lock_clearance")
DIRECTORS_ONLY = ("publish_clearance", "unlock_clearance", "delete_clearance")


def grant_author_permissions(**kwargs) -> None:
    """Educators and directors author clearances; directors alone publish. Idempotent."""
    groups.grant_permissions(app_label="clearances", codenames=AUTHORING, to=AUTHORS)
    groups.grant_permissions(
        app_label="clearances", codenames=DIRECTORS_ONLY, to=(groups.MEDICAL_DIRECTORS,)
    )
    educators = Group.objects.filter(name=groups.EDUCATORS).first()
    if educators is not None:
        educators.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="clearances", codename__in=DIRECTORS_ONLY
            )
        )


def put_clearances_under_approval(*, using: str = DEFAULT_DB_ALIAS, **kwargs) -> Workflow | None:
    """Assign the medical director's workflow to clearances (post_migrate, idempotent); a
    workflow an administrator chose in Settings, Workflows is kept."""
    return put_snippets_under_approval(Clearance, using=using)
