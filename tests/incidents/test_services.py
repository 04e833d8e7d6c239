import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from incidents import services
from incidents.models import Complication, Incident, IncidentStatus, ProtocolFollowed

from actions.assignments import assign_to_person
from actions.models import Assignment
from organisation.models import AuditEntry
from tests.factories import StaffProfileFactory
from tests.incidents.conftest import NOW, TODAY, details, make_incident

DUE = datetime.date(2026, 3, 31)


def test_recording_keeps_the_local_time_in_utc_the_steps_and_an_audit_entry(
    north, maria, nadia, leo
):
    incident = make_incident(north, maria, [nadia, leo])
    assert incident.status == IncidentStatus.OPEN and incident.occurred_on == TODAY
    # 14:05 in New York on 3 March (EST, UTC-5) is 19:05 UTC.
    assert incident.occurred_at == datetime.datetime(2026, 3, 3, 19, 5, tzinfo=datetime.UTC)
    assert [str(s) for s in incident.steps.all()] == [
        "14:05 Stopped the laser",
        "14:06 Cooled the area",
    ]
    assert set(incident.staff_involved.all()) == {nadia, leo}
    entry = AuditEntry.objects.get(action="incident.created")
    assert entry.staff == maria and entry.actor == maria.user
    assert entry.data == {"incident": incident.pk, "location": north.pk}


def test_a_time_later_than_now_at_the_location_is_refused(north, maria, nadia):
    with pytest.raises(ValidationError) as refused:
        make_incident(north, maria, [nadia], occurred_time=datetime.time(21, 30))
    assert "occurred_on" in refused.value.message_dict
    assert not Incident.objects.exists() and not AuditEntry.objects.exists()


def test_staff_of_another_location_are_refused_by_name(north, south, maria, nadia):
    stranger = StaffProfileFactory(home_location=south, user__first_name="Sol")
    with pytest.raises(ValidationError) as refused:
        make_incident(north, maria, [nadia, stranger])
    (message,) = refused.value.message_dict["staff_involved"]
    assert stranger.display_name in message and "North" in message
    assert not Incident.objects.exists()


def test_other_needs_words_and_a_protocol_answer_needs_a_protocol(north, maria, nadia):
    with pytest.raises(ValidationError) as refused:
        make_incident(
            north,
            maria,
            [nadia],
            complication=Complication.OTHER,
            protocol_followed=ProtocolFollowed.YES,
        )
    assert refused.value.message_dict == {
        "complication_detail": [str(services.SAY_WHICH_COMPLICATION)],
        "protocol": [str(services.CHOOSE_PROTOCOL)],
    }


def test_a_manager_of_another_location_cannot_record_there(north, oscar, nadia):
    with pytest.raises(PermissionDenied):
        make_incident(north, oscar, [nadia])
    assert not Incident.objects.exists()


def test_editing_an_open_incident_replaces_its_steps_and_is_audited(north, maria, nadia, leo):
    incident = make_incident(north, maria, [nadia])
    services.update_incident(
        incident=incident,
        details=details(north, [leo], steps=[services.Step(datetime.time(9, 0), "Called 911")]),
        edited_by=maria,
        now=NOW,
    )
    incident.refresh_from_db()
    assert [str(s) for s in incident.steps.all()] == ["09:00 Called 911"]
    assert list(incident.staff_involved.all()) == [leo]
    assert AuditEntry.objects.filter(action="incident.edited", staff=maria).count() == 1


def test_closing_assigns_the_module_to_each_person_involved_and_is_audited(
    north, maria, nadia, leo, module
):
    incident = make_incident(north, maria, [nadia, leo])
    later = NOW + datetime.timedelta(hours=1)
    services.close_incident(
        incident=incident,
        review="Cooling started late; retrain on the burn protocol.",
        retraining=services.Retraining(what="module", page=module, due_on=DUE),
        closed_by=maria,
        now=later,
    )
    incident.refresh_from_db()
    assert incident.status == IncidentStatus.CLOSED
    assert incident.closed_by == maria.user and incident.closed_at == later
    made = Assignment.objects.filter(page=module, due_on=DUE)
    assert sorted(made.values_list("staff__pk", flat=True)) == sorted([nadia.pk, leo.pk])
    closed = AuditEntry.objects.get(action="incident.closed")
    assert closed.staff == maria and sorted(closed.data["assignments"]) == sorted(
        made.values_list("pk", flat=True)
    )
    assert AuditEntry.objects.filter(action="assignment.created").count() == 2


def test_one_refused_assignment_writes_nothing_and_leaves_the_incident_open(
    north, maria, nadia, leo, module
):
    incident = make_incident(north, maria, [nadia, leo])
    assign_to_person(staff=leo, what="module", page=module, due_on=DUE, actor=maria.user, now=NOW)
    with pytest.raises(ValidationError) as refused:
        services.close_incident(
            incident=incident,
            review="Retrain.",
            retraining=services.Retraining(what="module", page=module, due_on=DUE),
            closed_by=maria,
            now=NOW,
        )
    (message,) = refused.value.message_dict["page"]
    assert message.startswith(leo.display_name) and "already has" in message
    incident.refresh_from_db()
    assert incident.is_open and incident.closed_at is None
    assert list(Assignment.objects.values_list("staff", flat=True)) == [leo.pk]
    assert not AuditEntry.objects.filter(action="incident.closed").exists()


def test_a_closed_incident_cannot_be_edited_or_closed_again(north, maria, nadia):
    incident = make_incident(north, maria, [nadia])
    services.close_incident(
        incident=incident, review="Done.", retraining=None, closed_by=maria, now=NOW
    )
    with pytest.raises(ValidationError, match="closed"):
        services.update_incident(
            incident=incident, details=details(north, [nadia]), edited_by=maria, now=NOW
        )
    with pytest.raises(ValidationError, match="closed"):
        services.close_incident(
            incident=incident, review="Again.", retraining=None, closed_by=maria, now=NOW
        )
