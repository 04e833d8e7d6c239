"""Wagtail admin: drill requirements (educators), drill analytics, the map link."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from content.services import put_under_medical_director_approval
from drills import admin_views, exchange_views, selectors
from drills.models import DrillIndexPage, DrillRequirement, DrillScenarioPage
from drills.permissions import can_exchange_scenarios, can_view_analytics

RECORDS_HELD = _(
    "Not deleted: {count} drill runs and team drills are on record for this page. Unpublish it "
    "to take it out of use; the records stay."
)


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
        path("drills/scenarios/<int:page_id>/map/", admin_views.draft_map, name="drills_map"),
        path("drills/import/", exchange_views.import_scenario_view, name="drills_import"),
        path(
            "drills/scenarios/<int:page_id>/export/",
            exchange_views.export_scenario,
            name="drills_export",
        ),
    ]


class ExportScenarioButton(PageMenuItem):
    label = _("Export YAML")
    icon_name = "download"

    def is_shown(self, user):
        return can_exchange_scenarios(user)

    @cached_property
    def url(self):
        return reverse("drills_export", args=[self.page.pk])


class ImportScenarioButton(PageMenuItem):
    label = _("Import a drill scenario")
    icon_name = "upload"

    def is_shown(self, user):
        return can_exchange_scenarios(user)

    @cached_property
    def url(self):
        return reverse("drills_import") + "?" + urlencode({"parent": self.page.pk})


def _exchange_buttons(page):
    if page.specific_class is DrillScenarioPage:
        yield ExportScenarioButton(page=page, priority=80)
    elif page.specific_class is DrillIndexPage:
        yield ImportScenarioButton(page=page, priority=80)


@hooks.register("register_page_header_buttons")
def scenario_header_buttons(page, user, view_name, next_url=None):
    """Export on a scenario's header menu, import on the drill library's."""
    yield from _exchange_buttons(page)


@hooks.register("register_page_listing_more_buttons")
def scenario_listing_buttons(page, user, next_url=None):
    yield from _exchange_buttons(page)


class AnalyticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_analytics(request.user)


@hooks.register("register_admin_menu_item")
def register_analytics_menu_item():
    return AnalyticsMenuItem(
        _("Drill analytics"), reverse("drills_analytics"), icon_name="table", order=330
    )


@hooks.register("before_delete_page")
def keep_scenarios_with_records(request, page):
    """A scenario (or the library) with runs or team drills on record is not deleted: those
    records are people's compliance evidence. Unpublishing takes it out of use instead."""
    held = selectors.records_under(page)
    if held:
        messages.error(request, RECORDS_HELD.format(count=held))
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


@hooks.register("after_create_page")
def put_new_drill_library_under_approval(request, page):
    """A drill library made in the admin goes under medical director approval at once."""
    if isinstance(page.specific, DrillIndexPage):
        put_under_medical_director_approval(page=page)
