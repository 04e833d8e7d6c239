"""The weekly check (one small form per item, one submit) and the manager's kit forms."""

from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from kits.models import KitItem
from kits.services import LineInput, line_errors
from organisation.bounds import BoundedDateField, FreeTextField
from organisation.policies import managed_locations


class ItemCheckForm(forms.Form):
    """One item of the kit as the checker finds it. Its prefix names the item."""

    present = forms.BooleanField(required=False, label=_("Present"))
    in_date = forms.BooleanField(required=False, label=_("In date"))
    note = forms.CharField(
        required=False,
        max_length=500,
        label=_("What was wrong, or what you did"),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    new_lot_number = forms.CharField(
        required=False, max_length=60, label=_("New lot number (if replaced)")
    )
    new_expires_on = BoundedDateField(required=False, label=_("New expiry date (if replaced)"))

    def __init__(self, *args, item: KitItem, today: date, **kwargs):
        super().__init__(*args, prefix=f"item-{item.pk}", **kwargs)
        self.item = item
        self.today = today

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        for field, message in line_errors(self.line(), today=self.today).items():
            self.add_error(field, message)
        return cleaned

    def line(self) -> LineInput:
        data = self.cleaned_data
        return LineInput(
            item=self.item,
            present=bool(data.get("present")),
            in_date=bool(data.get("in_date")),
            note=data.get("note") or "",
            new_lot_number=data.get("new_lot_number") or "",
            new_expires_on=data.get("new_expires_on"),
        )

    @property
    def opened(self) -> bool:
        """Keep the 'replaced or wrong' part open when it holds something or an error."""
        return self.is_bound and bool(
            self.errors
            or self.data.get(self.add_prefix("note"))
            or self.data.get(self.add_prefix("new_lot_number"))
        )


class CheckNotesForm(forms.Form):
    notes = FreeTextField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Notes on the kit")
    )


class KitForm(forms.Form):
    location = forms.ModelChoiceField(queryset=None, label=_("Location"))
    name = forms.CharField(max_length=120, label=_("Kit"), help_text=_("e.g. Anaphylaxis kit"))
    place = forms.CharField(
        required=False, max_length=120, label=_("Where it is kept"), help_text=_("e.g. Room 2")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = managed_locations(user).order_by("name")


class ItemForm(forms.Form):
    name = forms.CharField(
        max_length=160, label=_("Item"), help_text=_("e.g. Adrenaline auto-injector 0.3 mg")
    )
    lot_number = forms.CharField(required=False, max_length=60, label=_("Lot number"))
    quantity_expected = forms.IntegerField(min_value=1, max_value=999, initial=1)
    expires_on = BoundedDateField(
        required=False, label=_("Expires on"), help_text=_("Empty for an item with no expiry.")
    )


class ReplaceLotForm(forms.Form):
    lot_number = forms.CharField(max_length=60, label=_("New lot number"))
    expires_on = BoundedDateField(label=_("New expiry date"))
    reason = forms.CharField(
        required=False,
        max_length=500,
        label=_("Why (optional)"),
        help_text=_("e.g. Used on 12 Nov"),
    )
