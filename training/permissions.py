"""Who may author question banks and requirements, and read item analysis, in Wagtail admin.

Educators write questions and banks and submit them; only medical directors publish (their
approval in the workflow publishes), so nothing reaches a learner without a director.
"""

from django.contrib.auth.models import Group, Permission

from organisation import groups

AUTHORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
GRANTED = {
    "questionbank": ("add", "change", "view", "lock"),
    "question": ("add", "change", "delete", "view", "lock"),
    "trainingrequirement": ("add", "change", "delete", "view"),
    "quizattempt": ("view_item_analysis",),
}
DIRECTORS_ONLY = {"questionbank": ("publish", "unlock"), "question": ("publish", "unlock")}


def _codenames(granted: dict[str, tuple[str, ...]]) -> list[str]:
    return [
        action if action.startswith("view_item") else f"{action}_{model}"
        for model, actions in granted.items()
        for action in actions
    ]


def grant_author_permissions(**kwargs) -> None:
    """Educators and medical directors author banks and read item analysis; directors alone
    publish. Idempotent; also takes back publishing from educators where an earlier version
    had granted it."""
    groups.grant_permissions(app_label="training", codenames=_codenames(GRANTED), to=AUTHORS)
    publishing = _codenames(DIRECTORS_ONLY)
    groups.grant_permissions(
        app_label="training", codenames=publishing, to=(groups.MEDICAL_DIRECTORS,)
    )
    educators = Group.objects.filter(name=groups.EDUCATORS).first()
    if educators is not None:
        educators.permissions.remove(
            *Permission.objects.filter(content_type__app_label="training", codename__in=publishing)
        )


def can_view_item_analysis(user) -> bool:
    return user.is_active and user.has_perm("training.view_item_analysis")


def can_import_gift(user) -> bool:
    return user.is_active and user.has_perm("training.add_question")
