import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from certifications.models import CertificationRecord
from tests.dashboard.bulk import bulk_staff
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory
from tests.factories.certifications import (
    CertificationRequirementFactory,
    CertificationTypeFactory,
)


def manage_queries(client, size: int) -> int:
    location = LocationFactory()
    role = JobRoleFactory(slug="injector")
    profiles = bulk_staff(count=size, location=location, roles=[role], prefix=f"s{size}-")
    acls = CertificationTypeFactory(code="ACLS")
    CertificationRequirementFactory(role=role, certification_type=acls)
    CertificationRecord.objects.bulk_create(
        [
            CertificationRecord(
                staff=p,
                certification_type=acls,
                issued_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i % 700),
                expires_on=datetime.date(2027, 1, 31) + datetime.timedelta(days=i % 700),
                verification_status="verified",
                uploaded_at=timezone.now(),
            )
            for i, p in enumerate(profiles)
        ]
    )
    manager = ManagerFactory(home_location=location)
    client.force_login(manager.user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/manage/")
    assert response.status_code == 200
    assert len(response.context["view"].staff) == size + 1
    return len(queries)


@pytest.mark.django_db
def test_manage_holds_the_same_queries_at_200_and_2000_staff(client):
    small = manage_queries(client, 200)
    large = manage_queries(client, 2000)
    print(f"\n/manage/ queries: {small} at 200 staff, {large} at 2,000")
    assert small == large, (small, large)
    assert large <= 30
