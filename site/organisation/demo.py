"""The demo clinic's organisation: three locations, about thirty staff, their managers.

Every name here is invented. Demo logins share one password, printed by seed_demo.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import Q

from organisation import groups
from organisation.demo_clinic import remove_demo_clinic, seed_clinic
from organisation.models import AuditEntry, JobRole, Location, StaffProfile

DEMO_PASSWORD = "readyroom-demo"
DEMO_EMAIL_DOMAIN = "demo.readyroom.test"

LOCATIONS = (
    ("brookline", "Brookline", "America/New_York"),
    ("oak-park", "Oak Park", "America/Chicago"),
    ("pasadena", "Pasadena", "America/Los_Angeles"),
)

ROLES = (
    ("injector", "Injector"),
    ("laser-technician", "Laser technician"),
    ("esthetician", "Esthetician"),
    ("front-desk", "Front desk"),
    ("clinic-manager", "Clinic manager"),
    ("clinical-educator", "Clinical educator"),
    ("medical-director", "Medical director"),
)


@dataclass(frozen=True)
class DemoPerson:
    username: str
    first_name: str
    last_name: str
    roles: tuple[str, ...]
    locations: tuple[str, ...]
    groups: tuple[str, ...] = (groups.STAFF,)
    manages: tuple[str, ...] = ()
    years_employed: int = 2


# The five logins in the README come first; the rest fill out the three locations.
PEOPLE = (
    DemoPerson("staff", "Sam", "Okafor", ("injector", "laser-technician"), ("brookline",)),
    DemoPerson(
        "manager",
        "Maria",
        "Delgado",
        ("clinic-manager",),
        ("brookline",),
        (groups.STAFF, groups.MANAGERS),
        manages=("brookline",),
        years_employed=6,
    ),
    DemoPerson(
        "regional",
        "Rachel",
        "Kim",
        ("clinic-manager",),
        ("brookline", "oak-park"),
        (groups.STAFF, groups.MANAGERS),
        manages=("brookline", "oak-park"),
        years_employed=8,
    ),
    DemoPerson(
        "educator",
        "Evan",
        "Brooks",
        ("clinical-educator", "injector"),
        ("brookline",),
        (groups.STAFF, groups.EDUCATORS),
        years_employed=5,
    ),
    DemoPerson(
        "director",
        "Dana",
        "Whitfield",
        ("medical-director",),
        ("brookline", "oak-park", "pasadena"),
        (groups.STAFF, groups.MEDICAL_DIRECTORS),
        years_employed=9,
    ),
    DemoPerson(
        "olivia.grant",
        "Olivia",
        "Grant",
        ("clinic-manager",),
        ("oak-park",),
        (groups.STAFF, groups.MANAGERS),
        manages=("oak-park",),
        years_employed=4,
    ),
    DemoPerson(
        "marcus.bell",
        "Marcus",
        "Bell",
        ("clinic-manager",),
        ("pasadena",),
        (groups.STAFF, groups.MANAGERS),
        manages=("pasadena",),
        years_employed=3,
    ),
    # Brookline
    DemoPerson("priya.nair", "Priya", "Nair", ("injector",), ("brookline",), years_employed=4),
    DemoPerson("leo.martins", "Leo", "Martins", ("injector",), ("brookline",), years_employed=1),
    DemoPerson("hana.sato", "Hana", "Sato", ("laser-technician",), ("brookline",)),
    DemoPerson("grace.obi", "Grace", "Obi", ("esthetician",), ("brookline",), years_employed=3),
    DemoPerson("tom.reilly", "Tom", "Reilly", ("esthetician",), ("brookline",), years_employed=0),
    DemoPerson("ava.cohen", "Ava", "Cohen", ("front-desk",), ("brookline",)),
    DemoPerson("noah.price", "Noah", "Price", ("front-desk",), ("brookline", "oak-park")),
    # Oak Park
    DemoPerson("jasmine.ward", "Jasmine", "Ward", ("injector",), ("oak-park",), years_employed=5),
    DemoPerson("diego.ramos", "Diego", "Ramos", ("injector",), ("oak-park",), years_employed=2),
    DemoPerson("kate.lindqvist", "Kate", "Lindqvist", ("injector",), ("oak-park",)),
    DemoPerson("omar.haddad", "Omar", "Haddad", ("laser-technician",), ("oak-park",)),
    DemoPerson("ella.fischer", "Ella", "Fischer", ("laser-technician",), ("oak-park",)),
    DemoPerson("mia.novak", "Mia", "Novak", ("esthetician",), ("oak-park",), years_employed=1),
    DemoPerson("ben.asante", "Ben", "Asante", ("esthetician",), ("oak-park",)),
    DemoPerson("lucy.tran", "Lucy", "Tran", ("front-desk",), ("oak-park",), years_employed=0),
    # Pasadena
    DemoPerson("sofia.marin", "Sofia", "Marin", ("injector",), ("pasadena",), years_employed=6),
    DemoPerson("ethan.cole", "Ethan", "Cole", ("injector",), ("pasadena",), years_employed=1),
    DemoPerson(
        "nadia.petrov",
        "Nadia",
        "Petrov",
        ("injector", "laser-technician"),
        ("pasadena",),
        years_employed=3,
    ),
    DemoPerson("kai.akana", "Kai", "Akana", ("laser-technician",), ("pasadena",)),
    DemoPerson("zoe.bennett", "Zoe", "Bennett", ("esthetician",), ("pasadena",)),
    DemoPerson("ivan.morales", "Ivan", "Morales", ("esthetician",), ("pasadena",)),
    DemoPerson("amara.james", "Amara", "James", ("front-desk",), ("pasadena",)),
    DemoPerson("felix.wong", "Felix", "Wong", ("front-desk",), ("pasadena",), years_employed=0),
)

LOGINS = ("staff", "manager", "regional", "educator", "director")


def demo_usernames() -> list[str]:
    return [p.username for p in PEOPLE]


@transaction.atomic
def seed_organisation(*, today: date) -> dict[str, StaffProfile]:
    """Create the demo locations, roles and people, and name the clinic (organisation.
    demo_clinic); leave anything that exists untouched."""
    locations = {
        slug: Location.objects.get_or_create(slug=slug, defaults={"name": name, "time_zone": tz})[0]
        for slug, name, tz in LOCATIONS
    }
    roles = {
        slug: JobRole.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in ROLES
    }
    group_by_name = {name: Group.objects.get_or_create(name=name)[0] for name in groups.ALL_GROUPS}
    password_hash = None  # hashed once: thirty PBKDF2 rounds would take seconds
    User = get_user_model()
    profiles = {}
    for person in PEOPLE:
        user = User.objects.filter(username=person.username).first()
        if user is None:
            password_hash = password_hash or make_password(DEMO_PASSWORD)
            user = User.objects.create(
                username=person.username,
                first_name=person.first_name,
                last_name=person.last_name,
                email=f"{person.username}@{DEMO_EMAIL_DOMAIN}",
                password=password_hash,
            )
            user.groups.set([group_by_name[g] for g in person.groups])
        profile, created = StaffProfile.objects.get_or_create(
            user=user,
            defaults={
                "home_location": locations[person.locations[0]],
                "hire_date": today - timedelta(days=365 * person.years_employed + 40),
            },
        )
        if created:
            profile.roles.set([roles[s] for s in person.roles])
            profile.locations.set([locations[s] for s in person.locations])
            profile.managed_locations.set([locations[s] for s in person.manages])
        profiles[person.username] = profile
    seed_clinic()
    return profiles


@transaction.atomic
def remove_demo_organisation() -> None:
    """Delete the demo people, locations and roles (and, by cascade, their records).

    The audit trail protects the people it names, so their entries go first, by the one
    deliberate path that deletes audit rows (`purge_demo_audit`). An entry written about a
    person outside the demo by a demo login stays, and then so does that login: the delete
    stops with ProtectedError rather than erase someone else's history.
    """
    location_slugs = [slug for slug, _, _ in LOCATIONS]
    users = get_user_model().objects.filter(
        Q(username__in=demo_usernames()) | Q(staff_profile__home_location__slug__in=location_slugs)
    )
    purge_demo_audit(profiles=StaffProfile.objects.filter(user__in=users))
    users.delete()
    Location.objects.filter(slug__in=location_slugs).delete()
    JobRole.objects.filter(slug__in=[s for s, _ in ROLES]).delete()
    remove_demo_clinic()


def purge_demo_audit(*, profiles) -> int:
    """Delete the audit entries about `profiles`: for the demo reset, and nothing else (the
    load test's synthetic staff, removed by `loadtest_staff --remove`, are demo people too:
    they live at the demo locations, and the demo reset would remove them the same way).

    The audit trail is append-only; on PostgreSQL a trigger refuses every DELETE unless the
    transaction has set `readyroom.audit_purge` to 'demo-reset' (migration 0004). The setting
    is transaction-local (`SET LOCAL`), so it ends with this reset's transaction. Returns the
    number of entries deleted.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("purge_demo_audit must run inside the demo reset's transaction.")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL readyroom.audit_purge = 'demo-reset'")
    deleted, _ = AuditEntry.objects.filter(staff__in=profiles).delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL readyroom.audit_purge = ''")
    return deleted
