"""Who may edit certification types and requirements in Wagtail admin."""

from organisation import groups

# Educators and medical directors author requirements; only they (and superusers) reach admin.
EDITORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
EDITABLE = {
    "certificationtype": ("add", "change", "delete", "view"),
    "certificationrequirement": ("add", "change", "delete", "view"),
}


def grant_editor_permissions(**kwargs) -> None:
    """Idempotent: run after every migrate."""
    wanted = [f"{action}_{model}" for model, actions in EDITABLE.items() for action in actions]
    groups.grant_permissions(app_label="certifications", codenames=wanted, to=EDITORS)
