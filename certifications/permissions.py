"""Who may edit certification types, requirements and the reminder policy in Wagtail admin."""

from django.contrib.auth.models import Group, Permission

from organisation import groups

# Educators and medical directors author requirements; only they (and superusers) reach admin.
EDITORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
EDITABLE = {
    "certificationtype": ("add", "change", "delete", "view"),
    "certificationrequirement": ("add", "change", "delete", "view"),
    "reminderpolicy": ("change",),
}
# The reminder ledger names every person's overdue items across all locations, so only
# superusers see it in admin; managers see their own locations' problems on their page.


def grant_editor_permissions(**kwargs) -> None:
    """Idempotent: run after every migrate."""
    wanted = [f"{action}_{model}" for model, actions in EDITABLE.items() for action in actions]
    permissions = list(
        Permission.objects.filter(content_type__app_label="certifications", codename__in=wanted)
    )
    if not permissions:
        return
    for name in EDITORS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
