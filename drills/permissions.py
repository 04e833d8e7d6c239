"""Who may author drill requirements and read drill analytics in Wagtail admin."""

from django.contrib.auth.models import AbstractBaseUser, Group, Permission

from organisation import groups

EDITORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
EDITABLE = {"drillrequirement": ("add", "change", "delete", "view")}


def grant_editor_permissions(**kwargs) -> None:
    """Idempotent: run after every migrate."""
    wanted = [f"{action}_{model}" for model, actions in EDITABLE.items() for action in actions]
    permissions = list(
        Permission.objects.filter(content_type__app_label="drills", codename__in=wanted)
    )
    if not permissions:
        return
    for name in EDITORS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def can_view_analytics(user: AbstractBaseUser) -> bool:
    """Educators, medical directors and superusers read drill analytics."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=EDITORS).exists()
