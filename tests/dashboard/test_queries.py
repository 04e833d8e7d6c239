"""/manage/ and its CSV run the same queries at 250 people as at 1,000 (four pages of them),
with renewals awaiting verification and rejected among the cards."""

import datetime

import pytest
from django.utils import timezone

from certifications.models import CertificationRecord
from tests.dashboard.bulk import bulk_staff
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory
from tests.factories.certifications import (
    CertificationRequirementFactory,
    CertificationTypeFactory,
)

# The session and user, the manager check, the viewer's profile, three reads of the people,
# four of the certification provider and one each of training and drills (neither has
# requirements here), the coverage minimums, the charts' quiz attempts, drill runs and
# scenarios, the cards awaiting verification, the reminder problems, the layout's pages and
# two-step check, the roles and the locations (thrice: charts, filter, inspection links),
# and the attestations provider's two (the protocols asking a yearly one, the attestations).
PAGE_QUERIES = 28
# The matrix's reads (with the assignments and exemptions of actions), and the names of
# locations and roles, and the attestations provider's two.
CSV_QUERIES = 19


def clinic_of(size: int) -> None:
    location = LocationFactory(slug=f"clinic-of-{size}")
    role = JobRoleFactory(slug=f"injector-{size}")
    profiles = bulk_staff(count=size, location=location, roles=[role], prefix=f"s{size}-")
    acls = CertificationTypeFactory(code=f"ACLS-{size}")
    CertificationRequirementFactory(role=role, certification_type=acls)
    day = datetime.date(2025, 1, 1)
    CertificationRecord.objects.bulk_create(
        [
            CertificationRecord(
                staff=p,
                certification_type=acls,
                issued_on=day + datetime.timedelta(days=i % 700),
                expires_on=day + datetime.timedelta(days=730 + i % 700),
                # One person in ten has a newer card waiting, one in ten a rejected one.
                verification_status=("pending", "rejected")[i % 2] if i % 10 < 2 else "verified",
                uploaded_at=timezone.now() - datetime.timedelta(days=i % 10),
            )
            for i, p in enumerate(profiles)
        ]
        + [
            CertificationRecord(
                staff=p,
                certification_type=acls,
                issued_on=day,
                expires_on=day + datetime.timedelta(days=700),
                verification_status="verified",
                uploaded_at=timezone.now() - datetime.timedelta(days=30),
            )
            for i, p in enumerate(profiles)
            if i % 10 < 2
        ]
    )
    return ManagerFactory(home_location=location)


@pytest.mark.parametrize("size", [250, 1000])
def test_manage_and_its_csv_hold_their_queries_as_staff_grow(
    client, db, size, django_assert_max_num_queries
):
    manager = clinic_of(size)
    client.force_login(manager.user)
    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get("/manage/")
    assert response.status_code == 200
    assert response.context["view"].headline.staff_count == size + 1
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert client.get("/manage/", {"page": 2, "sort": "overdue"}).status_code == 200
    with django_assert_max_num_queries(CSV_QUERIES):
        response = client.get("/manage/compliance.csv")
    assert response.content.decode().count("\n") == size + 2
