"""Wagtail admin: certification types and requirements (educators)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from certifications.models import CertificationRequirement, CertificationType


class CertificationTypeViewSet(SnippetViewSet):
    model = CertificationType
    icon = "doc-full"
    menu_label = _("Certification types")
    list_display = [
        "name",
        "code",
        "issuing_body",
        "validity_months",
        "expiry_rule",
        "renewal_basis",
    ]
    search_fields = ["name", "code", "issuing_body"]
    ordering = ["name"]


class CertificationRequirementViewSet(SnippetViewSet):
    model = CertificationRequirement
    icon = "tick-inverse"
    menu_label = _("Requirements by role")
    list_display = ["role", "certification_type", "added_at"]
    list_filter = ["role", "certification_type"]
    ordering = ["role__name", "certification_type__name"]


class CertificationsGroup(SnippetViewSetGroup):
    menu_label = _("Certifications")
    menu_icon = "doc-full"
    menu_order = 300
    items = (CertificationTypeViewSet, CertificationRequirementViewSet)


register_snippet(CertificationsGroup)
