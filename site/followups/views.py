"""Follow-up action pages: the manager's list, adding one from an incident or a team drill,
closing one; the owner's own list, where they mark an action done."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from incidents.selectors import incident_for_manager

from drills.selectors import session_for_manager
from followups import selectors, services
from followups.forms import CloseForm, DoneForm, FollowUpForm
from organisation.access import acting_profile, manager_required
from organisation.form_errors import apply_service_errors

NO_PROFILE = "Only managers with a staff profile add follow-up actions."


@manager_required
def manage(request):
    """Every follow-up action at my locations (open by default), overdue ones marked so."""
    shown = request.GET.get("status", "open")
    if shown not in selectors.FILTERS:
        shown = "open"
    actions = selectors.follow_ups_for_manager(request.user, status=shown)
    context = {
        "standings": selectors.standings(actions, now=timezone.now()),
        "shown": shown,
        "filters": selectors.FILTERS,
    }
    return render(request, "followups/manage.html", context)


def _new(request, *, source, incident=None, drill_session=None, back: str):
    form = FollowUpForm(request.POST or None, location=source.location)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_follow_up(
                incident=incident,
                drill_session=drill_session,
                actor=acting_profile(request, NO_PROFILE),
                now=timezone.now(),
                **form.cleaned_data,
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Follow-up action added.")
            return redirect(back)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "source": source, "incident": incident, "back": back}
    return render(request, "followups/new.html", context, status=status)


@manager_required
@require_http_methods(["GET", "POST"])
def new_from_incident(request, pk: int):
    incident = incident_for_manager(request.user, pk)
    back = reverse("incidents:detail", args=[incident.pk])
    return _new(request, source=incident, incident=incident, back=back)


@manager_required
@require_http_methods(["GET", "POST"])
def new_from_session(request, pk: int):
    session = session_for_manager(request.user, pk)
    back = reverse("drills:session_detail", args=[session.pk])
    return _new(request, source=session, drill_session=session, back=back)


@manager_required
@require_http_methods(["GET", "POST"])
def close(request, pk: int):
    action = selectors.follow_up_for_manager(request.user, pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        close_as = (
            services.mark_done if form.cleaned_data["decision"] == "done" else services.cancel
        )
        try:
            close_as(
                action=action,
                note=form.cleaned_data["note"],
                actor=request.user,
                now=timezone.now(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            messages.success(request, "Follow-up action closed.")
            return redirect("followups:manage")
    status = 400 if request.method == "POST" else 200
    return render(request, "followups/close.html", {"form": form, "action": action}, status=status)


def mine(request):
    """My follow-up actions: open ones with their status, each with a 'done' button."""
    actions = selectors.my_follow_ups(request.user)
    context = {"standings": selectors.standings(actions, now=timezone.now())}
    return render(request, "followups/mine.html", context)


@require_POST
def done(request, pk: int):
    action = selectors.my_follow_up(request.user, pk)
    form = DoneForm(request.POST)
    if form.is_valid():
        try:
            services.mark_done(
                action=action,
                note=form.cleaned_data["note"],
                actor=request.user,
                now=timezone.now(),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Marked done: {action.what}")
            return redirect("followups:mine")
    else:
        messages.error(request, " ".join(m for ms in form.errors.values() for m in ms))
    return redirect("followups:mine")
