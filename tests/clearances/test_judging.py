"""The pure judgement: each kind of requirement at its boundaries, exemptions, roles."""

from datetime import date

from clearances import judging
from clearances.judging import CERTIFICATION, DRILL, TRAINING, Facts, Need, judge
from organisation.status import Status

BLS = Need(CERTIFICATION, "BLS", 1, "BLS")
FILLER = Need(TRAINING, "7", 7, "Filler complications", within_months=12)
OCCLUSION = Need(DRILL, "9", 9, "Vascular occlusion", within_months=6)


def verdict(facts: Facts, on: date, needs=(BLS,), roles=()):
    return judge(staff_id=5, role_ids=roles, needs=needs, facts=facts, on=on)


def test_a_card_clears_on_its_expiry_day_and_not_the_day_after():
    facts = Facts(card_expiries={(5, 1): date(2026, 10, 31)})
    assert verdict(facts, date(2026, 10, 31)).cleared
    after = verdict(facts, date(2026, 11, 1))
    assert not after.cleared
    assert after.reasons == ["BLS expired 31 Oct 2026"]
    assert after.checks[0].status is Status.OVERDUE


def test_an_unverified_card_blocks_and_says_it_awaits_verification():
    facts = Facts(cards_awaiting={(5, 1)})
    found = verdict(facts, date(2026, 3, 1))
    assert not found.cleared
    assert found.reasons == [judging.CARD_AWAITING.format(label="BLS")]
    assert found.checks[0].status is Status.AWAITING_VERIFICATION


def test_no_card_at_all_is_missing():
    found = verdict(Facts(), date(2026, 3, 1))
    assert found.reasons == ["No BLS card on record"]
    assert found.checks[0].status is Status.MISSING


def test_a_module_counts_through_the_day_its_months_run_out():
    facts = Facts(last_passes={(5, 7): date(2025, 1, 10)})
    assert verdict(facts, date(2026, 1, 10), needs=(FILLER,)).cleared
    lapsed = verdict(facts, date(2026, 1, 11), needs=(FILLER,))
    assert lapsed.reasons == [
        "Filler complications module last passed 10 Jan 2025, more than 12 months ago"
    ]
    never = verdict(Facts(), date(2026, 1, 11), needs=(FILLER,))
    assert never.reasons == ["Filler complications module never passed"]


def test_a_drill_counts_within_its_months():
    facts = Facts(last_drills={(5, 9): date(2026, 1, 31)})
    assert verdict(facts, date(2026, 7, 31), needs=(OCCLUSION,)).cleared
    assert verdict(facts, date(2026, 8, 1), needs=(OCCLUSION,)).reasons == [
        "Vascular occlusion drill last completed 31 Jan 2026, more than 6 months ago"
    ]
    assert verdict(Facts(), date(2026, 8, 1), needs=(OCCLUSION,)).reasons == [
        "Vascular occlusion drill never completed"
    ]


def test_an_exemption_in_force_counts_as_met_and_says_until_when():
    facts = Facts(
        card_expiries={(5, 1): date(2026, 1, 31)},
        exemptions={(5, CERTIFICATION, "BLS"): date(2026, 4, 30)},
    )
    found = verdict(facts, date(2026, 3, 1))
    assert found.cleared
    assert found.notes == ["BLS: exempt until 30 Apr 2026"]
    assert found.cleared_through == date(2026, 4, 30)
    assert not verdict(facts, date(2026, 5, 1)).cleared


def test_every_requirement_must_be_met_and_each_unmet_one_gives_its_reason():
    facts = Facts(card_expiries={(5, 1): date(2027, 1, 31)})
    found = verdict(facts, date(2026, 3, 1), needs=(BLS, FILLER, OCCLUSION))
    assert not found.cleared
    assert found.reasons == [
        "Filler complications module never passed",
        "Vascular occlusion drill never completed",
    ]


def test_a_requirement_for_one_role_is_asked_only_of_that_role():
    laser_only = Need(TRAINING, "7", 7, "Laser safety", within_months=12, role_id=3)
    assert verdict(Facts(), date(2026, 3, 1), needs=(laser_only,), roles=(4,)).cleared
    assert not verdict(Facts(), date(2026, 3, 1), needs=(laser_only,), roles=(3, 4)).cleared


def test_a_requirement_whose_module_was_deleted_is_never_met():
    gone = Need("", "gone-1", None, "?")
    found = verdict(Facts(), date(2026, 3, 1), needs=(gone,))
    assert not found.cleared
    assert found.reasons == [judging.TARGET_GONE]


def test_cleared_through_is_the_first_thing_to_run_out():
    facts = Facts(card_expiries={(5, 1): date(2027, 1, 31)}, last_passes={(5, 7): date(2025, 6, 1)})
    assert verdict(facts, date(2026, 3, 1), needs=(BLS, FILLER)).cleared_through == date(2026, 6, 1)
