"""Forms: the GIFT upload in Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from training.models import QuestionBank

MAX_GIFT_BYTES = 2 * 1024 * 1024
TOO_BIG = "The file is larger than 2 MB; split it into several banks."
NOT_TEXT = "The file is not UTF-8 text; save it from Moodle or a text editor as UTF-8."
NO_BANK = "Choose a bank or type the name of a new one."


class GiftUploadForm(forms.Form):
    bank = forms.ModelChoiceField(
        QuestionBank.objects.all(), required=False, label=_("Existing bank")
    )
    new_bank = forms.CharField(max_length=120, required=False, label=_("Or a new bank called"))
    file = forms.FileField(label=_("GIFT file (.gift or .txt, UTF-8)"))
    dry_run = forms.BooleanField(
        required=False, initial=True, label=_("Dry run: only report what would be imported")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_GIFT_BYTES:
            raise forms.ValidationError(TOO_BIG)
        try:
            self.cleaned_data["text"] = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(NOT_TEXT) from error
        return upload

    def clean(self):
        data = super().clean()
        name = (data.get("new_bank") or "").strip() or (
            data["bank"].name if data.get("bank") else ""
        )
        if not name:
            raise forms.ValidationError(NO_BANK)
        data["bank_name"] = name
        return data
