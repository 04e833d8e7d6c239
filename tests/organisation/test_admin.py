import pytest

from organisation import groups
from tests.factories import LocationFactory, StaffProfileFactory, UserFactory


@pytest.mark.parametrize("url", ["/admin/location/", "/admin/jobrole/", "/admin/staffprofile/"])
def test_administrators_manage_the_organisation_in_wagtail(client, db, url):
    StaffProfileFactory()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(url).status_code == 200


def test_educators_cannot_edit_the_organisation(client, db):
    location = LocationFactory()
    client.force_login(UserFactory(groups=[groups.EDUCATORS]))
    response = client.get(f"/admin/location/edit/{location.pk}/")
    assert response.status_code == 302  # Wagtail's "permission denied" redirect
    response = client.post(
        f"/admin/location/edit/{location.pk}/",
        {"name": "Renamed", "slug": location.slug, "time_zone": "UTC"},
    )
    location.refresh_from_db()
    assert location.name != "Renamed"


def test_admin_refuses_an_unknown_time_zone(client, db):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.post(
        "/admin/location/new/", {"name": "Mars", "slug": "mars", "time_zone": "Mars/Base"}
    )
    assert response.status_code == 200
    assert b"not an IANA time zone" in response.content
