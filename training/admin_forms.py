"""The question editor's form: checks the choices against the question's kind."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from training.rules import choice_problems


class QuestionAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("choices")
        if formset is None or not formset.is_valid():
            return cleaned
        weights = [
            form.cleaned_data.get("weight", 0)
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        for problem in choice_problems(cleaned.get("kind", ""), weights):
            self.add_error(None, forms.ValidationError(problem))
        return cleaned
