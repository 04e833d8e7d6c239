import pytest

from content.services import put_under_medical_director_approval
from organisation.demo import LOCATIONS
from organisation.synthetic import SYNTHETIC_ROLES
from tests.factories import JobRoleFactory, LocationFactory
from tests.factories.drills import (
    DrillIndexPageFactory,
    DrillRequirementFactory,
    DrillScenarioPageFactory,
)
from tests.factories.training import (
    TrainingIndexPageFactory,
    TrainingRequirementFactory,
    module_with_questions,
)


@pytest.fixture
def demo_places(db):
    """The demo locations and roles synthetic staff are made at (seed_demo's, in miniature)."""
    locations = [LocationFactory(slug=s, name=n, time_zone=tz) for s, n, tz in LOCATIONS]
    roles = [JobRoleFactory(slug=slug) for slug in SYNTHETIC_ROLES]
    return locations, roles


@pytest.fixture
def flow_content(home_page, demo_places):
    """A module with a quiz and a drill that every synthetic role must do."""
    _, roles = demo_places
    training = TrainingIndexPageFactory(parent=home_page)
    drills = DrillIndexPageFactory(parent=home_page)
    for index in (training, drills):
        put_under_medical_director_approval(page=index)
    module = module_with_questions(
        training, count=4, slug="post-laser", questions_per_attempt=4, attempts_per_day=0
    )
    scenario = DrillScenarioPageFactory(parent=drills, slug="anaphylaxis")
    for role in roles:
        TrainingRequirementFactory(role=role, module=module)
        DrillRequirementFactory(role=role, page=scenario)
    return module, scenario
