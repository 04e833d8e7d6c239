import pytest

from content.services import put_under_medical_director_approval
from tests.factories.drills import DrillIndexPageFactory, DrillScenarioPageFactory
from tests.factories.organisation import StaffProfileFactory


@pytest.fixture
def drill_index(home_page):
    index = DrillIndexPageFactory(parent=home_page)
    put_under_medical_director_approval(page=index)
    return index


@pytest.fixture
def scenario(drill_index):
    return DrillScenarioPageFactory(parent=drill_index, slug="anaphylaxis")


@pytest.fixture
def staff(db):
    return StaffProfileFactory(user__username="sam")
