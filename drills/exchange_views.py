"""Wagtail admin: a drill scenario downloaded as a file, and a file imported as a draft page.

The format is drills.scenario_format's (library/README.md); who may do it is
drills.permissions.can_exchange_scenarios (educators and medical directors).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from drills.models import DrillIndexPage, DrillScenarioPage
from drills.permissions import can_exchange_scenarios
from drills.scenario_format import dump_scenario, scenario_data
from drills.scenario_services import ScenarioImportRefused, import_scenario

MAX_FILE_BYTES = 1_000_000
TOO_BIG = _("The file is larger than 1 MB; a drill scenario is far smaller.")
NOT_TEXT = _("The file is not UTF-8 text; export scenarios as YAML or JSON.")
CANNOT_ADD = _("You may not add pages to this drill library.")
IMPORTED = _("Imported “{title}” as a draft: review it and submit it for approval.")
UNLINKED = _("Not linked, this site has no protocol with the slug: {slugs}.")


def _guard(request) -> None:
    if not can_exchange_scenarios(request.user):
        raise PermissionDenied


def export_scenario(request, page_id: int):
    """The scenario's latest revision (what its editor shows, draft or live) as YAML."""
    _guard(request)
    page = get_object_or_404(DrillScenarioPage, pk=page_id)
    latest = page.get_latest_revision_as_object()
    response = HttpResponse(
        dump_scenario(scenario_data(latest)), content_type="application/yaml; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.yaml"'
    return response


class ImportScenarioForm(forms.Form):
    file = forms.FileField(
        label=_("Scenario file"),
        help_text=_("A drill scenario in the readyroom-drill/1 format, YAML or JSON."),
    )
    parent = forms.ModelChoiceField(
        label=_("Drill library"), queryset=DrillIndexPage.objects.order_by("path"), empty_label=None
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(TOO_BIG)
        try:
            return upload.name, upload.read().decode("utf-8")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(NOT_TEXT) from error


def import_scenario_view(request):
    """Upload a scenario file; every problem is listed with its line and nothing is created."""
    _guard(request)
    problems: list[str] = []
    form = ImportScenarioForm(request.POST or None, request.FILES or None)
    if "parent" in request.GET and not request.POST:
        form = ImportScenarioForm(initial={"parent": request.GET["parent"]})
    if request.method == "POST" and form.is_valid():
        parent = form.cleaned_data["parent"]
        filename, text = form.cleaned_data["file"]
        if not parent.permissions_for_user(request.user).can_add_subpage():
            problems = [str(CANNOT_ADD)]
        else:
            try:
                imported = import_scenario(
                    parent=parent, text=text, filename=filename, user=request.user
                )
            except ScenarioImportRefused as refused:
                problems = refused.messages
            else:
                messages.success(request, IMPORTED.format(title=imported.page.title))
                if imported.unlinked_protocols:
                    slugs = ", ".join(imported.unlinked_protocols)
                    messages.warning(request, UNLINKED.format(slugs=slugs))
                return redirect("wagtailadmin_pages:edit", imported.page.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "problems": problems}
    return render(request, "drills/admin/import_scenario.html", context, status=status)
