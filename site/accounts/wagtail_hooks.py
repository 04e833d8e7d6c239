from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet


class LoginLockoutViewSet(ModelViewSet):
    """Failed logins django-axes is counting. Deleting a row unlocks that username and address
    (permissions: accounts.policies.LockoutPolicy; nobody adds or edits a row here)."""

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lockouts")
    add_to_settings_menu = True
    url_prefix = "login-lockouts"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = ["attempt_time"]
    search_fields = ["username", "ip_address"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["username"]


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet("login_lockouts")
