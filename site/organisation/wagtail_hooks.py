"""The organisation in Wagtail admin, for administrators (model permissions decide who)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from organisation.audit import HAS_AUDIT_HISTORY, profile_named_in_audit, user_named_in_audit
from organisation.models import JobRole, Location, StaffProfile
from organisation.services import deactivate_staff


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


class StaffProfileEditView(generic.EditView):
    def save_instance(self):
        """Unticking "Active" goes through `deactivate_staff`: the user is locked out too and
        the audit trail says who did it."""
        leaving = "is_active" in self.form.changed_data and not self.form.instance.is_active
        instance = super().save_instance()
        if leaving:
            deactivate_staff(
                profile=instance,
                actor=self.request.user,
                now=timezone.now(),
                reason="deactivated in the admin",
            )
        return instance


class StaffProfileDeleteView(generic.DeleteView):
    """Refuses, with the way out, to delete a person the audit trail names."""

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if profile_named_in_audit(self.object):
            messages.error(request, HAS_AUDIT_HISTORY % {"name": self.object.display_name})
            return redirect(self.edit_url_name, self.object.pk)
        return super().dispatch(request, *args, **kwargs)


class StaffProfileViewSet(ModelViewSet):
    model = StaffProfile
    icon = "user"
    edit_view_class = StaffProfileEditView
    delete_view_class = StaffProfileDeleteView
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


@hooks.register("before_delete_user")
def keep_users_the_audit_trail_names(request, user):
    """Wagtail's user delete would cascade to the staff profile and hit PROTECT: say why."""
    if user_named_in_audit(user):
        name = user.get_full_name() or user.get_username()
        messages.error(request, HAS_AUDIT_HISTORY % {"name": name})
        return redirect("wagtailusers_users:edit", user.pk)
    return None
