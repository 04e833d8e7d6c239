import pytest

from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRequirementFactory,
    CertificationTypeFactory,
)


@pytest.fixture(autouse=True)
def private_storage(settings, tmp_path):
    """Each test's card files in a folder of its own."""
    settings.PRIVATE_STORAGE_ROOT = tmp_path / "private"
    return settings.PRIVATE_STORAGE_ROOT


@pytest.fixture
def bls(db):
    return CertificationTypeFactory(code="BLS", name="Basic Life Support")


@pytest.fixture
def injector(bls):
    """A role that requires BLS."""
    role = JobRoleFactory(slug="injector")
    CertificationRequirementFactory(role=role, certification_type=bls)
    return role


@pytest.fixture
def brookline(db):
    return LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")


@pytest.fixture
def pasadena(db):
    return LocationFactory(slug="pasadena", name="Pasadena", time_zone="America/Los_Angeles")


@pytest.fixture
def sam(injector, brookline):
    return StaffProfileFactory(
        user__username="sam", user__first_name="Sam", home_location=brookline, roles=[injector]
    )


@pytest.fixture
def maria(brookline):
    return ManagerFactory(user__username="maria", user__first_name="Maria", home_location=brookline)


@pytest.fixture
def marcus(pasadena):
    return ManagerFactory(
        user__username="marcus", user__first_name="Marcus", home_location=pasadena
    )
