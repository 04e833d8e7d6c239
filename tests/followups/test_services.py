import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from followups import services
from followups.models import FollowUpAction, FollowUpStatus

from organisation.models import AuditEntry
from tests.factories import StaffProfileFactory
from tests.followups.conftest import DUE, NOW, TODAY, add_action


def test_an_action_from_an_incident_is_open_at_its_location_and_audited(
    incident, maria, nadia, north
):
    action = add_action(incident, nadia, maria)
    assert action.status == FollowUpStatus.OPEN and action.location == north
    assert action.incident == incident and action.drill_session is None
    entry = AuditEntry.objects.get(action="followup.created")
    assert entry.staff == nadia and entry.actor == maria.user
    assert entry.data["follow_up"] == action.pk and entry.data["due_on"] == DUE.isoformat()


def test_an_action_from_a_team_drill(session, maria, nadia):
    action = services.create_follow_up(
        what="Move the AED to the corridor",
        owner=nadia,
        due_on=DUE,
        drill_session=session,
        actor=maria,
        now=NOW,
    )
    assert action.drill_session == session and action.source_label.startswith("Team drill of")


def test_bad_input_is_refused_by_field_and_writes_nothing(incident, maria, south):
    stranger = StaffProfileFactory(home_location=south)
    with pytest.raises(ValidationError) as refused:
        services.create_follow_up(
            what="  ",
            owner=stranger,
            due_on=TODAY - datetime.timedelta(days=1),
            incident=incident,
            actor=maria,
            now=NOW,
        )
    errors = refused.value.message_dict
    assert errors["what"] == [str(services.SAY_WHAT)]
    assert "does not work at North" in errors["owner"][0]
    assert not FollowUpAction.objects.exists()
    with pytest.raises(ValidationError) as refused:
        add_action(
            incident,
            incident.staff_involved.get(),
            maria,
            due_on=TODAY - datetime.timedelta(days=1),
        )
    assert "before the owner's today (3 Mar 2026)" in refused.value.message_dict["due_on"][0]


def test_another_locations_manager_cannot_add_one(incident, oscar, nadia):
    with pytest.raises(PermissionDenied):
        add_action(incident, nadia, oscar)
    assert not FollowUpAction.objects.exists()


def test_the_owner_marks_it_done_once(incident, maria, nadia, leo):
    action = add_action(incident, nadia, maria)
    with pytest.raises(PermissionDenied):
        services.mark_done(action=action, note="", actor=leo.user, now=NOW)
    services.mark_done(action=action, note="Restocked two tubes", actor=nadia.user, now=NOW)
    action.refresh_from_db()
    assert action.status == FollowUpStatus.DONE and action.closed_by == nadia.user
    assert action.closed_at == NOW and action.note == "Restocked two tubes"
    assert AuditEntry.objects.filter(action="followup.done", staff=nadia, actor=nadia.user).exists()
    with pytest.raises(ValidationError, match="already Done"):
        services.mark_done(action=action, note="", actor=nadia.user, now=NOW)


def test_a_manager_cancels_with_a_reason_only(incident, maria, nadia):
    action = add_action(incident, nadia, maria)
    with pytest.raises(PermissionDenied):
        services.cancel(action=action, note="Not needed", actor=nadia.user, now=NOW)
    with pytest.raises(ValidationError) as refused:
        services.cancel(action=action, note=" ", actor=maria.user, now=NOW)
    assert refused.value.message_dict == {"note": [str(services.NOTE_TO_CANCEL)]}
    services.cancel(action=action, note="Supplier changed", actor=maria.user, now=NOW)
    action.refresh_from_db()
    assert action.status == FollowUpStatus.CANCELLED
