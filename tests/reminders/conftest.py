import datetime

import pytest
from reminders.models import ReminderPolicy

from organisation import groups
from tests.certifications.conftest import (  # noqa: F401 - the same people and types
    bls,
    brookline,
    injector,
    marcus,
    maria,
    pasadena,
    private_storage,
    sam,
)
from tests.factories import ManagerFactory, StaffProfileFactory


@pytest.fixture
def now():
    """Ten in the morning in New York on Wednesday 4 March 2026: inside sending hours."""
    return datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)


@pytest.fixture
def policy(db):
    """The default policy without the weekly digest (it has tests of its own)."""
    policy = ReminderPolicy.load()
    policy.digest_enabled = False
    policy.save()
    return policy


@pytest.fixture
def rachel(brookline, pasadena):  # noqa: F811 - fixtures, imported above
    """A regional manager of Brookline and Pasadena."""
    return ManagerFactory(
        user__username="rachel",
        user__first_name="Rachel",
        home_location=brookline,
        managed_locations=[brookline, pasadena],
    )


@pytest.fixture
def dana(brookline):  # noqa: F811 - a fixture, imported above
    """A medical director."""
    return StaffProfileFactory(
        user__username="dana",
        user__first_name="Dana",
        user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS],
        home_location=brookline,
    )
