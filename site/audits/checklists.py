"""What every record audit asks, whatever the procedure."""

from django.utils.translation import gettext_lazy as _

# Asked of every treatment record whatever the procedure: the clinic's documentation standard
# (issue 17). Keys are stable; a round copies the wording it was scored against.
STANDARD_ITEMS = (
    ("aftercare", _("Aftercare instructions given")),
    ("consent", _("Consent present")),
    ("settings", _("Settings recorded")),
    ("photos", _("Photos taken")),
    ("follow_up", _("Follow-up booked")),
)
