"""Month-end snapshots: the matrix frozen at each location's month end, kept unchanged."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_q.models import Schedule
from pypdf import PdfReader
from snapshots import services
from snapshots.models import MonthEndSnapshot
from snapshots.schedule import SCHEDULE_NAME, ensure_snapshot_schedule

from organisation.status import Status
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)

FEB_END = datetime.date(2026, 2, 28)
# 1 March 2026, 09:00 UTC: March at every location here.
MARCH_1 = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def north(db):
    return LocationFactory(slug="north", name="North", time_zone="America/New_York")


@pytest.fixture
def south(db):
    return LocationFactory(slug="south", name="South", time_zone="America/Los_Angeles")


@pytest.fixture
def bls(db):
    return CertificationTypeFactory(code="BLS", name="Basic Life Support")


@pytest.fixture
def nadia(north, bls):
    injector = JobRoleFactory(slug="injector", name="Injector")
    CertificationRequirementFactory(role=injector, certification_type=bls)
    person = StaffProfileFactory(
        home_location=north, roles=[injector], user__first_name="Nadia", user__last_name="North"
    )
    # Lapsed on 15 February: overdue at the month end.
    CertificationRecordFactory(
        staff=person,
        certification_type=bls,
        issued_on=datetime.date(2024, 2, 10),
        expires_on=datetime.date(2026, 2, 15),
    )
    return person


@pytest.fixture
def maria(north):
    return ManagerFactory(home_location=north, user__first_name="Maria")


def _pdf_text(data: bytes) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_a_snapshot_is_unchanged_by_later_edits(nadia, bls, maria, client):
    snapshot = services.take_snapshot(location=nadia.home_location, month_end=FEB_END, now=MARCH_1)
    (person,) = [p for p in snapshot.matrix if p["roles"] == "Injector"]
    assert person["name"] == "Nadia North"
    (row,) = person["rows"]
    assert (row["label"], row["status"], row["due_on"]) == (
        "Basic Life Support",
        Status.OVERDUE.value,
        "2026-02-15",
    )
    # Nadia and Maria, whose roles require nothing: one fully compliant.
    assert (snapshot.staff_count, snapshot.compliant_count) == (2, 1)
    frozen_pdf = bytes(snapshot.pdf)
    assert "Nadia North" in _pdf_text(frozen_pdf) and "Overdue" in _pdf_text(frozen_pdf)

    # March: a renewed card, a new surname, the role's requirement removed, taken again.
    CertificationRecordFactory(
        staff=nadia,
        certification_type=bls,
        issued_on=datetime.date(2026, 3, 2),
        expires_on=datetime.date(2028, 3, 31),
    )
    nadia.user.last_name = "Newname"
    nadia.user.save()
    bls.requirements.all().delete()
    again = services.take_snapshot(location=nadia.home_location, month_end=FEB_END, now=MARCH_1)
    assert again.pk == snapshot.pk

    snapshot.refresh_from_db()
    assert [p["name"] for p in snapshot.matrix if p["rows"]] == ["Nadia North"]
    assert person in snapshot.matrix
    assert bytes(snapshot.pdf) == frozen_pdf
    client.force_login(maria.user)
    response = client.get(reverse("snapshots:snapshot_pdf", args=[snapshot.pk]))
    assert response.status_code == 200 and response.content == frozen_pdf
    assert response["Content-Type"] == "application/pdf"


def test_each_location_is_taken_after_its_own_month_end(north, south, nadia):
    # 05:00 UTC on 1 March: March in New York, still 28 February (21:00) in Los Angeles.
    early = datetime.datetime(2026, 3, 1, 5, 0, tzinfo=datetime.UTC)
    taken = services.take_due_snapshots(now=early)
    assert {(s.location.slug, s.month_end) for s in taken} == {
        ("north", FEB_END),
        ("south", datetime.date(2026, 1, 31)),
    }
    later = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
    taken = services.take_due_snapshots(now=later)
    assert [(s.location.slug, s.month_end) for s in taken] == [("south", FEB_END)]
    assert services.take_due_snapshots(now=later) == []  # a rerun takes nothing
    assert MonthEndSnapshot.objects.count() == 3


def test_only_a_months_last_day_can_be_a_month_end(north):
    with pytest.raises(ValueError):
        services.take_snapshot(location=north, month_end=datetime.date(2026, 2, 27), now=MARCH_1)
    with pytest.raises(CommandError):
        call_command("take_snapshots", "--month-end", "2026-02-27")
    assert not MonthEndSnapshot.objects.exists()


def test_the_command_takes_whats_due_and_says_so(nadia):
    out = io.StringIO()
    call_command("take_snapshots", stdout=out)
    assert "North, " in out.getvalue() and "0 of 1 fully compliant" in out.getvalue()
    again = io.StringIO()
    call_command("take_snapshots", stdout=again)
    assert "0 snapshot(s)." in again.getvalue()


def test_the_schedule_is_made_once(db):
    ensure_snapshot_schedule()
    ensure_snapshot_schedule()
    schedule = Schedule.objects.get(name=SCHEDULE_NAME)
    assert schedule.func == "snapshots.tasks.take_month_end_snapshots"
    assert schedule.minutes == 60


def test_managers_see_only_their_locations_snapshots(client, north, south, nadia, maria):
    mine = services.take_snapshot(location=north, month_end=FEB_END, now=MARCH_1)
    theirs = services.take_snapshot(location=south, month_end=FEB_END, now=MARCH_1)
    client.force_login(maria.user)
    page = client.get(reverse("snapshots:snapshot_list"))
    assert page.status_code == 200
    assert "February 2026" in page.text and "1 of 2" in page.text
    assert reverse("snapshots:snapshot_pdf", args=[mine.pk]) in page.text
    assert reverse("snapshots:snapshot_pdf", args=[theirs.pk]) not in page.text
    response = client.get(reverse("snapshots:snapshot_pdf", args=[theirs.pk]))
    assert response.status_code == 404
    client.force_login(nadia.user)
    assert client.get(reverse("snapshots:snapshot_pdf", args=[mine.pk])).status_code == 403


def test_the_list_holds_its_query_count(client, north, maria, django_assert_max_num_queries):
    client.force_login(maria.user)
    client.get(reverse("snapshots:snapshot_list"))
    counts = []
    for months in (1, 8):
        day = datetime.date(2025, 1, 31)
        while MonthEndSnapshot.objects.count() < months:
            services.take_snapshot(location=north, month_end=day, now=MARCH_1)
            day = services.last_month_end(day.replace(day=28) + datetime.timedelta(days=40))
        with django_assert_max_num_queries(10) as captured:
            assert client.get(reverse("snapshots:snapshot_list")).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1], counts
