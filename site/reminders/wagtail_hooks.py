"""Wagtail admin: the reminder ledger, read-only and for superusers (the policy is a setting)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from reminders.models import Reminder


class ReminderLedgerViewSet(SnippetViewSet):
    """Superusers only (no group is granted its permissions; see policies.py)."""

    model = Reminder
    icon = "mail"
    menu_label = _("Reminder ledger")
    menu_order = 310
    add_to_admin_menu = True
    list_display = [
        Column("stage_text", label=_("What")),  # the kind in words, not its key
        "label",
        "recipient_key",
        "due_on",
        "status",
        "attempts",
        "last_error",
    ]
    list_filter = ["status", "audience"]
    search_fields = ["label", "item_key", "last_error"]
    ordering = ["-created_at"]
    inspect_view_enabled = True


register_snippet(ReminderLedgerViewSet)
