"""The manager actions' forms: each field named as its service names the value, so a service's
ValidationError lands next to the field it is about."""

from django import forms
from django.utils.translation import gettext_lazy as _

from drills.selectors import available_scenarios
from organisation.bounds import BoundedDateField
from organisation.compliance import ComplianceRow
from training.lesson_selectors import published_modules

REQUIREMENT_SEPARATOR = "|"


def requirement_value(row: ComplianceRow) -> str:
    return f"{row.kind}{REQUIREMENT_SEPARATOR}{row.requirement_key}"


def requirement_choices(rows: list[ComplianceRow]) -> list[tuple[str, str]]:
    """A person's requirements as choices: "<kind>|<key>", read as "BLS (Certification)"."""
    return [("", _("Choose a requirement"))] + [
        (requirement_value(r), f"{r.label} ({r.kind_label}): {r.status.label}") for r in rows
    ]


class RequirementChoiceForm(forms.Form):
    requirement = forms.ChoiceField(label=_("Requirement"))

    def __init__(self, *args, rows: list[ComplianceRow], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requirement"].choices = requirement_choices(rows)

    def requirement_parts(self) -> tuple[str, str]:
        kind, _sep, key = self.cleaned_data["requirement"].partition(REQUIREMENT_SEPARATOR)
        return kind, key


class ExemptionForm(RequirementChoiceForm):
    ends_on = BoundedDateField(
        label=_("Exempt until"),
        help_text=_("The last day of the exemption, on the person's own calendar."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why they are exempt, as an inspector will read it."),
    )


class RevokeForm(forms.Form):
    confirm = forms.BooleanField(label=_("Yes, end this exemption now"))
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)


class NudgeForm(RequirementChoiceForm):
    pass


def assignable_choices() -> list:
    """Published modules and drills, grouped: values "module:<page pk>", "drill:<page pk>"."""
    modules = [(f"module:{p.pk}", p.title) for p in published_modules().only("pk", "title")]
    drills = [(f"drill:{p.pk}", p.title) for p in available_scenarios().only("pk", "title")]
    return [
        ("", _("Choose a module or drill")),
        (_("Training modules"), modules),
        (_("Drills"), drills),
    ]


class AssignForm(forms.Form):
    page = forms.ChoiceField(label=_("Module or drill"))
    due_on = BoundedDateField(
        label=_("Due on"),
        help_text=_("Reminders follow the clinic's reminder policy up to this date and after."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["page"].choices = assignable_choices()

    def what_and_page_id(self) -> tuple[str, int]:
        what, _sep, pk = self.cleaned_data["page"].partition(":")
        return what, int(pk)


class RoleAssignForm(AssignForm):
    location = forms.ModelChoiceField(label=_("Location"), queryset=None)
    role = forms.ModelChoiceField(label=_("Everyone holding the role"), queryset=None)

    field_order = ["location", "role", "page", "due_on"]

    def __init__(self, *args, locations, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = locations
        self.fields["role"].queryset = roles
