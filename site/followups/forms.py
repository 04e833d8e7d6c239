"""Follow-up action forms: add one, and close one (done or cancelled) with a note."""

from django import forms
from django.utils.translation import gettext_lazy as _

from organisation.bounds import BoundedDateField, FreeTextField
from organisation.models import Location, StaffProfile


class FollowUpForm(forms.Form):
    what = forms.CharField(
        label=_("What must be done"),
        max_length=300,
        help_text=_("One action, e.g. “Restock hyaluronidase in the filler kit”."),
    )
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    due_on = BoundedDateField(label=_("Due on"))

    def __init__(self, *args, location: Location, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = (
            StaffProfile.objects.filter(locations=location, is_active=True)
            .select_related("user")
            .order_by("user__last_name", "user__first_name", "pk")
        )


class DoneForm(forms.Form):
    note = FreeTextField(
        label=_("Note (optional)"), required=False, max_length=1000, help_text=_("What was done.")
    )


class CloseForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Close it as"),
        choices=[("done", _("Done")), ("cancelled", _("Cancelled"))],
        widget=forms.RadioSelect,
    )
    note = FreeTextField(
        label=_("Note"),
        required=False,
        max_length=1000,
        help_text=_("What was done, or why it is cancelled (needed to cancel)."),
    )
