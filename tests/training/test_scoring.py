from training.scoring import attempt_score, is_pass, score_answer

THIRDS = [
    {"key": "a", "weight": 33},
    {"key": "b", "weight": 33},
    {"key": "c", "weight": 33},
    {"key": "d", "weight": -50},
]


def test_rounded_thirds_still_make_full_marks():
    assert score_answer(kind="multiple", choices=THIRDS, selected=["a", "b", "c"]) == 1
    assert round(score_answer(kind="multiple", choices=THIRDS, selected=["a"]), 3) == 0.333


def test_negative_marks_floor_at_zero_and_repeats_count_once():
    assert score_answer(kind="multiple", choices=THIRDS, selected=["a", "d"]) == 0
    assert score_answer(kind="multiple", choices=THIRDS, selected=["a", "a", "b", "c"]) == 1


def test_single_choice_partial_credit_and_nothing_picked():
    choices = [{"key": "a", "weight": 100}, {"key": "b", "weight": 50}]
    assert score_answer(kind="single", choices=choices, selected=["b"]) == 0.5
    assert score_answer(kind="single", choices=choices, selected=[]) == 0


def test_pass_mark_compares_without_float_surprises():
    assert is_pass(score=attempt_score([1, 1, 1, 1, 0]), pass_mark=80)
    assert not is_pass(score=0.7995, pass_mark=80)
    assert attempt_score([]) == 0
