import datetime

import pytest
from audits import services
from audits.models import AuditedRecord, AuditRound, ItemScore, Outcome, Retraining
from audits.selectors import round_result
from django.core.exceptions import PermissionDenied, ValidationError

from actions.models import Assignment
from organisation.models import AuditEntry
from tests.audits.conftest import TODAY, score
from tests.factories import StaffProfileFactory

DUE = TODAY + datetime.timedelta(days=14)


def test_a_round_copies_the_standard_items_then_the_protocols_own_and_is_audited(
    audit_round, maria, checklist
):
    texts = [item.text for item in audit_round.items.order_by("position")]
    assert texts == [
        "Aftercare instructions given",
        "Consent present",
        "Settings recorded",
        "Photos taken",
        "Follow-up booked",
        "Skin type recorded",
        "Test patch recorded",
    ]
    assert audit_round.pass_mark == 90 and audit_round.procedure == "Laser vein treatment"
    entry = AuditEntry.objects.get(action="audit.round_created")
    assert entry.staff == maria and entry.data["round"] == audit_round.pk
    # Editing the checklist later leaves the round as it was scored.
    checklist.items.all().delete()
    assert audit_round.items.count() == 7


def test_a_round_at_a_location_the_auditor_does_not_manage_is_refused(north, oscar, checklist, now):
    with pytest.raises(PermissionDenied):
        services.start_round(
            location=north, checklist=checklist, audited_on=TODAY, auditor=oscar, now=now
        )
    assert not AuditRound.objects.exists()


def test_a_round_dated_after_the_locations_today_is_refused(north, maria, checklist, now):
    # 4 March in UTC is still 3 March in New York.
    with pytest.raises(ValidationError) as caught:
        services.start_round(
            location=north,
            checklist=checklist,
            audited_on=TODAY + datetime.timedelta(days=1),
            auditor=maria,
            now=now,
        )
    assert "audited_on" in caught.value.message_dict
    assert not AuditRound.objects.exists()


def test_scores_per_item_and_overall_with_not_applicable(audit_round, maria, nadia, tom, now):
    score(audit_round, "LV-001", nadia, by=maria, now=now, i3=Outcome.NOT_MET)
    score(audit_round, "LV-002", tom, by=maria, now=now, i3=Outcome.NOT_APPLICABLE)
    score(audit_round, "LV-003", tom, by=maria, now=now, i3=Outcome.MET, i6=Outcome.NOT_MET)
    result = round_result(audit_round)
    photos = result.items[3]
    assert photos.item.text == "Photos taken"
    assert (photos.tally.met, photos.tally.not_met, photos.tally.not_applicable) == (1, 1, 1)
    assert photos.tally.percent == 50 and photos.failing
    assert result.items[6].tally.percent == 66 and result.items[6].failing
    assert result.items[0].tally.percent == 100 and not result.items[0].failing
    # 21 outcomes: 1 not applicable, 2 not met, 18 met.
    assert (result.overall.met, result.overall.not_met, result.overall.not_applicable) == (18, 2, 1)
    assert result.overall.percent == 90
    assert [f.item.text for f in result.failing] == ["Photos taken", "Test patch recorded"]


def test_a_record_is_stored_by_its_reference_in_capitals(audit_round, maria, nadia, now):
    record = score(audit_round, " lv-0412 ", nadia, by=maria, now=now)
    assert record.reference == "LV-0412"
    assert ItemScore.objects.filter(record=record).count() == 7


@pytest.mark.parametrize("reference", ["Jane Doe", "00123456", "1985-03-12"])
def test_a_reference_that_could_identify_the_patient_writes_nothing(
    audit_round, maria, nadia, now, reference
):
    with pytest.raises(ValidationError):
        score(audit_round, reference, nadia, by=maria, now=now)
    assert not AuditedRecord.objects.exists()


def test_the_same_reference_twice_in_a_round_is_refused(audit_round, maria, nadia, now):
    score(audit_round, "LV-001", nadia, by=maria, now=now)
    with pytest.raises(ValidationError) as caught:
        score(audit_round, "lv-001", nadia, by=maria, now=now)
    assert "reference" in caught.value.message_dict
    assert AuditedRecord.objects.count() == 1


def test_the_treating_person_must_work_at_the_location(audit_round, maria, south, now):
    elsewhere = StaffProfileFactory(home_location=south)
    with pytest.raises(ValidationError) as caught:
        score(audit_round, "LV-001", elsewhere, by=maria, now=now)
    assert "treated_by" in caught.value.message_dict
    assert not AuditedRecord.objects.exists()


