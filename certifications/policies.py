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


# A card a manager recorded on someone's behalf (actions.cards) needs a second pair of eyes.
RECORDED_IT = _(
    "You recorded this card on the person's behalf, so another manager verifies or rejects it."
)


def is_own_record(viewer: AbstractBaseUser, record) -> bool:
    return record.staff.user_id == viewer.pk


def refuse_own_record(viewer: AbstractBaseUser, record) -> None:
    """Raise PermissionDenied (a 403 in views) when `record` is the viewer's own card."""
    if is_own_record(viewer, record):
        raise PermissionDenied(OWN_CARD)


def refuse_own_entry(viewer: AbstractBaseUser, record) -> None:
    """Raise PermissionDenied when the viewer recorded someone else's card themselves: the
    decision on it is another manager's."""
    if record.uploaded_by_id == viewer.pk and not is_own_record(viewer, record):
        raise PermissionDenied(RECORDED_IT)
