"""Wagtail admin views for educators and medical directors: drill analytics (how runs went,
node by node) and the full-size map of a scenario's latest version, draft or live."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from drills import selectors
from drills.models import DrillScenarioPage
from drills.permissions import can_view_analytics, can_view_drafts
from drills.svg import render_map


def _guard(request):
    if not can_view_analytics(request.user):
        raise PermissionDenied


def analytics_index(request):
    _guard(request)
    scenarios = DrillScenarioPage.objects.order_by("title")
    return render(request, "drills/admin/analytics_index.html", {"scenarios": scenarios})


def analytics_detail(request, page_id: int):
    _guard(request)
    page = DrillScenarioPage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404("No such scenario.")
    context = {"page": page, "analytics": selectors.scenario_analytics(page)}
    return render(request, "drills/admin/analytics_detail.html", context)


def draft_map(request, page_id: int):
    """The map of the latest saved revision, so an unpublished draft can be read full size."""
    if not can_view_drafts(request.user):
        raise PermissionDenied
    page = DrillScenarioPage.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404("No such scenario.")
    latest = page.get_latest_revision_as_object()
    graph = latest.drill_graph
    context = {
        "page": latest,
        "is_draft": page.has_unpublished_changes or not page.live,
        "map_svg": render_map(graph),
        "graph": graph,
        "problems": graph.validate() if graph.nodes else [],
    }
    return render(request, "drills/admin/map.html", context)
