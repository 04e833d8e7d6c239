import time as clock
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import override_settings

from certifications.models import (
    CertificationRecord,
    CertificationRequirement,
    CertificationType,
)
from organisation import groups
from organisation.models import JobRole, Location, StaffProfile
from reminders.models import ReminderPolicy
from reminders.sweep import run_sweep

RECORDS_PER_PERSON = 4  # two required types, each an expired card and its renewal


class _Rollback(Exception):
    pass


class _QueryCounter:
    """Counts every statement (Django's own query log stops at 9,000)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = (
        "Time the reminder sweep and count its messages and SQL queries at several sizes of "
        "certification records. Builds throwaway data inside a transaction that is rolled "
        "back; sends mail to memory only. Prints, per size: the first sweep (a backlog), the "
        "next day's sweep (steady state) and a re-run 15 minutes later (nothing new)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--records", type=int, nargs="+", default=[10_000, 100_000], help="Sizes to run."
        )

    def handle(self, *args, records: list[int], **options):
        if any(n < RECORDS_PER_PERSON for n in records):
            raise CommandError(f"Each size must be at least {RECORDS_PER_PERSON} records.")
        self.stdout.write(f"Database: {connection.vendor}")
        for size in records:
            try:
                with (
                    transaction.atomic(),
                    override_settings(
                        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"
                    ),
                ):
                    self._bench(size)
                    raise _Rollback
            except _Rollback:
                pass

    def _bench(self, size: int) -> None:
        today = date(2026, 6, 1)
        started = clock.perf_counter()
        people = self._build(size, today)
        self.stdout.write(
            f"\n{size:,} records ({people:,} people) built in "
            f"{clock.perf_counter() - started:.1f} s"
        )
        for label, day, minute in (
            ("first sweep (backlog)", today - timedelta(days=1), 0),
            ("next day (steady state)", today, 0),
            ("15 minutes later", today, 15),
        ):
            now = datetime.combine(day, time(15, minute), tzinfo=UTC)  # 10:00 in the clinic
            queries = _QueryCounter()
            with connection.execute_wrapper(queries):
                started = clock.perf_counter()
                # No time budget: the bench measures how long the whole backlog takes.
                report = run_sweep(now=now, as_of=day, budget_seconds=24 * 3600)
                elapsed = clock.perf_counter() - started
            self.stdout.write(
                f"  {label:<24} {elapsed:7.2f} s  {queries.count:6d} queries  "
                f"{report.messages:6d} messages  {report.count('sent'):6d} reminders sent  "
                f"{report.planned:6d} planned"
            )

    def _build(self, size: int, today: date) -> int:
        location = Location.objects.create(
            name="Bench clinic", slug="bench-clinic", time_zone="America/New_York"
        )
        role = JobRole.objects.create(name="Bench injector", slug="bench-injector")
        policy = ReminderPolicy.load()
        policy.digest_weekday = today.weekday()
        policy.save()
        types = [
            CertificationType.objects.create(code=f"BENCH-{code}", name=f"Bench {code}")
            for code in ("BLS", "ACLS")
        ]
        for cert_type in types:
            CertificationRequirement.objects.create(role=role, certification_type=cert_type)
        count = size // RECORDS_PER_PERSON
        User = get_user_model()
        users = User.objects.bulk_create(
            [
                User(username=f"bench-{i}", email=f"bench-{i}@bench.test", password="!")
                for i in range(count + 1)
            ],
            batch_size=2000,
        )
        profiles = StaffProfile.objects.bulk_create(
            [StaffProfile(user=u, home_location=location) for u in users], batch_size=2000
        )
        profiles[0].managed_locations.add(location)  # the first is the clinic's manager
        directors, _ = Group.objects.get_or_create(name=groups.MEDICAL_DIRECTORS)
        profiles[0].user.groups.add(directors)  # and its medical director
        StaffProfile.locations.through.objects.bulk_create(
            [
                StaffProfile.locations.through(staffprofile_id=p.pk, location_id=location.pk)
                for p in profiles
            ],
            batch_size=2000,
        )
        StaffProfile.roles.through.objects.bulk_create(
            [
                StaffProfile.roles.through(staffprofile_id=p.pk, jobrole_id=role.pk)
                for p in profiles[1:]
            ],
            batch_size=2000,
        )
        now = datetime.combine(today, time(12), tzinfo=UTC)
        old, current = [], []
        for i, profile in enumerate(profiles[1:]):
            for t, cert_type in enumerate(types):
                # Expiries spread evenly from 60 days ago to 730 days ahead.
                expires_on = today + timedelta(days=(i * 7919 + t * 389) % 790 - 60)
                issued_on = expires_on - timedelta(days=720)
                old.append(
                    CertificationRecord(
                        staff=profile,
                        certification_type=cert_type,
                        issued_on=issued_on - timedelta(days=730),
                        expires_on=issued_on - timedelta(days=10),
                        verification_status="verified",
                        uploaded_at=now,
                    )
                )
                current.append((profile, cert_type, issued_on, expires_on))
        CertificationRecord.objects.bulk_create(old, batch_size=2000)
        CertificationRecord.objects.bulk_create(
            [
                CertificationRecord(
                    staff=profile,
                    certification_type=cert_type,
                    issued_on=issued_on,
                    expires_on=expires_on,
                    verification_status="verified",
                    uploaded_at=now,
                    supersedes=previous,
                )
                for (profile, cert_type, issued_on, expires_on), previous in zip(
                    current, old, strict=True
                )
            ],
            batch_size=2000,
        )
        return count
