"""The audit pages' forms: start a round, score one record (an outcome per item), retrain."""

from django import forms
from django.utils.translation import gettext_lazy as _

from audits.models import AuditRound, Outcome
from audits.references import REFERENCE_HELP, validate_reference
from audits.selectors import live_checklists
from organisation.bounds import BoundedDateField
from organisation.models import Location
from organisation.policies import managed_locations
from organisation.selectors import active_staff_at


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class RoundForm(forms.Form):
    location = forms.ModelChoiceField(queryset=None, label=_("Location"))
    checklist = forms.ModelChoiceField(queryset=None, label=_("Procedure"))
    audited_on = BoundedDateField(
        label=_("Audited on"),
        help_text=_("The location's date the records were audited."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = managed_locations(user).order_by("name")
        self.fields["checklist"].queryset = live_checklists()


class RecordForm(forms.Form):
    """One treatment record: its reference, who treated, and an outcome for each item, as one
    group of three radio buttons per item (a stack of fieldsets on a phone)."""

    reference = forms.CharField(
        label=_("Record reference"),
        max_length=20,
        help_text=REFERENCE_HELP,
        validators=[validate_reference],
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    treated_by = StaffChoiceField(queryset=None, label=_("Treated by"))

    def __init__(self, *args, audit_round: AuditRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["treated_by"].queryset = (
            active_staff_at(Location.objects.filter(pk=audit_round.location_id))
            .select_related("user")
            .order_by("user__last_name", "user__first_name")
        )
        self.items = list(audit_round.items.all())
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=item.text,
                choices=Outcome.choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Mark this item.")},
            )

    def clean_reference(self) -> str:
        return self.cleaned_data["reference"].strip().upper()

    @property
    def item_fields(self):
        return [self[f"item_{item.pk}"] for item in self.items]

    def outcomes(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data[f"item_{item.pk}"] for item in self.items}
