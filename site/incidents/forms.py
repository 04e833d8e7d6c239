"""The incident form (record and edit) and the review-and-close form. Fields are named as the
services name their values, so a service's refusal lands beside its field."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from actions.forms import assignable_choices
from incidents.models import Complication, Procedure, ProtocolFollowed
from incidents.selectors import published_protocols
from incidents.services import Details, Retraining
from incidents.steps import parse_steps
from organisation.bounds import BoundedDateField, FreeTextField
from organisation.models import StaffProfile
from organisation.policies import managed_locations

NO_PATIENT_IDENTIFIERS = _("Do not enter the patient's name, date of birth or record number.")
DUE_WITH_PAGE = _("Give a due date for the module or drill, or choose none.")
PAGE_WITH_DUE = _("Choose the module or drill to assign, or leave the due date empty.")
NOT_PUBLISHED = _("Choose a published training module or drill.")


class StaffChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: StaffProfile) -> str:
        places = ", ".join(loc.name for loc in obj.locations.all())
        return f"{obj.display_name} ({places})" if places else obj.display_name


class IncidentForm(forms.Form):
    location = forms.ModelChoiceField(label=_("Location"), queryset=None)
    occurred_on = BoundedDateField(label=_("Date"), help_text=_("The location's local date."))
    occurred_time = forms.TimeField(
        label=_("Time"),
        help_text=_("The location's local time, when it began."),
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    procedure = forms.ChoiceField(label=_("Procedure"), choices=Procedure.choices)
    complication = forms.ChoiceField(label=_("Complication"), choices=Complication.choices)
    complication_detail = forms.CharField(
        label=_("If other: the complication in words"), max_length=200, required=False
    )
    protocol = forms.ModelChoiceField(
        label=_("Protocol"),
        queryset=None,
        required=False,
        help_text=_("The clinic's protocol for this complication, if it has one."),
    )
    protocol_followed = forms.ChoiceField(
        label=_("Was the protocol followed?"),
        choices=ProtocolFollowed.choices,
        widget=forms.RadioSelect,
    )
    steps = FreeTextField(
        label=_("Actions taken, with times"),
        max_length=12000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line: “HH:MM what was done”, e.g. “14:05 Stopped the laser”. ")
        + NO_PATIENT_IDENTIFIERS,
    )
    outcome = FreeTextField(
        label=_("Outcome"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=NO_PATIENT_IDENTIFIERS,
    )
    follow_up_plan = FreeTextField(
        label=_("Follow-up plan"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=NO_PATIENT_IDENTIFIERS,
    )
    staff_involved = StaffChoiceField(
        label=_("Staff involved"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People who work at the incident's location."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        locations = managed_locations(user)
        self.fields["location"].queryset = locations.order_by("name")
        self.fields["protocol"].queryset = published_protocols()
        self.fields["staff_involved"].queryset = (
            StaffProfile.objects.filter(locations__in=locations.values("pk"), is_active=True)
            .select_related("user")
            .prefetch_related("locations")
            .order_by("user__last_name", "user__first_name", "pk")
            .distinct()
        )

    def clean_steps(self):
        return parse_steps(self.cleaned_data["steps"])

    def details(self) -> Details:
        data = self.cleaned_data
        return Details(
            location=data["location"],
            occurred_on=data["occurred_on"],
            occurred_time=data["occurred_time"],
            procedure=data["procedure"],
            complication=data["complication"],
            complication_detail=data["complication_detail"],
            protocol=data["protocol"],
            protocol_followed=data["protocol_followed"],
            steps=data["steps"],
            outcome=data["outcome"],
            follow_up_plan=data["follow_up_plan"],
            staff_involved=list(data["staff_involved"]),
        )


class CloseForm(forms.Form):
    review = FreeTextField(
        label=_("Review"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What was learned, and what changes. ") + NO_PATIENT_IDENTIFIERS,
    )
    page = forms.ChoiceField(
        label=_("Assign a module or drill to the staff involved (optional)"), required=False
    )
    due_on = BoundedDateField(label=_("Due on"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = assignable_choices()
        self.fields["page"].choices = [("", _("None"))] + choices[1:]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("page") and not cleaned.get("due_on") and "due_on" not in self.errors:
            self.add_error("due_on", DUE_WITH_PAGE)
        if cleaned.get("due_on") and not cleaned.get("page"):
            self.add_error("page", PAGE_WITH_DUE)
        return cleaned

    def retraining(self) -> Retraining | None:
        value = self.cleaned_data.get("page")
        if not value:
            return None
        what, _sep, pk = value.partition(":")
        page = Page.objects.filter(pk=int(pk)).first()
        if page is None:
            raise ValidationError({"page": NOT_PUBLISHED})
        return Retraining(what=what, page=page, due_on=self.cleaned_data["due_on"])
