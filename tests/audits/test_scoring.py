import pytest
from audits.scoring import Tally, tally


def test_score_is_met_over_met_plus_not_met_and_not_applicable_counts_for_neither():
    assert Tally(met=3, not_met=1, not_applicable=6).percent == 75
    assert Tally(met=3, not_met=1).percent == 75


def test_only_not_applicable_is_no_score_not_zero_or_full_marks():
    assert Tally(not_applicable=4).percent is None
    assert not Tally(not_applicable=4).fails(90)


def test_a_score_is_rounded_down_so_just_under_the_pass_mark_fails():
    nine_of_ten_less = Tally(met=89, not_met=10)  # 89.9%
    assert nine_of_ten_less.percent == 89
    assert nine_of_ten_less.fails(90)
    assert not Tally(met=9, not_met=1).fails(90)  # exactly 90%


@pytest.mark.parametrize(
    ("counts", "expected"),
    [({"met": 2, "not_met": 2, "na": 1}, Tally(2, 2, 1)), ({}, Tally(0, 0, 0))],
)
def test_tally_reads_counts_by_outcome_value(counts, expected):
    assert tally(counts) == expected


def test_tallies_add_up_across_items():
    assert Tally(1, 0, 2) + Tally(0, 3, 1) == Tally(1, 3, 3)
