"""The organisation in Wagtail admin, for administrators (model permissions decide who)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from organisation.models import JobRole, Location, StaffProfile


class LocationViewSet(ModelViewSet):
    model = Location
    icon = "site"
    form_fields = ["name", "slug", "time_zone"]
    list_display = ["name", "slug", "time_zone"]
    search_fields = ["name", "slug"]


class JobRoleViewSet(ModelViewSet):
    model = JobRole
    icon = "group"
    form_fields = ["name", "slug"]
    list_display = ["name", "slug"]


class StaffProfileViewSet(ModelViewSet):
    model = StaffProfile
    icon = "user"
    form_fields = [
        "user",
        "roles",
        "locations",
        "home_location",
        "managed_locations",
        "hire_date",
        "is_active",
    ]
    list_display = ["display_name", "home_location", "hire_date", "is_active"]
    list_filter = ["is_active", "home_location", "roles"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]


class OrganisationGroup(ViewSetGroup):
    menu_label = _("Clinic")
    menu_icon = "home"
    items = (LocationViewSet, JobRoleViewSet, StaffProfileViewSet)


@hooks.register("register_admin_viewset")
def register_organisation():
    return OrganisationGroup()
