"""Wagtail admin: each procedure's audit checklist as a snippet educators write and the medical
director approves (audits.approval)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from audits.models import AuditChecklist


class AuditChecklistViewSet(SnippetViewSet):
    model = AuditChecklist
    icon = "list-ul"
    menu_label = _("Audit checklists")
    menu_order = 340
    add_to_admin_menu = True
    list_display = ["name", "protocol", "pass_mark"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(AuditChecklistViewSet)
