import datetime

import pytest
from followups import services

from tests.factories.drills import (
    DrillIndexPageFactory,
    DrillScenarioPageFactory,
    TeamDrillSessionFactory,
)
from tests.incidents import conftest as incidents_world
from tests.incidents.conftest import NOW, TODAY, make_incident
from tests.reminders import conftest as reminders_world

# The incidents' people (Nadia, Leo); North, South, Maria and Oscar are every folder's
# (tests/conftest.py).
nadia, leo = incidents_world.nadia, incidents_world.leo
# The default reminder policy without the weekly digest, as the reminders' tests use it.
policy = reminders_world.policy

DUE = TODAY + datetime.timedelta(days=14)


@pytest.fixture
def incident(north, maria, nadia):
    return make_incident(north, maria, [nadia])


@pytest.fixture
def session(home_page, north, nadia):
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    return TeamDrillSessionFactory(
        location=north, page=scenario, participants=[nadia], held_on=TODAY
    )


def add_action(incident, owner, by, *, due_on=DUE, what="Restock burn gel", now=NOW):
    return services.create_follow_up(
        what=what, owner=owner, due_on=due_on, incident=incident, actor=by, now=now
    )
