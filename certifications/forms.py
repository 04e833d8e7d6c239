from django import forms
from django.utils.translation import gettext_lazy as _

from certifications.files import MAX_CARD_BYTES
from certifications.models import CertificationType
from organisation.bounds import BoundedDateField, FreeTextField


class DateInput(forms.DateInput):
    input_type = "date"


class UploadForm(forms.Form):
    certification_type = forms.ModelChoiceField(
        label=_("Certification"), queryset=CertificationType.objects.order_by("name")
    )
    issued_on = BoundedDateField(label=_("Issued on"), widget=DateInput)
    card_number = forms.CharField(
        label=_("Card number or eCard code"),
        max_length=80,
        required=False,
        help_text=_("Printed on the card; only you and your managers can see it."),
    )
    card_file = forms.FileField(
        label=_("Card (PDF, JPEG or PNG, up to 10 MB)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )
    expires_on = BoundedDateField(
        label=_("Expires on (only if the card says otherwise)"),
        required=False,
        widget=DateInput,
        help_text=_(
            "Leave empty: the expiry follows the certification's rule. A different date is "
            "sent to a manager to approve; until then the rule's date counts."
        ),
    )
    override_reason = FreeTextField(
        label=_("Why the expiry differs"), max_length=300, required=False
    )

    def __init__(self, *args, initial_code: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if initial_code and not self.is_bound:
            # "Upload a corrected card" links here with the type already picked.
            picked = self.fields["certification_type"].queryset.filter(code=initial_code).first()
            if picked is not None:
                self.initial["certification_type"] = picked.pk


class DecisionForm(forms.Form):
    VERIFY, REJECT = "verify", "reject"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(VERIFY, _("Verify")), (REJECT, _("Reject"))],
        widget=forms.RadioSelect,
    )
    note = FreeTextField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("Required when rejecting: say what the person must fix."),
    )


class BulkVerifyForm(forms.Form):
    """Verify several pending cards at once; only cards in the viewer's own queue are choices."""

    records = forms.ModelMultipleChoiceField(
        label=_("Cards"),
        queryset=None,
        error_messages={
            "required": _("Select at least one card to verify."),
            "invalid_choice": _(
                "A selected card is no longer waiting for your verification; reload the page."
            ),
            "invalid_pk_value": _("A selected card is not a card in this list."),
        },
    )
    checked = forms.BooleanField(
        label=_("I have checked each selected card against the issuer's record."),
        error_messages={"required": _("Confirm that you checked each card before verifying.")},
    )
    note = FreeTextField(label=_("Note (kept with every card)"), max_length=500, required=False)

    def __init__(self, *args, queue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["records"].queryset = queue


class ExpiryRequestForm(forms.Form):
    APPROVE, REFUSE = "approve", "refuse"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve the requested date")), (REFUSE, _("Refuse"))],
        widget=forms.RadioSelect,
    )
    note = FreeTextField(
        label=_("Reason"),
        max_length=500,
        required=False,
        help_text=_("Required when refusing: the person sees it."),
    )


class OverrideForm(forms.Form):
    expires_on = BoundedDateField(label=_("New expiry date"), widget=DateInput)
    override_reason = FreeTextField(label=_("Reason"), max_length=300)


__all__ = ["MAX_CARD_BYTES", "DecisionForm", "ExpiryRequestForm", "OverrideForm", "UploadForm"]
