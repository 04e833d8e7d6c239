from django import forms
from django.utils.translation import gettext_lazy as _

from dashboard.matrix import SORTS
from organisation.bounds import BoundedDateField
from organisation.models import JobRole, Location
from organisation.status import STATUS_LABELS


class MatrixFilterForm(forms.Form):
    """What a manager narrows the matrix to. Locations offered are only the ones they manage."""

    location = forms.ModelChoiceField(
        queryset=Location.objects.none(), required=False, empty_label=_("All my locations")
    )
    role = forms.ModelChoiceField(
        queryset=JobRole.objects.all(), required=False, empty_label=_("All roles")
    )
    status = forms.ChoiceField(
        choices=[("", _("Any status"))] + [(s.value, label) for s, label in STATUS_LABELS.items()],
        required=False,
    )
    as_of = BoundedDateField(
        label=_("As of"),
        required=False,
        help_text=_("Recompute everything for another day. Empty: each person's today."),
    )
    sort = forms.ChoiceField(choices=list(SORTS.items()), required=False)

    def __init__(self, *args, locations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["location"].to_field_name = "slug"
        self.fields["role"].to_field_name = "slug"


class InspectionForm(forms.Form):
    as_of = BoundedDateField(required=False)
