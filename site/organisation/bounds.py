"""The bounds every input lives within: dates a clinic can mean, text a person can write.

One place for them, so every form, filter and import refuses the same things with the same
words. Dates outside 1900-2200 are typing mistakes (0001, 9999) and would overflow date
arithmetic (`as_of + timedelta`); free text past 10,000 characters is a paste gone wrong.
"""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2200, 12, 31)
MAX_FREE_TEXT = 10_000

DATE_OUT_OF_RANGE = _("Enter a date between 1 January 1900 and 31 December 2200.")
TEXT_TOO_LONG = _(
    "Keep this to %(limit_value)s characters or fewer; it has %(show_value)s. "
    "Attach long documents elsewhere and summarise here."
)


def date_in_range(value: date) -> bool:
    return EARLIEST_DATE <= value <= LATEST_DATE


def validate_date_in_range(value: date) -> None:
    """Raise ValidationError(DATE_OUT_OF_RANGE) for a date before 1900 or after 2200."""
    if value is not None and not date_in_range(value):
        raise ValidationError(DATE_OUT_OF_RANGE, code="date_out_of_range")


class BoundedDateField(forms.DateField):
    """A DateField that refuses dates outside 1900-01-01..2200-12-31, shown as a date picker."""

    default_validators = [validate_date_in_range]

    def __init__(self, *, widget=None, **kwargs):
        widget = widget or forms.DateInput
        if isinstance(widget, type):
            widget = widget()
        widget.input_type = "date"
        widget.attrs.setdefault("min", EARLIEST_DATE.isoformat())
        widget.attrs.setdefault("max", LATEST_DATE.isoformat())
        super().__init__(widget=widget, **kwargs)


def free_text_validator(limit: int = MAX_FREE_TEXT) -> MaxLengthValidator:
    return MaxLengthValidator(limit, message=TEXT_TOO_LONG)


class FreeTextField(forms.CharField):
    """Text a person writes (notes, reasons): at most `max_length` (10,000) characters.

    The limit is a validator with our message rather than Django's generic one, and the
    widget carries `maxlength` so a browser stops the typing there too.
    """

    def __init__(self, *, max_length: int = MAX_FREE_TEXT, **kwargs):
        kwargs.setdefault("strip", True)
        super().__init__(**kwargs)
        self.max_length = max_length
        self.validators.append(free_text_validator(max_length))
        self.widget.attrs.setdefault("maxlength", str(max_length))


def refuse_dates_out_of_range(**dates: date | None) -> None:
    """For services: ValidationError naming each given date outside 1900-2200."""
    errors = {
        name: DATE_OUT_OF_RANGE
        for name, value in dates.items()
        if value is not None and not date_in_range(value)
    }
    if errors:
        raise ValidationError(errors)


def refuse_long_text(*, limit: int = MAX_FREE_TEXT, **texts: str) -> None:
    """For services: ValidationError naming each given text longer than `limit` characters."""
    errors = {
        name: ValidationError(
            TEXT_TOO_LONG,
            code="max_length",
            params={"limit_value": limit, "show_value": len(value)},
        )
        for name, value in texts.items()
        if value and len(value) > limit
    }
    if errors:
        raise ValidationError(errors)
