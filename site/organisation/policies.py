"""Who may see and act on a staff member: the one rule, written once.

Each rule is a queryset filter (for lists, exports and PDFs) and an object check (for one
record), and every app's views, selectors, services and admin call these; none decides for
itself. Seeing a person's records: themselves, the managers of any location they work at,
and superusers. Acting on a person as their manager (verifying a card, deciding a request,
reading their record under /manage/): the managers of one of their locations, never the
person themselves, whose own record is their manager's to handle.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from organisation.models import Location, StaffProfile


def managed_locations(viewer: AbstractBaseUser) -> QuerySet[Location]:
    """The locations whose staff `viewer` manages: all of them for a superuser."""
    if not viewer.is_authenticated:
        return Location.objects.none()
    if viewer.is_superuser:
        return Location.objects.all()
    return locations_managed_by(viewer)


def locations_managed_by(user) -> QuerySet[Location]:
    """The locations `user` manages as a named manager: a user, or a reference to one in an
    outer query (`OuterRef("pk")`). A superuser's reach is managed_locations'."""
    return Location.objects.filter(managers__user=user)


def is_manager(viewer: AbstractBaseUser) -> bool:
    """True when the viewer manages at least one location (or is a superuser)."""
    return managed_locations(viewer).exists()


def visible_staff(viewer: AbstractBaseUser) -> QuerySet[StaffProfile]:
    """Every staff profile the viewer may see: their own, and those at locations they manage."""
    if not viewer.is_authenticated:
        return StaffProfile.objects.none()
    if viewer.is_superuser:
        return StaffProfile.objects.all()
    managed = Location.objects.filter(managers__user=viewer).values("pk")
    return StaffProfile.objects.filter(Q(user=viewer) | Q(locations__in=managed)).distinct()


def can_see_staff(viewer: AbstractBaseUser, profile: StaffProfile) -> bool:
    """The per-object form of `visible_staff`."""
    if not viewer.is_authenticated:
        return False
    if viewer.is_superuser or profile.user_id == viewer.pk:
        return True
    return profile.locations.filter(managers__user=viewer).exists()


def managed_staff(viewer: AbstractBaseUser) -> QuerySet[StaffProfile]:
    """Staff the viewer acts on as a manager: at a location they manage, never themselves."""
    if not viewer.is_authenticated:
        return StaffProfile.objects.none()
    return (
        StaffProfile.objects.filter(locations__in=managed_locations(viewer).values("pk"))
        .exclude(user=viewer)
        .distinct()
    )


def can_manage_staff(viewer: AbstractBaseUser, profile: StaffProfile) -> bool:
    """The per-object form of `managed_staff`."""
    if not viewer.is_authenticated or profile.user_id == viewer.pk:
        return False
    if viewer.is_superuser:
        return True
    return profile.locations.filter(managers__user=viewer).exists()


def about_visible_staff(viewer: AbstractBaseUser, rows: QuerySet, *, field: str = "staff"):
    """`rows` (anything with a foreign key to a staff profile) that the viewer may see."""
    return rows.filter(**{f"{field}__in": visible_staff(viewer).values("pk")})


def about_managed_staff(viewer: AbstractBaseUser, rows: QuerySet, *, field: str = "staff"):
    """`rows` about people at the locations the viewer manages (their own included: a list of
    a location's rows shows the manager's own line; deciding about it is refused separately
    by `can_manage_staff`)."""
    return rows.filter(
        **{f"{field}__locations__in": managed_locations(viewer).values("pk")}
    ).distinct()
