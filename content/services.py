"""Writes to the page tree's base: putting a library (and snippets) under medical director
approval."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from organisation import groups

APPROVAL_WORKFLOW = "Medical director approval"
APPROVAL_TASK = "Medical director sign-off"

# Educators write and submit; only medical directors publish.
_PAGE_PERMISSIONS = {
    groups.EDUCATORS: ("add_page", "change_page"),
    groups.MEDICAL_DIRECTORS: ("add_page", "change_page", "publish_page"),
}
_IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image")


def approval_workflow() -> Workflow:
    """The one "Medical director approval" workflow, created on first use (idempotent)."""
    directors, _ = Group.objects.get_or_create(name=groups.MEDICAL_DIRECTORS)
    task = GroupApprovalTask.objects.filter(name=APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=APPROVAL_TASK)
    task.groups.set([directors])
    workflow, _ = Workflow.objects.get_or_create(name=APPROVAL_WORKFLOW)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def put_snippets_under_approval(*models, using: str = DEFAULT_DB_ALIAS) -> Workflow | None:
    """Assign the medical director's workflow to these snippet models (post_migrate,
    idempotent). A model that already has a workflow keeps it, so an administrator's own choice
    in Settings, Workflows survives the next migrate."""
    # A partial migrate (`migrate auth` on a new database) sends post_migrate before Wagtail's
    # workflow tables exist: nothing to assign yet, the full migrate will.
    if GroupApprovalTask._meta.db_table not in connections[using].introspection.table_names():
        return None
    workflow = approval_workflow()
    for model in models:
        WorkflowContentType.objects.get_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    return workflow


@transaction.atomic
def put_under_medical_director_approval(*, page: Page) -> Workflow:
    """Educators may draft and submit pages under `page`; only a director's approval publishes.

    Assigns the approval workflow to the subtree and grants the authoring groups their page
    and image permissions there. Safe to call again.
    """
    workflow = approval_workflow()
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    page_perms = {
        p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore")
    }
    image_perms = Permission.objects.filter(
        content_type__app_label="wagtailimages", codename__in=_IMAGE_PERMISSIONS
    )
    root_collection = Collection.get_first_root_node()
    for group_name, codenames in _PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=page_perms[codename]
            )
        for permission in image_perms:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
    return workflow
