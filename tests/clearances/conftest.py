import pytest

from tests.factories import JobRoleFactory, LocationFactory
from tests.factories.certifications import CertificationTypeFactory
from tests.factories.clearances import ClearanceFactory, requirement


@pytest.fixture
def injector(db):
    return JobRoleFactory(slug="injector", name="Injector")


@pytest.fixture
def bls(db):
    return CertificationTypeFactory(code="BLS", name="Basic Life Support")


@pytest.fixture
def north(db):
    return LocationFactory(name="North", slug="north", time_zone="America/New_York")


@pytest.fixture
def west(db):
    return LocationFactory(name="West", slug="west", time_zone="America/Los_Angeles")


@pytest.fixture
def fillers(injector, bls):
    """Dermal fillers: injectors with a verified, unexpired BLS card."""
    clearance = ClearanceFactory(name="Dermal fillers", slug="dermal-fillers", roles=[injector])
    requirement(clearance, certification_type=bls)
    return clearance
