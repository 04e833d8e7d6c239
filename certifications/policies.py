"""Who may decide about which card: one rule, used by the selectors, the services and views.

A manager decides about the cards of staff at the locations they manage, never about their
own: nobody verifies, rejects, extends or re-dates their own card; another manager does.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

OWN_CARD = _(
    "You cannot verify, reject or change the expiry of your own card: another manager does."
)


def is_own_record(viewer: AbstractBaseUser, record) -> bool:
    return record.staff.user_id == viewer.pk


def refuse_own_record(viewer: AbstractBaseUser, record) -> None:
    """Raise PermissionDenied (a 403 in views) when `record` is the viewer's own card."""
    if is_own_record(viewer, record):
        raise PermissionDenied(OWN_CARD)
