"""Wagtail admin: drill requirements (educators), drill analytics, the map link."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from drills import admin_views
from drills.models import DrillRequirement
from drills.permissions import can_view_analytics


class DrillRequirementViewSet(SnippetViewSet):
    model = DrillRequirement
    icon = "tick-inverse"
    menu_label = _("Drill requirements")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["role", "page", "every_months", "min_score", "all_critical"]
    list_filter = ["role"]
    ordering = ["role__name", "page__title"]


register_snippet(DrillRequirementViewSet)


@hooks.register("register_admin_urls")
def register_analytics_urls():
    return [
        path("drills/analytics/", admin_views.analytics_index, name="drills_analytics"),
        path(
            "drills/analytics/<int:page_id>/",
            admin_views.analytics_detail,
            name="drills_analytics_detail",
        ),
    ]


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_analytics(request.user)


@hooks.register("register_admin_menu_item")
def register_analytics_menu_item():
    return AnalyticsMenuItem(
        _("Drill analytics"), reverse("drills_analytics"), icon_name="table", order=330
    )
