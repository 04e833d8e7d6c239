import pytest

from content.services import put_under_medical_director_approval
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.training import (
    TrainingIndexPageFactory,
    TrainingRequirementFactory,
    module_with_questions,
)


@pytest.fixture
def training_index(home_page):
    index = TrainingIndexPageFactory(parent=home_page)
    put_under_medical_director_approval(page=index)
    return index


@pytest.fixture
def brookline(db):
    return LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")


@pytest.fixture
def pasadena(db):
    return LocationFactory(slug="pasadena", name="Pasadena", time_zone="America/Los_Angeles")


@pytest.fixture
def laser_tech(db):
    return JobRoleFactory(slug="laser-technician", name="Laser technician")


@pytest.fixture
def module(training_index, laser_tech):
    """A required module of two single-choice questions, 80 % to pass."""
    page = module_with_questions(training_index, title="Post-laser recovery", slug="post-laser")
    TrainingRequirementFactory(role=laser_tech, module=page)
    return page


@pytest.fixture
def sam(brookline, laser_tech):
    return StaffProfileFactory(
        user__username="sam", user__first_name="Sam", home_location=brookline, roles=[laser_tech]
    )


@pytest.fixture
def lee(brookline, laser_tech):
    return StaffProfileFactory(
        user__username="lee", user__first_name="Lee", home_location=brookline, roles=[laser_tech]
    )


@pytest.fixture
def maria(brookline):
    return ManagerFactory(user__username="maria", home_location=brookline)


@pytest.fixture
def marcus(pasadena):
    return ManagerFactory(user__username="marcus", home_location=pasadena)
