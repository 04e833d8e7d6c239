"""Judging from the database: live clearances only, the location's local date, cards,
modules, drills and exemptions read through their apps' selectors."""

from datetime import UTC, date, datetime, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import Workflow

from clearances.approval import put_clearances_under_approval
from clearances.judging import CARD_AWAITING
from clearances.models import Clearance
from clearances.selectors import at_location, live_clearances, my_clearances
from organisation import groups
from tests.factories import StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory
from tests.factories.clearances import ClearanceFactory, minimum, requirement
from tests.factories.drills import DrillIndexPageFactory, DrillRunFactory, DrillScenarioPageFactory
from tests.factories.training import (
    TrainingIndexPageFactory,
    correct_answers,
    module_with_questions,
)
from training import approval
from training import services as training_services

# 04:30 UTC on 1 November 2026: already 1 November in New York (00:30), still 31 October in
# Los Angeles (21:30).
INSTANT = datetime(2026, 11, 1, 4, 30, tzinfo=UTC)
EXPIRY = date(2026, 10, 31)


def one(clearance, location, *, now=INSTANT, on=None):
    (answer,) = at_location(
        clearances=[clearance], location=location, on=on or location.local_date(now), now=now
    )
    return answer


def verdict_of(answer, profile):
    return next(j.verdict for j in answer.judged if j.person.pk == profile.pk)


def test_the_local_date_decides_across_two_time_zones_at_one_instant(
    fillers, injector, bls, north, west
):
    # One person working at both: cleared in Los Angeles (still the expiry day), not in New York.
    sam = StaffProfileFactory(home_location=north, locations=[north, west], roles=[injector])
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRY)
    assert verdict_of(one(fillers, west), sam).cleared
    in_new_york = verdict_of(one(fillers, north), sam)
    assert not in_new_york.cleared
    assert in_new_york.reasons == ["BLS expired 31 Oct 2026"]


def test_cleared_on_the_expiry_day_and_not_the_day_after(fillers, injector, bls, north):
    sam = StaffProfileFactory(home_location=north, roles=[injector])
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRY)
    assert verdict_of(one(fillers, north, on=EXPIRY), sam).cleared
    assert not verdict_of(one(fillers, north, on=EXPIRY + timedelta(days=1)), sam).cleared


def test_an_unverified_card_blocks_even_when_newer(fillers, injector, bls, north):
    sam = StaffProfileFactory(home_location=north, roles=[injector])
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=date(2026, 9, 30))
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=date(2028, 9, 30), pending=True
    )
    found = verdict_of(one(fillers, north), sam)
    assert not found.cleared
    assert found.reasons == [CARD_AWAITING.format(label="BLS")]


def test_a_rejected_card_does_not_count(fillers, injector, bls, north):
    sam = StaffProfileFactory(home_location=north, roles=[injector])
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=date(2028, 9, 30), rejected=True
    )
    assert verdict_of(one(fillers, north), sam).reasons == ["No BLS card on record"]


def test_only_the_roles_a_clearance_names_are_considered(fillers, injector, north):
    StaffProfileFactory(home_location=north)  # front desk: not an injector
    sam = StaffProfileFactory(home_location=north, roles=[injector])
    assert [j.person.pk for j in one(fillers, north).judged] == [sam.pk]


