"""Drill analytics for educators in Wagtail admin: how runs went, node by node."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render

from drills import selectors
from drills.models import DrillScenarioPage
from drills.permissions import can_view_analytics


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
