import statistics
import time as clock
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from certifications.models import CertificationRecord, CertificationRequirement, CertificationType
from organisation.models import JobRole, Location, StaffProfile

TYPES = (  # five requirements for every person
    ("BENCH-BLS", 24, "end_of_month"),
    ("BENCH-ACLS", 24, "end_of_month"),
    ("BENCH-PALS", 24, "end_of_month"),
    ("BENCH-LSO", 36, "exact_date"),
    ("BENCH-RN", 24, "exact_date"),
)
URLS = ("/manage/", "/manage/compliance.csv")


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Time the manager dashboard and count its SQL queries with many staff, each holding "
        "five required certifications. Builds throwaway data in a transaction that is rolled "
        "back, so it is safe on the demo database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--staff", type=int, nargs="+", default=[10_000], help="Sizes to run.")
        parser.add_argument("--repeat", type=int, default=3, help="Requests timed per URL.")

    def handle(self, *args, staff: list[int], repeat: int, **options):
        if any(n < 1 for n in staff) or repeat < 1:
            raise CommandError("--staff sizes and --repeat must be at least 1.")
        self.stdout.write(f"Database: {connection.vendor}")
        for size in staff:
            try:
                with (
                    transaction.atomic(),
                    override_settings(
                        # The bench times the dashboard, not the login: the throwaway manager
                        # has no second factor, and the test client speaks plain HTTP.
                        ALLOWED_HOSTS=["testserver"],
                        READYROOM_MFA_REQUIRED=False,
                        SECURE_SSL_REDIRECT=False,
                    ),
                ):
                    self._bench(size, repeat)
                    raise _Rollback
            except _Rollback:
                pass

    def _bench(self, size: int, repeat: int) -> None:
        started = clock.perf_counter()
        manager = self._build(size, date.today())
        self.stdout.write(
            f"\n{size:,} staff x {len(TYPES)} requirements built in "
            f"{clock.perf_counter() - started:.1f} s"
        )
        client = Client()
        client.force_login(manager)
        for url in URLS:
            timings = []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    begun = clock.perf_counter()
                    response = client.get(url)
                    timings.append(clock.perf_counter() - begun)
                if response.status_code != 200:
                    raise CommandError(f"{url} answered {response.status_code}")
            self.stdout.write(
                f"  {url:<24} median {statistics.median(timings) * 1000:8.0f} ms "
                f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f}) "
                f"over {repeat} requests, {len(queries)} SQL queries"
            )

    def _build(self, size: int, today: date):
        User = get_user_model()
        location = Location.objects.create(name="Bench", slug="bench-location", time_zone="UTC")
        role = JobRole.objects.create(name="Bench role", slug="bench-role")
        types = [
            CertificationType.objects.create(
                code=code, name=code, validity_months=months, expiry_rule=rule
            )
            for code, months, rule in TYPES
        ]
        CertificationRequirement.objects.bulk_create(
            [CertificationRequirement(role=role, certification_type=t) for t in types]
        )
        password = make_password(None)
        users = User.objects.bulk_create(
            [
                User(
                    username=f"bench-{i}",
                    first_name="Bench",
                    last_name=f"{i:06d}",
                    password=password,
                )
                for i in range(size + 1)
            ],
            batch_size=2000,
        )
        users = list(User.objects.filter(username__startswith="bench-").order_by("pk"))
        profiles = StaffProfile.objects.bulk_create(
            [StaffProfile(user=u, home_location=location) for u in users], batch_size=2000
        )
        profiles = list(StaffProfile.objects.filter(user__in=users).order_by("pk"))
        through_loc = StaffProfile.locations.through
        through_loc.objects.bulk_create(
            [through_loc(staffprofile=p, location=location) for p in profiles], batch_size=5000
        )
        through_role = StaffProfile.roles.through
        through_role.objects.bulk_create(
            [through_role(staffprofile=p, jobrole=role) for p in profiles], batch_size=5000
        )
        manager = profiles[0]
        manager.managed_locations.add(location)
        # Expiry dates spread over two years either side of today: every status occurs.
        CertificationRecord.objects.bulk_create(
            [
                CertificationRecord(
                    staff=p,
                    certification_type=t,
                    issued_on=today + timedelta(days=(i * 37 + j * 91) % 900 - 300 - 730),
                    expires_on=today + timedelta(days=(i * 37 + j * 91) % 900 - 300),
                    verification_status="verified",
                    uploaded_at=manager.user.date_joined,
                )
                for i, p in enumerate(profiles[1:])
                for j, t in enumerate(types)
            ],
            batch_size=5000,
        )
        return manager.user
