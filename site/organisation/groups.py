"""The four groups every ReadyRoom install has, and what each may reach."""

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission

STAFF = "Staff"
MANAGERS = "Managers"
EDUCATORS = "Educators"
MEDICAL_DIRECTORS = "Medical directors"
ALL_GROUPS = (STAFF, MANAGERS, EDUCATORS, MEDICAL_DIRECTORS)

# Only educators and medical directors author content, so only they reach Wagtail admin.
ADMIN_GROUPS = (EDUCATORS, MEDICAL_DIRECTORS)


def ensure_groups(**kwargs) -> None:
    """Create the groups and give the authoring groups Wagtail admin access (idempotent)."""
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name in ALL_GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        if access_admin and name in ADMIN_GROUPS:
            group.permissions.add(access_admin)


def grant_permissions(
    *, app_label: str, codenames: Iterable[str], to: Iterable[str] = ADMIN_GROUPS
) -> None:
    """Give the named groups these permissions of one app. Idempotent, so each app calls it
    after every migrate; does nothing before the app's permissions exist."""
    permissions = list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=list(codenames))
    )
    if not permissions:
        return
    for name in to:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def grant_clinic_settings(**kwargs) -> None:
    """Medical directors set who the clinic is (name, logo, the director who signs
    certificates); administrators may too, as superusers. Idempotent: run after every migrate."""
    grant_permissions(
        app_label="organisation", codenames=["change_clinicsettings"], to=[MEDICAL_DIRECTORS]
    )