def test_every_item_needs_an_outcome(audit_round, maria, nadia, now):
    first = audit_round.items.first()
    with pytest.raises(ValidationError) as caught:
        services.score_record(
            audit_round=audit_round,
            reference="LV-001",
            treated_by=nadia,
            outcomes={first.pk: Outcome.MET},
            scored_by=maria,
            now=now,
        )
    assert caught.value.messages == [str(services.EVERY_ITEM)]
    assert not AuditedRecord.objects.exists()


def test_completing_is_audited_and_closes_the_round_to_new_records(audit_round, maria, nadia, now):
    with pytest.raises(ValidationError):
        services.complete_round(audit_round=audit_round, completed_by=maria, now=now)
    score(audit_round, "LV-001", nadia, by=maria, now=now, i3=Outcome.NOT_MET)
    done = services.complete_round(audit_round=audit_round, completed_by=maria, now=now)
    assert done.completed_at == now
    entry = AuditEntry.objects.get(action="audit.round_completed")
    assert entry.data == {"round": audit_round.pk, "met": 6, "not_met": 1}
    assert "85% overall" in entry.summary
    with pytest.raises(ValidationError) as caught:
        score(done, "LV-002", nadia, by=maria, now=now)
    assert caught.value.messages == [str(services.ROUND_COMPLETED)]


@pytest.fixture
def failing_round(audit_round, maria, nadia, tom, now):
    """Photos taken failing (1 of 3); Nadia and Tom treated; Priya works there but did not."""
    score(audit_round, "LV-001", nadia, by=maria, now=now, i3=Outcome.NOT_MET)
    score(audit_round, "LV-002", tom, by=maria, now=now, i3=Outcome.NOT_MET)
    score(audit_round, "LV-003", tom, by=maria, now=now)
    StaffProfileFactory(home_location=audit_round.location, user__first_name="Priya")
    return audit_round


def _photos(audit_round):
    return audit_round.items.get(text="Photos taken")


def test_retraining_goes_to_everyone_who_treated_in_the_round_and_no_one_else(
    failing_round, maria, nadia, tom, module, now
):
    made = services.assign_retraining(
        item=_photos(failing_round),
        what="module",
        page=module,
        due_on=DUE,
        assigned_by=maria,
        now=now,
    )
    assigned = Assignment.objects.filter(page=module)
    assert sorted(a.staff.pk for a in assigned) == sorted([nadia.pk, tom.pk])
    assert {a.due_on for a in assigned} == {DUE}
    assert made.people == 2 and made.item == _photos(failing_round)
    assert AuditEntry.objects.filter(action="assignment.created").count() == 2
    entry = AuditEntry.objects.get(action="audit.retraining_assigned")
    assert sorted(entry.data["staff"]) == sorted([nadia.pk, tom.pk])


def test_retraining_is_all_or_none_and_names_who_was_refused(
    failing_round, maria, tom, module, now
):
    # Tom already has the module due that day: his assignment is refused, so Nadia gets none.
    Assignment.objects.create(
        staff=tom,
        what="module",
        page=module,
        title=module.title,
        assigned_on=TODAY,
        due_on=DUE,
        assigned_by=maria.user,
        assigned_at=now,
    )
    with pytest.raises(ValidationError) as caught:
        services.assign_retraining(
            item=_photos(failing_round),
            what="module",
            page=module,
            due_on=DUE,
            assigned_by=maria,
            now=now,
        )
    assert len(caught.value.messages) == 1
    assert caught.value.messages[0].startswith(f"{tom.display_name}: ")
    assert Assignment.objects.count() == 1  # only the one made before
    assert not Retraining.objects.exists()
    assert not AuditEntry.objects.filter(
        action__in=["assignment.created", "audit.retraining_assigned"]
    ).exists()


def test_retraining_for_an_item_that_passes_is_refused(failing_round, maria, module, now):
    consent = failing_round.items.get(text="Consent present")
    with pytest.raises(ValidationError) as caught:
        services.assign_retraining(
            item=consent, what="module", page=module, due_on=DUE, assigned_by=maria, now=now
        )
    assert caught.value.messages == [str(services.ITEM_NOT_FAILING)]
    assert not Assignment.objects.exists()


def test_another_locations_manager_is_refused_by_every_service(
    failing_round, oscar, nadia, module, now
):
    with pytest.raises(PermissionDenied):
        score(failing_round, "LV-009", nadia, by=oscar, now=now)
    with pytest.raises(PermissionDenied):
        services.complete_round(audit_round=failing_round, completed_by=oscar, now=now)
    with pytest.raises(PermissionDenied):
        services.assign_retraining(
            item=_photos(failing_round),
            what="module",
            page=module,
            due_on=DUE,
            assigned_by=oscar,
            now=now,
        )
    failing_round.refresh_from_db()
    assert failing_round.records.count() == 3 and not failing_round.completed
    assert not Assignment.objects.exists() and not Retraining.objects.exists()
