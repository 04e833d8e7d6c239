import csv
import io
import statistics
import time as clock
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from certifications.models import CertificationRecord, CertificationRequirement, CertificationType
from dashboard.reference_sql import Reference, as_date
from dashboard.selectors import compliance_view
from organisation.compliance import Status
from organisation.models import JobRole, Location, StaffProfile
from organisation.policies import managed_locations

TYPES = (  # five requirements for every person: code, months, rule, grace, pending counts
    ("BENCH-BLS", 24, "end_of_month", 0, 0),
    ("BENCH-ACLS", 24, "end_of_month", 0, 0),
    ("BENCH-PALS", 24, "end_of_month", 0, 0),
    ("BENCH-LSO", 36, "exact_date", 0, 30),
    ("BENCH-RN", 24, "exact_date", 14, 0),
)
PAGE, CSV = "/manage/", "/manage/compliance.csv"
HTML_TARGET_STAFF, HTML_TARGET_MS = 2000, 300  # issue 13: /manage/'s HTML at 2,000 staff
RATIO_TARGET = 2.0  # issue 13: within twice the raw SQL at 10,000 staff
# The tables the bench fills: on PostgreSQL vacuumed before and analysed once filled (below).
FILLED = (
    "auth_user",
    "organisation_staffprofile",
    "organisation_staffprofile_locations",
    "organisation_staffprofile_roles",
    "certifications_certificationrecord",
)


class _Rollback(Exception):
    pass


@dataclass(frozen=True)
class Timing:
    seconds: float  # median wall-clock time
    cpu_seconds: float  # median CPU time of this process (SQLite's work included, not a server's)
    queries: int

    @property
    def ms(self) -> float:
        return self.seconds * 1000

    @property
    def cpu_ms(self) -> float:
        return self.cpu_seconds * 1000


