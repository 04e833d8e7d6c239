"""Reads about a person's login: whether a second factor is required, and what they have."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.db.models import Exists, OuterRef, QuerySet
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from organisation import groups
from organisation.policies import locations_managed_by, managed_locations
from organisation.selectors import is_manager

# Members of these groups must use a second factor, as must anyone who manages a location.
MFA_GROUPS = (groups.MANAGERS, groups.EDUCATORS, groups.MEDICAL_DIRECTORS)


def mfa_required(user: AbstractBaseUser) -> bool:
    """True for superusers, managers (by group or by managing a location), regional managers,
    educators and medical directors; False for staff, who may opt in."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=MFA_GROUPS).exists() or is_manager(user)


@dataclass(frozen=True)
class Viewer:
    """What every page asks about the signed-in person, beyond the user row itself."""

    has_mfa: bool
    mfa_required: bool
    manages: bool
    can_author: bool


NOBODY = Viewer(has_mfa=False, mfa_required=False, manages=False, can_author=False)
VIEWER_ON_REQUEST = "_readyroom_viewer"


def viewer_of(request) -> Viewer:
    """`has_mfa`, `mfa_required`, `is_manager` and the Wagtail admin permission of the
    request's user, read in one query and kept on the request: the second-factor middleware
    and every page's navigation ask, and six queries there were a third of a page's. A user
    the session loaded (accounts.backends) brings them along: no query of its own.

    Read once per request, before the view: a view that changes one of these (a manager
    assigned, an authenticator confirmed) shows it from the next request on.
    """
    viewer = getattr(request, VIEWER_ON_REQUEST, None)
    if viewer is None:
        viewer = _viewer_read_with(request.user) or _read_viewer(request.user)
        setattr(request, VIEWER_ON_REQUEST, viewer)
    return viewer


# What users_with_viewer() annotates, in the order of Viewer's questions.
_VIEWER_FLAGS = ("viewer_has_mfa", "viewer_in_mfa_group", "viewer_manages", "viewer_may_author")


def users_with_viewer() -> QuerySet:
    """Users with what viewer_of asks annotated on each, for the session's user (one query
    for the user and the Viewer). A superuser's `manages` is asked separately (every
    location), so their flags are read by viewer_of's own query."""
    user = OuterRef("pk")
    return get_user_model().objects.annotate(
        viewer_has_mfa=Exists(TOTPDevice.objects.filter(user=user, confirmed=True)),
        viewer_in_mfa_group=Exists(Group.objects.filter(user=user, name__in=MFA_GROUPS)),
        viewer_manages=Exists(locations_managed_by(user)),
        viewer_may_author=_may_author(user),
    )


def _viewer_read_with(user: AbstractBaseUser) -> Viewer | None:
    if not user.is_authenticated or user.is_superuser:
        return None
    try:
        has, in_group, manages, may_author = (getattr(user, flag) for flag in _VIEWER_FLAGS)
    except AttributeError:  # a user loaded some other way
        return None
    return Viewer(
        has_mfa=has, mfa_required=in_group or manages, manages=manages, can_author=may_author
    )


def _may_author(user) -> Exists:
    """Whether `user` (a user, or OuterRef("pk")) holds Wagtail's access_admin permission,
    itself or through a group. Two EXISTS, not one across both joins: PostgreSQL answered
    the OR of two outer joins by reading every permission (2.4 ms a page, against 0.3)."""
    permission = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    return Exists(permission.filter(user=user)) | Exists(permission.filter(group__user=user))


def _read_viewer(user: AbstractBaseUser) -> Viewer:
    if not user.is_authenticated:
        return NOBODY
    has, in_group, manages, may_author = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(
            has=Exists(TOTPDevice.objects.filter(user=user, confirmed=True)),
            in_group=Exists(user.groups.filter(name__in=MFA_GROUPS)),
            manages=Exists(managed_locations(user)),
            may_author=_may_author(user),
        )
        .values_list("has", "in_group", "manages", "may_author")
        .get()
    )
    return Viewer(
        has_mfa=has,
        mfa_required=user.is_superuser or in_group or manages,
        manages=manages,
        # As user.has_perm("wagtailadmin.access_admin") answers for an active user.
        can_author=user.is_superuser or may_author,
    )


def totp_device_of(user: AbstractBaseUser) -> TOTPDevice | None:
    """The user's confirmed authenticator (at most one), or None when MFA is not set up."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def has_mfa(user: AbstractBaseUser) -> bool:
    """True once the user has confirmed an authenticator app."""
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_codes_left(user: AbstractBaseUser) -> int:
    """How many unused recovery codes the user holds."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
