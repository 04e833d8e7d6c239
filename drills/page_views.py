"""The scenario page's routes: overview, run/ and runs/<id>/ (debrief).

Thin: they find the viewer's profile, call a selector or a service, and render or redirect.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from wagtail.images import get_image_model

from content.routes import subpage_url
from drills import selectors, services
from drills.svg import render_map
from organisation.access import acting_profile
from organisation.selectors import profile_of

ACTION_START = "start"
ACTION_DECIDE = "decide"
NO_PROFILE = "Drills are run by staff members; this account has no staff profile."


def overview(page, request):
    preview = getattr(request, "is_preview", False)
    context = {
        "map_svg": render_map(page.drill_graph) if preview else None,
        "graph": page.drill_graph if preview else None,
    }
    profile = profile_of(request.user)
    if profile is not None and not preview:
        context["my_runs"] = list(selectors.runs_of(profile).filter(page=page)[:10])
        context["open_run"] = next((r for r in context["my_runs"] if not r.is_finished), None)
    context["run_url"] = subpage_url(page, "run") if page.live else ""
    return page.render(request, context_overrides=context)


def run(page, request):
    profile = acting_profile(request, NO_PROFILE)
    now = timezone.now()
    if request.method == "POST":
        return _post(page, request, profile, now)
    current = selectors.open_run(staff=profile, page=page)
    context = {"page": page, "run": current, "run_url": subpage_url(page, "run")}
    if current is not None:
        graph = services.revision_graph(current.revision)
        node = graph.node(current.current_node)
        context["node"] = node
        context["step_number"] = current.steps + 1
        if node is not None and node.timer_seconds:
            elapsed = (now - current.current_shown_at).total_seconds()
            context["remaining"] = max(0, int(node.timer_seconds - elapsed))
            grace = services.timer_grace().total_seconds()
            context["grace"] = int(grace)
            context["time_up"] = elapsed > node.timer_seconds + grace
        if node is not None and node.image_id:
            context["image"] = get_image_model().objects.filter(pk=node.image_id).first()
    return render(request, "drills/run.html", context)


def _post(page, request, profile, now):
    action = request.POST.get("action")
    try:
        if action == ACTION_START:
            services.start_run(staff=profile, page=page, now=now)
            return HttpResponseRedirect(subpage_url(page, "run"))
        if action == ACTION_DECIDE:
            raw_choice = request.POST.get("choice", "")
            try:
                choice_index = int(raw_choice) if raw_choice != "" else None
            except ValueError as error:
                raise services.DrillRejected(services.UNKNOWN_CHOICE) from error
            result = services.decide(
                staff=profile,
                page=page,
                node_key=request.POST.get("node", ""),
                choice_index=choice_index,
                now=now,
            )
            if result.run.is_finished:
                return HttpResponseRedirect(subpage_url(page, "debrief", result.run.pk))
            return HttpResponseRedirect(subpage_url(page, "run"))
        raise services.DrillRejected(services.UNKNOWN_CHOICE)
    except services.DrillRejected as rejected:
        context = {"page": page, "message": rejected.message, "run_url": subpage_url(page, "run")}
        return render(request, "drills/rejected.html", context, status=400)


def debrief(page, request, run_id: int):
    found = selectors.run_for_viewer(request.user, page=page, run_id=run_id)
    if not found.is_finished:
        return HttpResponseRedirect(subpage_url(page, "run"))
    context = {"page": page, "debrief": selectors.debrief_for(found)}
    return render(request, "drills/debrief.html", context)
