"""The manager's incident pages: the list with its chart, one incident, record, edit, close."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from followups.selectors import follow_ups_of_incident

from incidents import chart, selectors, services
from incidents.forms import NO_PATIENT_IDENTIFIERS, CloseForm, IncidentForm
from incidents.steps import steps_text
from organisation.access import acting_profile, manager_required
from organisation.form_errors import apply_service_errors
from organisation.selectors import profile_of

NO_PROFILE = "Only managers with a staff profile record incidents."


@manager_required
def incident_list(request):
    """Incidents at my locations (open, closed or all) and the chart of the last 12 months."""
    shown = request.GET.get("status", "open")
    if shown not in selectors.FILTERS:
        shown = "open"
    now = timezone.now()
    profile = profile_of(request.user)
    today = profile.local_date(now) if profile else now.date()
    counts = selectors.monthly_counts(request.user, since=chart.first_month(today))
    figure = chart.incidents_by_month(counts=counts, today=today)
    context = {
        "incidents": selectors.incidents_for_manager(request.user, status=shown),
        "shown": shown,
        "filters": selectors.FILTERS,
        "chart": figure,
        "charts_drawn": figure.figure is not None,
    }
    return render(request, "incidents/list.html", context)


@manager_required
def incident_detail(request, pk: int):
    incident = selectors.incident_for_manager(request.user, pk)
    context = {"incident": incident, "follow_ups": follow_ups_of_incident(incident)}
    return render(request, "incidents/detail.html", context)


def _initial(incident) -> dict:
    local = incident.local_occurred_at
    return {
        "location": incident.location,
        "occurred_on": incident.occurred_on,
        "occurred_time": local.time().replace(second=0, microsecond=0),
        "procedure": incident.procedure,
        "complication": incident.complication,
        "complication_detail": incident.complication_detail,
        "protocol": incident.protocol,
        "protocol_followed": incident.protocol_followed,
        "steps": steps_text(incident.steps.all()),
        "outcome": incident.outcome,
        "follow_up_plan": incident.follow_up_plan,
        "staff_involved": list(incident.staff_involved.all()),
    }


@manager_required
@require_http_methods(["GET", "POST"])
def incident_new(request):
    form = IncidentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            incident = services.record_incident(
                details=form.details(),
                recorded_by=acting_profile(request, NO_PROFILE),
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Incident recorded.")
            return redirect("incidents:detail", pk=incident.pk)
    context = {"form": form, "warning": NO_PATIENT_IDENTIFIERS}
    status = 400 if request.method == "POST" else 200
    return render(request, "incidents/form.html", context, status=status)


@manager_required
@require_http_methods(["GET", "POST"])
def incident_edit(request, pk: int):
    incident = selectors.incident_for_manager(request.user, pk)
    if not incident.is_open:
        messages.error(request, str(services.ALREADY_CLOSED))
        return redirect("incidents:detail", pk=incident.pk)
    form = IncidentForm(request.POST or None, user=request.user, initial=_initial(incident))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_incident(
                incident=incident,
                details=form.details(),
                edited_by=acting_profile(request, NO_PROFILE),
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Incident updated.")
            return redirect("incidents:detail", pk=incident.pk)
    context = {"form": form, "incident": incident, "warning": NO_PATIENT_IDENTIFIERS}
    status = 400 if request.method == "POST" else 200
    return render(request, "incidents/form.html", context, status=status)


@manager_required
@require_http_methods(["GET", "POST"])
def incident_close(request, pk: int):
    """Review and close: optionally assign a module or drill to everyone involved."""
    incident = selectors.incident_for_manager(request.user, pk)
    if not incident.is_open:
        messages.error(request, str(services.ALREADY_CLOSED))
        return redirect("incidents:detail", pk=incident.pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_incident(
                incident=incident,
                review=form.cleaned_data["review"],
                retraining=form.retraining(),
                closed_by=acting_profile(request, NO_PROFILE),
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Incident closed.")
            return redirect("incidents:detail", pk=incident.pk)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "incidents/close.html", {"form": form, "incident": incident}, status=status
    )
