from django import forms
from django.utils.translation import gettext_lazy as _

from clearances.selectors import live_clearances
from organisation.bounds import BoundedDateField

NO_SUCH_PROCEDURE = _("No approved clearance has the slug “%(value)s”.")


class GateForm(forms.Form):
    """The roster gate's question: a location (by slug), a date and a procedure (by slug).
    Which locations the asker may see is the view's to decide (a 404, never a form error)."""

    location = forms.SlugField(label=_("Location"), max_length=60)
    date = BoundedDateField(label=_("Date"), help_text=_("The day of the appointment."))
    procedure = forms.ModelChoiceField(
        label=_("Procedure or device"),
        # With its requirements, minimums and roles, so judging asks nothing more of them.
        queryset=live_clearances(),
        to_field_name="slug",
        error_messages={"invalid_choice": NO_SUCH_PROCEDURE},
    )
