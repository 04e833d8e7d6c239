"""Wagtail admin: clearances as snippets under the medical director's workflow."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from clearances.models import Clearance


class ClearanceViewSet(SnippetViewSet):
    model = Clearance
    icon = "tick-inverse"
    menu_label = _("Clearances")
    menu_order = 330
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    ordering = ["name"]


register_snippet(ClearanceViewSet)
