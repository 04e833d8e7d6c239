import datetime

import pytest
from reminders.models import ReminderPolicy

from organisation import groups
from tests.factories import JobRoleFactory, StaffProfileFactory
from tests.factories.content import ProtocolPageFactory
from tests.factories.training import TrainingIndexPageFactory, TrainingModulePageFactory
from training.models import AttemptStatus, QuizAttempt

# Wednesday 4 March 2026, 15:00 UTC: 10 am in New York (North's date 4 March).
NOW = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 4)
BEFORE = NOW - datetime.timedelta(days=40)


@pytest.fixture
def esthetician(db):
    return JobRoleFactory(name="Esthetician", slug="esthetician")


@pytest.fixture
def nadia(north, esthetician):
    return StaffProfileFactory(home_location=north, roles=[esthetician], user__first_name="Nadia")


@pytest.fixture
def sam(south, esthetician):
    return StaffProfileFactory(home_location=south, roles=[esthetician], user__first_name="Sam")


@pytest.fixture
def director(north):
    return StaffProfileFactory(
        home_location=north, user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS]
    )


@pytest.fixture
def protocol(library):
    return ProtocolPageFactory(parent=library, title="Clinical-to-spa referral handoff")


@pytest.fixture
def training(home_page):
    return TrainingIndexPageFactory(parent=home_page)


def module_on(training, *protocols, title=None):
    module = TrainingModulePageFactory(parent=training, **({"title": title} if title else {}))
    module.protocols.set(protocols)
    module.save_revision().publish()
    return module


def passed(person, module, *, at=BEFORE, passed=True):
    """A submitted attempt of `module` by `person` at `at`, passed or not."""
    return QuizAttempt.objects.create(
        staff=person,
        module=module,
        module_title=module.title,
        pass_mark=80,
        review_mode="after_each",
        valid_for_months=12,
        started_at=at,
        submitted_at=at,
        status=AttemptStatus.SUBMITTED,
        score=1.0 if passed else 0.2,
        passed=passed,
        passed_on=at.date() if passed else None,
    )


def publish(protocol, user, *, significant, what_changed="The adrenaline dose is now 0.5 mg."):
    """Save and publish a revision of `protocol` as the medical director would."""
    protocol.significant_change = significant
    protocol.what_changed = what_changed if significant else ""
    revision = protocol.save_revision(user=user)
    revision.publish(user=user)
    return revision


@pytest.fixture
def policy(db):
    policy = ReminderPolicy.load()
    policy.digest_enabled = False
    policy.save()
    return policy
