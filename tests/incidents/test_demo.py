"""seed_demo loads the sample incidents and follow-up actions, once, marked sample."""

import datetime
import io

import pytest
from django.core.management import call_command
from followups import demo as followups_demo
from followups.models import FollowUpAction
from incidents import demo as incidents_demo
from incidents.models import Incident

from actions.models import Assignment
from organisation.models import AuditEntry

TODAY = datetime.date(2026, 3, 4)


@pytest.mark.django_db(transaction=False)
def test_seed_demo_loads_a_closed_and_an_open_incident_and_two_follow_ups(home_page):
    call_command("seed_demo", "--today", TODAY.isoformat(), stdout=io.StringIO())
    closed = Incident.objects.get(status="closed")
    still_open = Incident.objects.get(status="open")
    assert closed.sample_content and still_open.sample_content
    assert closed.location.slug == still_open.location.slug == "brookline"
    assert [p.user.username for p in closed.staff_involved.all()] == ["hana.sato"]
    assert closed.steps.count() == 4 and closed.protocol is not None
    # Closing assigned the retraining to the person involved, due three weeks after.
    assignment = Assignment.objects.get(
        staff__user__username="hana.sato", title__startswith="Laser vein"
    )
    assert assignment.due_on == TODAY - datetime.timedelta(days=2) + datetime.timedelta(days=21)
    assert AuditEntry.objects.filter(action="incident.closed", data__incident=closed.pk).exists()

    actions = FollowUpAction.objects.order_by("pk")
    assert [(a.incident_id is not None, a.drill_session_id is not None) for a in actions] == [
        (True, False),
        (False, True),
    ]
    assert all(a.sample_content and a.is_open and a.due_on > TODAY for a in actions)

    call_command("seed_demo", "--today", TODAY.isoformat(), stdout=io.StringIO())
    assert (Incident.objects.count(), FollowUpAction.objects.count()) == (2, 2)

    followups_demo.reset()
    incidents_demo.reset()
    assert not Incident.objects.exists() and not FollowUpAction.objects.exists()
