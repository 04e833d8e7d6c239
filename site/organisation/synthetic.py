"""Synthetic staff for the load test: made in bulk at the demo locations, removed all at once.

Each one is marked three ways, and removal asks for all three, so no real person can match:
a username `loadtest-0001`, an address at SYNTHETIC_EMAIL_DOMAIN (a reserved `.test` name)
and the last name "Load test". They share one known password, which is why they exist only
in a database that holds the demo clinic (whose logins are public already).
"""

import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import QuerySet

from organisation import groups
from organisation.demo import LOCATIONS, purge_demo_audit
from organisation.models import JobRole, Location, StaffProfile

SYNTHETIC_PREFIX = "loadtest-"
SYNTHETIC_EMAIL_DOMAIN = "loadtest.readyroom.test"
SYNTHETIC_LAST_NAME = "Load test"
SYNTHETIC_PASSWORD = "readyroom-loadtest"
# Roles that the demo's modules and drills require, so everyone has a quiz and a drill to do.
SYNTHETIC_ROLES = ("injector", "laser-technician", "esthetician")
SYNTHETIC_USERNAME = re.compile(rf"^{SYNTHETIC_PREFIX}\d{{4,}}$")

NO_DEMO_CLINIC = (
    "The demo clinic is not loaded in this database (run seed_demo first). Synthetic staff "
    "share a published password, so they are only made beside the demo clinic."
)


@dataclass(frozen=True)
class Removed:
    people: int
    audit_entries: int


def synthetic_username(number: int) -> str:
    return f"{SYNTHETIC_PREFIX}{number:04d}"


def synthetic_users() -> QuerySet:
    """Users carrying all three marks; nobody else, whatever their name looks like."""
    return get_user_model().objects.filter(
        username__regex=SYNTHETIC_USERNAME.pattern,
        email__endswith=f"@{SYNTHETIC_EMAIL_DOMAIN}",
        last_name=SYNTHETIC_LAST_NAME,
    )


@transaction.atomic
def create_synthetic_staff(*, count: int) -> int:
    """Make `loadtest-0001` .. `loadtest-<count>` (those missing), spread over the demo
    locations and the roles in SYNTHETIC_ROLES, in the Staff group. Returns how many were made.

    Raises LookupError (NO_DEMO_CLINIC) when the demo locations or roles are missing.
    """
    locations = list(
        Location.objects.filter(slug__in=[s for s, _, _ in LOCATIONS]).order_by("slug")
    )
    roles = list(JobRole.objects.filter(slug__in=SYNTHETIC_ROLES).order_by("slug"))
    if len(locations) != len(LOCATIONS) or len(roles) != len(SYNTHETIC_ROLES):
        raise LookupError(NO_DEMO_CLINIC)
    User = get_user_model()
    wanted = {synthetic_username(n): n for n in range(1, count + 1)}
    existing = set(User.objects.filter(username__in=wanted).values_list("username", flat=True))
    # One hash for all: each login still verifies it at full cost, which is what is measured.
    password = make_password(SYNTHETIC_PASSWORD)
    users = User.objects.bulk_create(
        User(
            username=name,
            first_name=f"Synthetic {number:04d}",
            last_name=SYNTHETIC_LAST_NAME,
            email=f"{name}@{SYNTHETIC_EMAIL_DOMAIN}",
            password=password,
        )
        for name, number in wanted.items()
        if name not in existing
    )
    if not users:
        return 0
    # bulk_create returns primary keys on PostgreSQL and SQLite alike.
    staff_group = Group.objects.get_or_create(name=groups.STAFF)[0]
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=u.pk, group_id=staff_group.pk) for u in users
    )
    profiles = StaffProfile.objects.bulk_create(
        StaffProfile(user=u, home_location=locations[wanted[u.username] % len(locations)])
        for u in users
    )
    StaffProfile.locations.through.objects.bulk_create(
        StaffProfile.locations.through(staffprofile_id=p.pk, location_id=p.home_location_id)
        for p in profiles
    )
    StaffProfile.roles.through.objects.bulk_create(
        StaffProfile.roles.through(
            staffprofile_id=p.pk, jobrole_id=roles[wanted[p.user.username] % len(roles)].pk
        )
        for p in profiles
    )
    return len(users)


@transaction.atomic
def remove_synthetic_staff() -> Removed:
    """Delete every synthetic person with all their records, and nobody else.

    Their audit entries go first, through the demo reset's deliberate purge path
    (`purge_demo_audit`): synthetic staff live at the demo locations, so they are demo data,
    and `seed_demo --reset` would remove them the same way. Only entries *about* them are
    purged; an entry they wrote about anyone else would keep them (ProtectedError), as the
    demo reset does, rather than erase someone else's history. The load test never does that.
    """
    users = synthetic_users()
    profiles = StaffProfile.objects.filter(user__in=users)
    entries = purge_demo_audit(profiles=profiles)
    people = profiles.count()
    users.delete()
    return Removed(people=people, audit_entries=entries)
