"""The team-drill log form: what a manager records after an in-person mock code."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from drills.selectors import staff_for_team_drills
from organisation.bounds import BoundedDateField, FreeTextField
from organisation.policies import managed_locations

FUTURE_DATE = _("A team drill is logged after it happened: the date cannot be in the future.")


class ScenarioPickForm(forms.Form):
    scenario = forms.ModelChoiceField(queryset=None, label=_("Scenario"))

    def __init__(self, *args, scenarios, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scenario"].queryset = scenarios


class TeamDrillForm(forms.Form):
    location = forms.ModelChoiceField(queryset=None, label=_("Location"))
    held_on = BoundedDateField(label=_("Date"))
    participants = forms.ModelMultipleChoiceField(
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        label=_("Participants"),
        help_text=_("Staff of the locations you manage."),
    )
    checklist = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Checklist: what was done"),
        help_text=_("Items marked “required” must all be done for the drill to count."),
    )
    debrief_notes = FreeTextField(
        required=False, widget=forms.Textarea(attrs={"rows": 5}), label=_("Debrief notes")
    )

    def __init__(self, *args, user, page, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.today = today
        self.fields["location"].queryset = managed_locations(user).order_by("name")
        self.fields["participants"].queryset = staff_for_team_drills(user)
        self.fields["participants"].label_from_instance = lambda p: p.display_name
        self.fields["checklist"].choices = [
            (
                item["item"],
                f"{item['item']} ({_('required') if item['required'] else _('optional')})",
            )
            for item in page.checklist_items()
        ]
        self.milestone_fields = []
        for index, label in enumerate(page.milestone_labels()):
            name = f"milestone_{index}"
            self.fields[name] = forms.IntegerField(
                required=False,
                min_value=0,
                max_value=24 * 3600,
                label=label,
                help_text=_("Seconds from the start; leave empty if it did not happen."),
            )
            self.milestone_fields.append((name, label))

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > self.today:
            raise forms.ValidationError(FUTURE_DATE)
        return held_on

    def milestone_seconds(self) -> dict[str, int | None]:
        return {label: self.cleaned_data.get(name) for name, label in self.milestone_fields}

    def milestone_rows(self):
        return [self[name] for name, _ in self.milestone_fields]
