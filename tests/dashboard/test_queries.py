import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.dashboard.bulk import bulk_staff
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory


def manage_queries(client, size: int) -> int:
    location = LocationFactory()
    role = JobRoleFactory(slug="injector")
    bulk_staff(count=size, location=location, roles=[role], prefix=f"s{size}-")
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
    assert small == large, (small, large)
    assert large <= 30
