"""Item analysis maths: facility, upper/lower 27 % discrimination, choice shares, flags."""

from training.analysis import Taken, analyse

QUESTIONS = {
    1: {
        "stem": "Easy and discriminating",
        "choices": [
            {"key": "a", "text": "A", "weight": 100},
            {"key": "b", "text": "B", "weight": 0},
        ],
    },
    2: {
        "stem": "Hard",
        "choices": [
            {"key": "c", "text": "C", "weight": 100},
            {"key": "d", "text": "D", "weight": 0},
        ],
    },
}


def taken(score, q1, q2):
    return Taken(
        score=score,
        answers={1: (q1, ["a"] if q1 else ["b"]), 2: (q2, ["c"] if q2 else ["d"])},
    )


def test_facility_discrimination_and_flags():
    attempts = [
        taken(1.0, 1, 1),
        taken(0.5, 1, 0),
        taken(0.5, 1, 0),
        taken(0.5, 1, 0),
        taken(0.0, 0, 0),
        taken(0.0, 0, 0),
        taken(0.5, 1, 0),
    ]
    stats = {s.question_id: s for s in analyse(attempts, QUESTIONS)}
    easy, hard = stats[1], stats[2]
    assert easy.attempts == 7 and round(easy.facility, 3) == round(5 / 7, 3)
    # Groups of ceil(7 * 0.27) = 2: upper scores 1.0 and 0.5, lower 0.0 and 0.0.
    assert easy.discrimination == 1.0 and easy.flags == []
    assert round(hard.facility, 3) == round(1 / 7, 3)
    assert hard.discrimination == 0.5
    assert hard.flags == ["hard: facility under 0.3"]
    assert [(c.key, c.picked) for c in easy.choices] == [("a", 5), ("b", 2)]


def test_non_discriminating_question_is_flagged_and_small_samples_have_no_discrimination():
    flat = [taken(s, 1, 1) for s in (1.0, 0.9, 0.8, 0.7)]
    stats = {s.question_id: s for s in analyse(flat, QUESTIONS)}
    assert stats[1].discrimination == 0 and "does not discriminate" in stats[1].flags[0]
    few = {s.question_id: s for s in analyse(flat[:3], QUESTIONS)}
    assert few[1].discrimination is None and few[1].flags == []


def test_questions_never_shown_are_left_out():
    assert analyse([], QUESTIONS) == []
