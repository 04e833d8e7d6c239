"""Who may author question banks and requirements, and read item analysis, in Wagtail admin."""

from organisation import groups

AUTHORS = (groups.EDUCATORS, groups.MEDICAL_DIRECTORS)
GRANTED = {
    "questionbank": ("add", "change", "view"),
    "question": ("add", "change", "delete", "view", "publish"),
    "trainingrequirement": ("add", "change", "delete", "view"),
    "quizattempt": ("view_item_analysis",),
}


def _codename(model: str, action: str) -> str:
    return action if action.startswith("view_item") else f"{action}_{model}"


def grant_author_permissions(**kwargs) -> None:
    """Educators and medical directors author banks and read item analysis. Idempotent."""
    wanted = [_codename(m, a) for m, actions in GRANTED.items() for a in actions]
    groups.grant_permissions(app_label="training", codenames=wanted, to=AUTHORS)


def can_view_item_analysis(user) -> bool:
    return user.is_active and user.has_perm("training.view_item_analysis")


def can_import_gift(user) -> bool:
    return user.is_active and user.has_perm("training.add_question")