def test_modules_and_drills_are_read_through_their_apps(home_page, injector, north):
    module = module_with_questions(TrainingIndexPageFactory(parent=home_page), count=2)
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    clearance = ClearanceFactory(roles=[injector])
    requirement(clearance, module=module, within_months=12)
    requirement(clearance, scenario=scenario, within_months=6)
    sam = StaffProfileFactory(home_location=north, roles=[injector])
    found = verdict_of(one(clearance, north), sam)
    assert found.reasons == [
        f"{module.title} module never passed",
        f"{scenario.title} drill never completed",
    ]
    # A drill run that missed a critical action does not count; one that hit them all does.
    DrillRunFactory(
        staff=sam, page=scenario, started_at=INSTANT - timedelta(days=3), all_critical_hit=False
    )
    assert (
        f"{scenario.title} drill never completed" in verdict_of(one(clearance, north), sam).reasons
    )
    DrillRunFactory(staff=sam, page=scenario, started_at=INSTANT - timedelta(days=2))
    assert verdict_of(one(clearance, north), sam).reasons == [f"{module.title} module never passed"]
    passed_at = datetime(2025, 11, 1, 12, 0, tzinfo=UTC)  # 1 November 2025 in New York
    attempt = training_services.start_attempt(staff=sam, module=module, now=passed_at)
    training_services.submit_attempt(
        attempt=attempt, answers=correct_answers(attempt), now=passed_at
    )
    assert verdict_of(one(clearance, north), sam).cleared  # 1 November 2026: 12 months to the day
    later = one(clearance, north, on=date(2026, 11, 2))
    assert verdict_of(later, sam).reasons == [
        f"{module.title} module last passed 1 Nov 2025, more than 12 months ago"
    ]


def test_only_live_clearances_are_judged_and_a_draft_edit_changes_nothing(fillers, bls):
    ClearanceFactory(name="Draft laser", slug="draft-laser", live=False)
    assert [c.slug for c in live_clearances()] == ["dermal-fillers"]
    # An edit of a live clearance is a revision until approved: the rows stay as approved.
    fillers.name = "Fillers (edited)"
    fillers.save_revision()
    (live,) = live_clearances()
    assert live.name == "Dermal fillers"
    assert [r.certification_type_id for r in live.requirements.all()] == [bls.pk]


def test_a_clearance_is_judged_once_the_medical_director_approves_it(db, injector):
    workflow = put_clearances_under_approval()
    assert isinstance(workflow, Workflow)
    educator = StaffProfileFactory(user__groups=[groups.STAFF, groups.EDUCATORS]).user
    director = StaffProfileFactory(user__groups=[groups.STAFF, groups.MEDICAL_DIRECTORS]).user
    clearance = Clearance(name="Medium-depth peel", slug="medium-depth-peel", live=False)
    clearance.save()
    clearance.save_revision(user=educator)
    approval.submit_for_approval(obj=clearance, user=educator)
    assert not live_clearances().exists()
    with pytest.raises(PermissionDenied):
        approval.approve(obj=clearance, user=educator)
    approval.approve(obj=clearance, user=director)
    assert [c.slug for c in live_clearances()] == ["medium-depth-peel"]


def test_a_minimum_warns_when_cards_run_out_within_ninety_days(fillers, injector, bls, north):
    minimum(fillers, north, 2)
    for days in (30, 400):
        person = StaffProfileFactory(home_location=north, roles=[injector])
        CertificationRecordFactory(
            staff=person, certification_type=bls, expires_on=date(2026, 11, 1) + timedelta(days)
        )
    warning = one(fillers, north).warning
    assert warning is not None
    assert warning.first_short_on == date(2026, 12, 2)
    assert warning.count_then == 1
    assert "North falls below its minimum of 2 cleared for Dermal fillers on 2 Dec 2026" in (
        warning.message
    )
    assert warning.forecast_url == "/manage/?location=north#chart-coverage-title"


def test_no_warning_while_the_minimum_holds_for_ninety_days(fillers, injector, bls, north):
    minimum(fillers, north, 1)
    person = StaffProfileFactory(home_location=north, roles=[injector])
    CertificationRecordFactory(staff=person, certification_type=bls, expires_on=date(2027, 3, 1))
    assert one(fillers, north).warning is None


def test_my_clearances_judges_on_the_persons_local_date(fillers, injector, bls, west):
    sam = StaffProfileFactory(home_location=west, roles=[injector])
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRY)
    today, (mine,) = my_clearances(sam, now=INSTANT)
    assert today == EXPIRY
    assert mine.verdict.cleared
    assert mine.links["BLS"] == "/my/certifications/?type=BLS#upload-heading"
