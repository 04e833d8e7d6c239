"""/manage/ over a few hundred people: the figures count everyone, the table shows a page of
200, pages continue where the last stopped, and filters and sorts work over everyone."""

import csv
import datetime
import io
import re
from collections import Counter

import pytest
from django.utils import timezone

from certifications.models import CertificationRecord
from dashboard.views import MATRIX_PAGE_SIZE
from organisation.compliance import Status
from tests.dashboard.bulk import bulk_staff
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory
from tests.factories.certifications import (
    CertificationRequirementFactory,
    CertificationTypeFactory,
)

AS_OF = datetime.date(2026, 6, 1)
PEOPLE = 450  # and their manager, who has no requirements: 451 staff
# When the role began to require both cards (after everyone's hire): a missing card's date.
REQUIRED_FROM = datetime.datetime(2026, 1, 5, 17, tzinfo=datetime.UTC)


@pytest.fixture
def group(db, client):
    """450 injectors at North, each needing BLS and ACLS, judged on AS_OF:
    BLS overdue for i % 3 == 0, current for i % 3 == 1, due soon for i % 3 == 2;
    ACLS missing for i % 5 == 0, else current."""
    north = LocationFactory(slug="north", name="North")
    injector = JobRoleFactory(slug="injector")
    people = bulk_staff(count=PEOPLE, location=north, roles=[injector], prefix="w")
    bls = CertificationTypeFactory(code="BLS", name="BLS")
    acls = CertificationTypeFactory(code="ACLS", name="ACLS")
    for cert_type in (bls, acls):
        CertificationRequirementFactory(
            role=injector, certification_type=cert_type, added_at=REQUIRED_FROM
        )
    bls_expiry = {
        0: AS_OF - datetime.timedelta(days=10),
        1: AS_OF + datetime.timedelta(days=400),
        2: AS_OF + datetime.timedelta(days=30),
    }
    records = [(p, bls, bls_expiry[i % 3]) for i, p in enumerate(people)] + [
        (p, acls, AS_OF + datetime.timedelta(days=500)) for i, p in enumerate(people) if i % 5
    ]
    CertificationRecord.objects.bulk_create(
        [
            CertificationRecord(
                staff=p,
                certification_type=t,
                issued_on=expires - datetime.timedelta(days=700),
                expires_on=expires,
                verification_status="verified",
                uploaded_at=timezone.now(),
            )
            for p, t, expires in records
        ]
    )
    manager = ManagerFactory(
        home_location=north, user__first_name="Mo", user__last_name="Zz Manager"
    )
    client.force_login(manager.user)
    return people


def shown(response) -> list[str]:
    """The names in the matrix's row headers, in order."""
    return re.findall(
        r'<th scope="row"><a href="[^"]+">([^<]+)</a></th>', response.content.decode()
    )


def name(i: int) -> str:
    return f"First{i} Last{i:05d}"


def test_totals_count_everyone_while_the_table_shows_one_page(client, group):
    response = client.get("/manage/", {"as_of": AS_OF.isoformat()})
    view = response.context["view"]
    assert view.headline.staff_count == PEOPLE + 1
    assert view.matrix.status_counts == Counter(
        {Status.CURRENT: 510, Status.DUE_SOON: 150, Status.OVERDUE: 150, Status.MISSING: 90}
    )
    # Compliant: BLS current (i % 3 == 1) and ACLS held (i % 5 != 0): 120, and the manager.
    assert view.headline.compliant_share == pytest.approx(121 / 451)
    assert view.headline.overdue_by_kind == {"certification": 150}
    assert view.headline.missing == 90
    assert shown(response) == [name(i) for i in range(MATRIX_PAGE_SIZE)]
    html = response.content.decode()
    assert "Showing 1–200." in html and "Page 1 of 3" in html
    assert "510 current · 150 due soon · 0 awaiting verification · 150 overdue · 90 missing" in (
        html
    )


def test_the_next_pages_continue_where_the_last_stopped(client, group):
    pages = [shown(client.get("/manage/", {"as_of": AS_OF.isoformat(), "page": n})) for n in (2, 3)]
    assert pages[0] == [name(i) for i in range(200, 400)]
    assert pages[1] == [name(i) for i in range(400, PEOPLE)] + ["Mo Zz Manager"]


def test_a_status_filter_counts_everyone_and_pages_its_matches(client, group):
    # Anyone with a current requirement: ACLS held (360) or BLS current without ACLS (30).
    wanted = [i for i in range(PEOPLE) if i % 5 or i % 3 == 1]
    first = client.get("/manage/", {"as_of": AS_OF.isoformat(), "status": "current"})
    second = client.get("/manage/", {"as_of": AS_OF.isoformat(), "status": "current", "page": 2})
    assert first.context["matrix_page"].paginator.count == len(wanted) == 390
    assert shown(first) + shown(second) == [name(i) for i in wanted]
    assert "390 of 451 staff have a requirement current." in first.content.decode()
    # The figures at the top stay over everyone.
    assert first.context["view"].headline.staff_count == PEOPLE + 1


def test_most_overdue_first_looks_at_everyone_not_only_the_first_page(client, group):
    response = client.get("/manage/", {"as_of": AS_OF.isoformat(), "sort": "overdue"})
    # Two requirements behind (BLS overdue and ACLS missing: i % 15 == 0) come first, by
    # name, though most of them are on later pages in name order; then those one behind.
    two_behind = [name(i) for i in range(0, PEOPLE, 15)]
    page = shown(response)
    assert page[: len(two_behind)] == two_behind
    assert name(435) in page  # page three in name order
    assert name(3) in page  # one behind (BLS overdue) also fits on page one


def test_the_csv_keeps_every_person(client, group):
    response = client.get("/manage/compliance.csv", {"as_of": AS_OF.isoformat()})
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    assert lines[0] == [
        "Name",
        "Email",
        "Locations",
        "Roles",
        "ACLS (Certification) status",
        "ACLS (Certification) expires",
        "BLS (Certification) status",
        "BLS (Certification) expires",
    ]
    assert len(lines) == 1 + PEOPLE + 1
    assert lines[1] == [
        name(0),
        "w0@bulk.test",
        "North",
        "Injector",
        "Missing",
        "2026-01-05",  # missing since the requirement began (North's date)
        "Overdue",
        "2026-05-22",
    ]
    # Status and date in columns of their own: the words alone, then ISO dates.
    statuses = Counter(cell for line in lines[1:] for cell in line[4::2] if cell)
    assert statuses == {"Current": 510, "Due soon": 150, "Overdue": 150, "Missing": 90}
    dates = [cell for line in lines[1:] for cell in line[5::2] if cell]
    assert all(datetime.date.fromisoformat(cell) for cell in dates) and len(dates) == 900
