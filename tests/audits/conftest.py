import datetime

import pytest
from audits import services
from audits.models import AuditChecklist, ChecklistItem, Outcome

from tests.factories import StaffProfileFactory
from tests.factories.content import ProtocolIndexPageFactory, ProtocolPageFactory
from tests.factories.training import TrainingIndexPageFactory, module_with_questions

TODAY = datetime.date(2026, 3, 3)  # North's date at `now`


@pytest.fixture
def now():
    """Wednesday 4 March 2026, 02:00 UTC: still Tuesday 3 March in New York (North's date)."""
    return datetime.datetime(2026, 3, 4, 2, 0, tzinfo=datetime.UTC)


@pytest.fixture
def nadia(north):
    return StaffProfileFactory(home_location=north, user__first_name="Nadia")


@pytest.fixture
def tom(north):
    return StaffProfileFactory(home_location=north, user__first_name="Tom")


@pytest.fixture
def checklist(home_page):
    protocol = ProtocolPageFactory(
        parent=ProtocolIndexPageFactory(parent=home_page), title="Laser vein treatment"
    )
    checklist = AuditChecklist.objects.create(name="Laser vein treatment", protocol=protocol)
    ChecklistItem.objects.create(checklist=checklist, text="Skin type recorded", sort_order=0)
    ChecklistItem.objects.create(checklist=checklist, text="Test patch recorded", sort_order=1)
    return checklist


@pytest.fixture
def module(home_page):
    return module_with_questions(TrainingIndexPageFactory(parent=home_page), count=1)


@pytest.fixture
def audit_round(north, maria, checklist, now):
    return services.start_round(
        location=north, checklist=checklist, audited_on=TODAY, auditor=maria, now=now
    )


def score(audit_round, reference, treated_by, *, by, now, **by_position):
    """A record with every item met except those given as position=outcome."""
    outcomes = {
        item.pk: by_position.get(f"i{item.position}", Outcome.MET)
        for item in audit_round.items.all()
    }
    return services.score_record(
        audit_round=audit_round,
        reference=reference,
        treated_by=treated_by,
        outcomes=outcomes,
        scored_by=by,
        now=now,
    )
