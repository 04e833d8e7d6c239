"""A service's refusal shown on the form that asked for it: one helper for every app's views."""

from django import forms
from django.core.exceptions import ValidationError


def apply_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or on the form)."""
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            form.add_error(name if name in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
