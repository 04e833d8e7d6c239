"""What every record audit asks, and who may write a procedure's own checklist."""

from django.utils.translation import gettext_lazy as _

from organisation import groups

# Asked of every treatment record whatever the procedure: the clinic's documentation standard
# (issue 17). Keys are stable; a round copies the wording it was scored against.
STANDARD_ITEMS = (
    ("aftercare", _("Aftercare instructions given")),
    ("consent", _("Consent present")),
    ("settings", _("Settings recorded")),
    ("photos", _("Photos taken")),
    ("follow_up", _("Follow-up booked")),
)

AUTHORING = (
    "add_auditchecklist",
    "change_auditchecklist",
    "view_auditchecklist",
    "delete_auditchecklist",
)


def grant_author_permissions(**kwargs) -> None:
    """Educators and medical directors write the checklists in the Wagtail admin. Idempotent."""
    groups.grant_permissions(app_label="audits", codenames=AUTHORING)
