"""as_of outside 1900-2200 is a 400 with a message on every dashboard view, never a 500."""

import pytest

from organisation.bounds import DATE_OUT_OF_RANGE
from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory

VIEWS = (
    "/manage/",
    "/manage/compliance.csv",
    "/manage/compliance.xlsx",
    "/manage/inspection/north.pdf",
)


@pytest.fixture
def manager_client(client, db):
    north = LocationFactory(slug="north")
    StaffProfileFactory(home_location=north)
    client.force_login(ManagerFactory(home_location=north).user)
    return client


@pytest.mark.parametrize("url", VIEWS)
@pytest.mark.parametrize("as_of", ["9999-12-31", "2201-01-01", "1899-12-31", "0001-01-01"])
def test_a_date_out_of_bounds_is_refused_not_a_server_error(manager_client, url, as_of):
    response = manager_client.get(url, {"as_of": as_of})
    assert response.status_code == 400


def test_the_matrix_says_why_next_to_the_date(manager_client):
    response = manager_client.get("/manage/", {"as_of": "9999-12-31"})
    assert response.context["form"].errors["as_of"] == [str(DATE_OUT_OF_RANGE)]


@pytest.mark.parametrize("url", VIEWS)
@pytest.mark.parametrize("as_of", ["1900-01-01", "2200-12-31"])
def test_the_bounds_themselves_are_served(manager_client, url, as_of):
    assert manager_client.get(url, {"as_of": as_of}).status_code == 200
