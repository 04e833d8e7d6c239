import datetime

import pytest
from incidents import services
from incidents.models import Complication, Procedure, ProtocolFollowed
from incidents.steps import Step

from tests.factories import StaffProfileFactory
from tests.factories.content import ProtocolIndexPageFactory, ProtocolPageFactory
from tests.factories.training import TrainingIndexPageFactory, module_with_questions

# Wednesday 4 March 2026, 02:00 UTC: still Tuesday 3 March in New York (North's date).
NOW = datetime.datetime(2026, 3, 4, 2, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 3)


@pytest.fixture
def now():
    return NOW


@pytest.fixture
def nadia(north):
    return StaffProfileFactory(home_location=north, user__first_name="Nadia")


@pytest.fixture
def leo(north):
    return StaffProfileFactory(home_location=north, user__first_name="Leo")


@pytest.fixture
def protocol(home_page):
    return ProtocolPageFactory(parent=ProtocolIndexPageFactory(parent=home_page))


@pytest.fixture
def module(home_page):
    return module_with_questions(TrainingIndexPageFactory(parent=home_page), title="Laser safety")


def details(location, people, *, protocol=None, **changes) -> services.Details:
    values = {
        "location": location,
        "occurred_on": TODAY,
        "occurred_time": datetime.time(14, 5),
        "procedure": Procedure.LASER_VEIN,
        "complication": Complication.BURN,
        "complication_detail": "",
        "protocol": protocol,
        "protocol_followed": ProtocolFollowed.YES if protocol else ProtocolFollowed.NONE,
        "steps": [
            Step(datetime.time(14, 5), "Stopped the laser"),
            Step(datetime.time(14, 6), "Cooled the area"),
        ],
        "outcome": "Superficial burn, dressed; review in 48 hours.",
        "follow_up_plan": "Call the next day.",
        "staff_involved": list(people),
    }
    values.update(changes)
    return services.Details(**values)


def make_incident(location, by, people, *, now=NOW, **changes):
    return services.record_incident(
        details=details(location, people, **changes), recorded_by=by, now=now
    )
