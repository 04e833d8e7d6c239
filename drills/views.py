"""Site views outside the page tree: my drills, and the manager's team-drill log."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from drills import selectors, services
from drills.compliance import drill_rows
from drills.forms import ScenarioPickForm, TeamDrillForm
from organisation.access import manager_required
from organisation.compliance import compliance_rows
from organisation.selectors import profile_of


def my_drills(request):
    """The scenarios I can run, my requirements, my runs."""
    profile = profile_of(request.user)
    context = {"scenarios": list(selectors.available_scenarios())}
    if profile is not None:
        context["runs"] = list(selectors.runs_of(profile)[:50])
        context["rows"] = drill_rows(staff=[profile], now=timezone.now(), as_of=None)
        # Drills a manager set this person, due on a date (the kind actions registers,
        # keyed "module:..." or "drill:...").
        context["assigned"] = [
            row
            for row in compliance_rows(staff=[profile], now=timezone.now(), kinds=["assigned"])
            if row.requirement_key.startswith("drill:")
        ]
        # Each requirement with its scenario, for the sample-content badge (rows name pages
        # by id; the scenarios are already loaded).
        by_id = {str(page.pk): page for page in context["scenarios"]}
        context["required"] = [(row, by_id.get(row.requirement_key)) for row in context["rows"]]
    return render(request, "drills/my_drills.html", context)


@manager_required
def session_list(request):
    sessions = selectors.sessions_for_manager(request.user).prefetch_related("participants")
    return render(request, "drills/session_list.html", {"sessions": sessions[:100]})


@manager_required
def session_new(request):
    scenarios = selectors.available_scenarios()
    scenario_id = request.GET.get("scenario") or request.POST.get("scenario")
    if not scenario_id:
        return render(
            request, "drills/session_pick.html", {"form": ScenarioPickForm(scenarios=scenarios)}
        )
    page = scenarios.filter(pk=scenario_id).first() if str(scenario_id).isdigit() else None
    if page is None:
        raise Http404("No such scenario.")
    now = timezone.now()
    manager = profile_of(request.user)
    today = manager.local_date(now) if manager else timezone.localdate(now)
    form = TeamDrillForm(
        request.POST or None, user=request.user, page=page, today=today, initial={"held_on": today}
    )
    if request.method == "POST" and form.is_valid():
        session = services.log_team_drill(
            page=page,
            location=form.cleaned_data["location"],
            held_on=form.cleaned_data["held_on"],
            participants=form.cleaned_data["participants"],
            milestone_seconds=form.milestone_seconds(),
            checklist_done=form.cleaned_data["checklist"],
            debrief_notes=form.cleaned_data["debrief_notes"],
            logged_by=request.user,
            now=now,
        )
        return redirect("drills:session_detail", pk=session.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "drills/session_form.html", {"form": form, "page": page}, status=status)


@manager_required
def session_detail(request, pk: int):
    session = selectors.session_for_manager(request.user, pk)
    participants = session.participants.select_related("user").order_by("user__last_name")
    context = {"session": session, "participants": participants}
    return render(request, "drills/session_detail.html", context)
