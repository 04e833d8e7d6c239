from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from dashboard.models import CoverageMinimum


class CoverageMinimumViewSet(ModelViewSet):
    model = CoverageMinimum
    icon = "success"
    menu_label = "Coverage minimums"
    add_to_admin_menu = True
    form_fields = ["location", "certification_code", "role", "minimum"]
    list_display = ["__str__", "location", "certification_code", "role", "minimum"]
    list_filter = ["location"]


@hooks.register("register_admin_viewset")
def register_coverage_minimums():
    return CoverageMinimumViewSet("coverage_minimums")