class Command(BaseCommand):
    help = (
        "Time the manager dashboard (/manage/ and its CSV) with many staff, each holding five "
        "required certifications, against hand-written SQL that yields the same matrix and "
        "totals; check that both agree cell by cell. Builds throwaway data in a transaction "
        "that is rolled back, so it is safe on the demo database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--staff", type=int, nargs="+", default=[10_000], help="Sizes to run.")
        parser.add_argument("--repeat", type=int, default=5, help="Runs timed of each.")

    def handle(self, *args, staff: list[int], repeat: int, **options):
        if any(n < 1 for n in staff) or repeat < 1:
            raise CommandError("--staff sizes and --repeat must be at least 1.")
        self.stdout.write(f"Database: {connection.vendor}; medians of {repeat} runs")
        for size in staff:
            if connection.vendor == "postgresql" and not connection.in_atomic_block:
                # The rows of earlier runs were rolled back but stay in the tables as dead
                # tuples until a vacuum; every sequential scan would wade through them (a 1 s
                # scan of 10,000 staff after a few runs). Production's tables have no such
                # heaps of aborted rows. VACUUM runs outside a transaction (not in a test's).
                with connection.cursor() as cursor:
                    cursor.execute(f"VACUUM {', '.join(FILLED)}")
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
        now = timezone.now()
        manager = self._build(size, now)
        if connection.vendor == "postgresql":
            # Production's autovacuum would have analysed tables this size; rows made inside
            # this transaction were never seen by it, and without statistics PostgreSQL plans
            # for empty tables (one chart query took 14 s at 2,000 staff that way). The
            # statistics roll back with the data.
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {', '.join(FILLED)}")
        self.stdout.write(
            f"\n{size:,} staff x {len(TYPES)} requirements built in "
            f"{clock.perf_counter() - started:.1f} s"
        )
        view = compliance_view(viewer=manager, now=now)
        reference = Reference(
            location_ids=list(managed_locations(manager).values_list("pk", flat=True)),
            now=now,
            as_of=None,
            reference_date=view.reference_date,
        )
        self._check(view, reference)
        client = Client()
        client.force_login(manager)
        self._check_export(client, view, reference)
        runs = {
            "page": lambda: self._get(client, PAGE),
            "raw page": lambda: (reference.cells(), reference.totals()),
            "csv": lambda: self._get(client, CSV),
            "raw csv": reference.export,
        }
        timed = self._time(repeat, runs)
        self._report(PAGE, timed["page"], timed["raw page"], "the matrix and its totals")
        self._report(CSV, timed["csv"], timed["raw csv"], "every line of the export")
        page = timed["page"]
        if size == HTML_TARGET_STAFF:
            verdict = "meets" if page.ms < HTML_TARGET_MS else "MISSES"
            self.stdout.write(
                f"  {PAGE} HTML at {size:,} staff: {page.ms:.0f} ms, {verdict} the "
                f"{HTML_TARGET_MS} ms target"
            )

    def _get(self, client: Client, url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}")

    def _time(self, repeat: int, runs: dict[str, Callable[[], object]]) -> dict[str, Timing]:
        """name -> its Timing. The runs take turns, so a busy spell on a shared machine falls
        on the app and the raw SQL alike."""
        wall: dict[str, list[float]] = {name: [] for name in runs}
        cpu: dict[str, list[float]] = {name: [] for name in runs}
        queries: dict[str, int] = {}
        for _ in range(repeat):
            for name, run in runs.items():
                with CaptureQueriesContext(connection) as captured:
                    begun, begun_cpu = clock.perf_counter(), clock.process_time()
                    run()
                    wall[name].append(clock.perf_counter() - begun)
                    cpu[name].append(clock.process_time() - begun_cpu)
                # The reference SQL's SET/RESET of jit are settings, not reads.
                queries[name] = sum(
                    not q["sql"].startswith(("SET ", "RESET ")) for q in captured.captured_queries
                )
        return {
            name: Timing(statistics.median(wall[name]), statistics.median(cpu[name]), queries[name])
            for name in runs
        }

    def _report(self, url: str, app: Timing, raw: Timing, what: str) -> None:
        self.stdout.write(
            f"  {url:<24} app {app.ms:6.0f} ms (CPU here {app.cpu_ms:.0f} ms, {app.queries} SQL "
            f"queries); raw SQL for {what} {raw.ms:5.0f} ms ({raw.queries} queries): "
            f"ratio {app.seconds / raw.seconds:.1f} (target at most {RATIO_TARGET:.0f})"
        )

    def _check(self, view, reference: Reference) -> None:
        """The app's matrix and totals against the reference SQL's; a CommandError at the
        first disagreement, since timing a wrong answer proves nothing."""
        app = {}
        for column in view.matrix.columns:
            if column.kind != "certification":
                raise CommandError(
                    f"The matrix holds a {column.kind!r} requirement; the reference SQL "
                    "covers certification requirements only."
                )
            for staff_id, status in column.status.items():
                app[(staff_id, column.requirement_key)] = (status.value, column.due_on[staff_id])
        raw = reference.cells()
        if app != raw:
            wrong = sorted(set(app.items()) ^ set(raw.items()))[:5]
            raise CommandError(
                f"The app's matrix ({len(app)} cells) and the reference SQL's ({len(raw)}) "
                f"disagree, e.g. (app or SQL only): {wrong}"
            )
        totals = reference.totals()
        headline, counts = view.headline, view.matrix.status_counts
        mine = (
            headline.staff_count,
            round(headline.compliant_share * headline.staff_count),
            {status.value: counts[status] for status in counts},
            headline.expiring_30_days,
        )
        theirs = (
            totals.staff,
            totals.staff - totals.needing_action,
            {name: n for name, n in totals.by_status.items() if n},
            totals.expiring_30_days,
        )
        if mine != theirs:
            raise CommandError(f"Totals disagree: app {mine}, reference SQL {theirs}")
        self.stdout.write(
            f"  app and reference SQL agree on all {len(raw):,} cells and the totals "
            f"({', '.join(f'{n:,} {name}' for name, n in theirs[2].items())})"
        )

    def _check_export(self, client: Client, view, reference: Reference) -> None:
        """The CSV the app serves against the reference SQL's export, line by line (by name:
        the database's collation may order names otherwise than Python)."""
        lines = list(csv.reader(io.StringIO(client.get(CSV).content.decode())))
        codes = [c.requirement_key for c in view.matrix.columns]
        expected: dict[str, list[str]] = {}
        for _, first, last, email, locations, roles, code, status, due_on in reference.export():
            name = f"{first} {last}".strip()
            line = expected.setdefault(
                name, [name, email, locations, roles] + [""] * 2 * len(codes)
            )
            due = as_date(due_on)
            at = 4 + 2 * codes.index(code)  # a status column, then its date's
            line[at : at + 2] = [str(Status(status).label), due.isoformat() if due else ""]
        served = {line[0]: line for line in lines[1:]}
        if served != expected or len(lines) - 1 != len(expected):
            wrong = sorted(set(map(tuple, served.values())) ^ set(map(tuple, expected.values())))
            raise CommandError(
                f"The CSV ({len(lines) - 1} lines) and the reference SQL's export "
                f"({len(expected)}) disagree, e.g. {wrong[:3]}"
            )
        self.stdout.write(
            f"  the CSV agrees with the reference SQL's export on all {len(served):,} people"
        )

    def _build(self, size: int, now: datetime):
        today = now.date()
        User = get_user_model()
        location = Location.objects.create(name="Bench", slug="bench-location", time_zone="UTC")
        role = JobRole.objects.create(name="Bench role", slug="bench-role")
        types = [
            CertificationType.objects.create(
                code=code,
                name=code,
                validity_months=months,
                expiry_rule=rule,
                grace_days=grace,
                pending_counts_as_current_days=pending_counts,
            )
            for code, months, rule, grace, pending_counts in TYPES
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
                    email=f"bench-{i}@bench.test",
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
                    uploaded_at=now - timedelta(days=1100),  # before any newer upload
                )
                for i, p in enumerate(profiles[1:])
                for j, t in enumerate(types)
            ],
            batch_size=5000,
        )
        # One person in twenty has uploaded a newer card: half of those wait for verification
        # (uploaded up to 59 days ago), half were rejected. The app judges these people from
        # their whole history, and the reference SQL must agree.
        CertificationRecord.objects.bulk_create(
            [
                CertificationRecord(
                    staff=p,
                    certification_type=types[i % len(types)],
                    issued_on=today - timedelta(days=i % 60),
                    expires_on=today + timedelta(days=700 - i % 60),
                    verification_status="pending" if i % 40 == 0 else "rejected",
                    verification_note="" if i % 40 == 0 else "Unreadable",
                    uploaded_at=now - timedelta(days=i % 60),
                )
                for i, p in enumerate(profiles[1:])
                if i % 20 == 0
            ],
            batch_size=5000,
        )
        return manager.user
