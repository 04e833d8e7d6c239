"""Two managers closing one incident at the same moment, or an owner and a manager closing one
follow-up action: one wins, the other is refused with its message, and what closing writes
(the assignments, the audit entry) is written once (PostgreSQL only: its row locks decide)."""

import datetime

import pytest
from django.db import connection
from followups import services as follow_up_services
from incidents import services
from incidents.models import Incident

from actions.models import Assignment
from organisation.models import AuditEntry
from tests.actions.test_concurrency import at_once
from tests.factories import ManagerFactory
from tests.incidents.conftest import NOW, TODAY, make_incident

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Decided by PostgreSQL's row locks; this test runs in the PostgreSQL pass.",
)


@pytest.mark.django_db(transaction=True)
def test_two_closes_at_once_close_once_and_assign_once(north, maria, nadia, leo, module):
    other = ManagerFactory(home_location=north)
    incident = make_incident(north, maria, [nadia, leo])

    def close(by):
        return lambda: services.close_incident(
            incident=incident,
            review="Retrain.",
            retraining=services.Retraining(
                what="module", page=module, due_on=TODAY + datetime.timedelta(days=20)
            ),
            closed_by=by,
            now=NOW,
        )

    made, refused = at_once(close(maria), close(other))
    assert len(made) == 1 and len(refused) == 1
    assert str(services.ALREADY_CLOSED) in refused[0].messages
    assert Incident.objects.get().status == "closed"
    assert Assignment.objects.count() == 2  # one each for Nadia and Leo
    assert AuditEntry.objects.filter(action="incident.closed").count() == 1


@pytest.mark.django_db(transaction=True)
def test_done_and_cancelled_at_once_close_the_action_once(north, maria, nadia):
    incident = make_incident(north, maria, [nadia])
    action = follow_up_services.create_follow_up(
        what="Restock",
        owner=nadia,
        due_on=TODAY + datetime.timedelta(days=7),
        incident=incident,
        actor=maria,
        now=NOW,
    )
    made, refused = at_once(
        lambda: follow_up_services.mark_done(action=action, note="", actor=nadia.user, now=NOW),
        lambda: follow_up_services.cancel(action=action, note="No", actor=maria.user, now=NOW),
    )
    assert len(made) == 1 and len(refused) == 1
    assert "already" in refused[0].messages[0]
    closing = AuditEntry.objects.filter(action__in=["followup.done", "followup.cancelled"])
    assert closing.count() == 1
