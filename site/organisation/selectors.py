"""Reads about the organisation, always scoped by who is asking (organisation.policies)."""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from itertools import groupby
from operator import attrgetter, itemgetter
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from organisation.models import (
    PREFETCHED_LOCATIONS,
    PREFETCHED_ROLES,
    ClinicSettings,
    JobRole,
    Location,
    StaffProfile,
)
from organisation.policies import is_manager, managed_locations, visible_staff  # noqa: F401 - is_manager: callers moving to organisation.policies


def profile_of(user: AbstractBaseUser) -> StaffProfile | None:
    """The user's own staff profile, or None (an anonymous user, or an admin without one)."""
    if not user.is_authenticated:
        return None
    # The session's user comes with the profile already read (accounts.backends).
    if user.__class__.staff_profile.is_cached(user):
        return getattr(user, "staff_profile", None)
    return StaffProfile.objects.select_related("user", "home_location").filter(user=user).first()


def staff_for_viewer(user: AbstractBaseUser, pk: int) -> StaffProfile:
    """One staff profile the viewer may see; the same 404 whether missing or not theirs."""
    profile = visible_staff(user).select_related("user", "home_location").filter(pk=pk).first()
    if profile is None:
        raise Http404("No such staff member.")
    return profile


def staff_at_locations(locations: QuerySet[Location]) -> QuerySet[StaffProfile]:
    """Active staff working at any of `locations`, with what compliance needs prefetched."""
    return (
        StaffProfile.objects.filter(is_active=True, locations__in=locations)
        .distinct()
        .select_related("user", "home_location")
        .prefetch_related(
            Prefetch("roles", to_attr=PREFETCHED_ROLES),
            Prefetch("locations", to_attr=PREFETCHED_LOCATIONS),
        )
    )


def managed_staff_for_viewer(user: AbstractBaseUser, pk: int) -> StaffProfile:
    """A staff member at one of the locations `user` manages; 404 otherwise (even for self).

    Manager pages use this rather than `staff_for_viewer`, which also admits the viewer's own
    profile: a manager's own record is reviewed by their own manager.
    """
    profile = (
        StaffProfile.objects.filter(locations__in=managed_locations(user))
        .select_related("user", "home_location")
        .prefetch_related("roles", "locations")
        .filter(pk=pk)
        .first()
    )
    if profile is None:
        raise Http404("No such staff member.")
    return profile


class StaffLine(NamedTuple):
    """A staff member as a page over thousands of people needs them: plain values, no model
    instances (building a profile, its user and its prefetched lists costs more than reading
    them; a tuple is the cheapest object to make). Judges like a StaffProfile: `local_date`
    is their home location's date."""

    pk: int
    first_name: str
    last_name: str
    username: str
    email: str
    time_zone: str  # the home location's; UTC without one, as StaffProfile.local_date
    location_ids: tuple[int, ...]
    role_ids: tuple[int, ...]

    @property
    def display_name(self) -> str:
        """As StaffProfile.display_name: the full name, else the username."""
        return f"{self.first_name} {self.last_name}".strip() or self.username

    def local_date(self, now: datetime) -> date:
        return _local_date(self.time_zone, now)


@lru_cache(maxsize=256)
def _local_date(time_zone: str, now: datetime) -> date:
    """Thousands of people share a handful of time zones and one `now`."""
    return now.astimezone(zoneinfo.ZoneInfo(time_zone)).date()


class StaffLines(list[StaffLine]):
    """StaffLines and the query they were read by (`people`), which compliance providers
    reuse to narrow their own reads (organisation.compliance.narrowed_to)."""

    def __init__(self, lines: list[StaffLine], *, people: QuerySet[StaffProfile]):
        super().__init__(lines)
        self.people = people


def active_staff_at(
    locations: QuerySet[Location], *, role: JobRole | None = None
) -> QuerySet[StaffProfile]:
    """Active staff working at any of `locations` (holding `role`, when given), each once:
    filtered through subqueries rather than joins, so no DISTINCT is needed."""
    people = StaffProfile.objects.filter(
        is_active=True,
        pk__in=StaffProfile.locations.through.objects.filter(location__in=locations).values(
            "staffprofile_id"
        ),
    )
    if role is not None:
        people = people.filter(
            pk__in=StaffProfile.roles.through.objects.filter(jobrole=role).values("staffprofile_id")
        )
    return people


def staff_lines(people: QuerySet[StaffProfile]) -> StaffLines:
    """`people` as StaffLines, by last then first name. Three queries however many people:
    the people, then their locations and their roles (all of them, not only those asked
    about)."""
    ids = people.values("pk")
    locations_of = _grouped(
        StaffProfile.locations.through.objects.filter(staffprofile_id__in=ids),
        "location_id",
    )
    roles_of = _grouped(
        StaffProfile.roles.through.objects.filter(staffprofile_id__in=ids), "jobrole_id"
    )
    rows = people.order_by().values_list(
        "pk",
        "user__first_name",
        "user__last_name",
        "user__username",
        "user__email",
        "home_location__time_zone",
    )
    lines = [
        StaffLine(
            pk,
            first,
            last,
            username,
            email,
            zone or "UTC",
            locations_of.get(pk, ()),
            roles_of.get(pk, ()),
        )
        for pk, first, last, username, email, zone in rows
    ]
    # Sorted here, not by the database, so the order is the same on every database.
    lines.sort(key=attrgetter("last_name", "first_name", "pk"))
    return StaffLines(lines, people=people)


def _grouped(links: QuerySet, field: str) -> dict[int, tuple[int, ...]]:
    """staff pk -> the sorted `field` values of their `links` rows. Made as tuples straight
    away: 10,000 lists kept alive for the length of a request make the garbage collector
    sweep the whole heap."""
    rows = links.order_by("staffprofile_id", field).values_list("staffprofile_id", field)
    return {
        staff_id: tuple(value for _, value in group)
        for staff_id, group in groupby(rows.iterator(), key=itemgetter(0))
    }


def location_and_role_names() -> tuple[dict[int, str], dict[int, str]]:
    """Every location's and job role's name by pk (two small queries), for StaffLines."""
    return (
        dict(Location.objects.values_list("pk", "name")),
        dict(JobRole.objects.values_list("pk", "name")),
    )


@dataclass(frozen=True)
class Clinic:
    """Who issues certificates: the clinic's name and logo, the medical director who signs."""

    name: str
    logo: object | None  # a Wagtail image
    director_name: str
    director_credentials: str

    @property
    def director(self) -> str:
        """'Dr Dana Whitfield, MD'; empty when no director is set."""
        if not self.director_name:
            return ""
        credentials = self.director_credentials
        return f"{self.director_name}, {credentials}" if credentials else self.director_name


def clinic() -> Clinic:
    """The clinic settings with the logo, in one query; the site's name stands in for a
    clinic that has not named itself yet. Reads only: Wagtail's `load()` would create the
    row, a write inside a GET (the admin's settings page creates it when first opened)."""
    row = ClinicSettings.base_queryset().first() or ClinicSettings()
    return Clinic(
        name=row.name.strip() or settings.WAGTAIL_SITE_NAME,
        logo=row.logo,
        director_name=row.medical_director_name.strip(),
        director_credentials=row.medical_director_credentials.strip(),
    )
