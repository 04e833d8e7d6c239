"""Who may author drill requirements and read drill analytics in Wagtail admin."""

from django.contrib.auth.models import AbstractBaseUser

from organisation import groups

EDITORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
EDITABLE = {"drillrequirement": ("add", "change", "delete", "view")}


def grant_editor_permissions(**kwargs) -> None:
    """Idempotent: run after every migrate."""
    wanted = [f"{action}_{model}" for model, actions in EDITABLE.items() for action in actions]
    groups.grant_permissions(app_label="drills", codenames=wanted, to=EDITORS)


def can_view_analytics(user: AbstractBaseUser) -> bool:
    """Educators, medical directors and superusers read drill analytics."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=EDITORS).exists()


def can_exchange_scenarios(user: AbstractBaseUser) -> bool:
    """Educators, medical directors and superusers export and import drill scenario files."""
    return can_view_analytics(user)


def can_view_drafts(user: AbstractBaseUser) -> bool:
    """Educators, medical directors and superusers read a scenario's unpublished draft (its
    full-size map in the admin)."""
    return can_view_analytics(user)
