import datetime

import pytest
from django.core.exceptions import ValidationError

from organisation.models import Location
from tests.factories import StaffProfileFactory


def test_location_date_follows_its_time_zone(now):
    chicago = Location(name="Oak Park", slug="oak-park", time_zone="America/Chicago")
    tokyo = Location(name="Ginza", slug="ginza", time_zone="Asia/Tokyo")
    assert chicago.local_date(now) == datetime.date(2026, 3, 3)
    assert tokyo.local_date(now) == datetime.date(2026, 3, 4)


def test_time_zone_must_be_iana(db):
    location = Location(name="Nowhere", slug="nowhere", time_zone="Mars/Olympus")
    with pytest.raises(ValidationError, match="not an IANA time zone"):
        location.full_clean()


def test_person_without_home_location_uses_utc(db, now):
    profile = StaffProfileFactory(home_location=None, locations=[])
    assert profile.local_date(now) == datetime.date(2026, 3, 4)
