"""Item analysis, counted in the database: facility, upper/lower 27 % discrimination, choice
shares, flags, the wording shown, and a fixed number of queries.

Attempts are made by the quiz services (started and submitted as a learner would), each by
its own person a minute after the last, so the totals and the order of starts are known."""

import datetime

import pytest

from tests.factories import StaffProfileFactory
from training import services
from training.analysis import item_analysis
from training.models import Question, QuizAttempt


@pytest.fixture
def take(module, brookline, now):
    """take(q1_right, q2_right): one submitted attempt at the two-question module."""
    taken = []

    def take(*rights: bool) -> QuizAttempt:
        at = now + datetime.timedelta(minutes=len(taken))
        attempt = services.start_attempt(
            staff=StaffProfileFactory(home_location=brookline), module=module, now=at
        )
        answers = {
            q["question_id"]: [next(c["key"] for c in q["choices"] if (c["weight"] > 0) == right)]
            for q, right in zip(attempt.questions, rights, strict=True)
        }
        taken.append(services.submit_attempt(attempt=attempt, answers=answers, now=at))
        return taken[-1]

    return take


def stats_by_position(module):
    """{position in the quiz: ItemStats} (the module shows its two questions in bank order)."""
    attempts, items = item_analysis(module.pk)
    order = list(Question.objects.filter(bank__modules=module).order_by("pk"))
    return attempts, {order.index(Question.objects.get(pk=s.question_id)): s for s in items}


def test_facility_discrimination_and_flags(module, take):
    for rights in [(1, 1), (1, 0), (1, 0), (1, 0), (0, 0), (0, 0), (1, 0)]:
        take(*rights)
    attempts, stats = stats_by_position(module)
    easy, hard = stats[0], stats[1]
    assert attempts == 7
    assert easy.attempts == 7 and round(easy.facility, 3) == round(5 / 7, 3)
    # Groups of ceil(7 * 0.27) = 2: upper scores 1.0 and 0.5, lower 0.0 and 0.0.
    assert easy.discrimination == 1.0 and easy.flags == []
    assert round(hard.facility, 3) == round(1 / 7, 3)
    assert hard.discrimination == 0.5
    assert hard.flags == ["hard: facility under 0.3"]
    assert [(c.text, c.picked) for c in easy.choices] == [
        ("Stop and cool", 5),
        ("Carry on", 2),
        ("Apply ice directly", 0),
    ]
    assert [round(c.share, 3) for c in easy.choices] == [round(5 / 7, 3), round(2 / 7, 3), 0]
    # Flagged first.
    assert [s.question_id for s in item_analysis(module.pk)[1]] == [
        hard.question_id,
        easy.question_id,
    ]


def test_equal_totals_rank_by_start_earliest_in_the_lower_group(module, take):
    # Every total is 0.5; the two earliest starts are the lower group.
    for rights in [(1, 0), (1, 0), (0, 1), (0, 1)]:
        take(*rights)
    _, stats = stats_by_position(module)
    assert stats[0].discrimination == -1.0 and stats[1].discrimination == 1.0


def test_non_discriminating_question_is_flagged_and_small_samples_have_no_discrimination(
    module, take
):
    for _ in range(3):
        take(1, 1)
    _, few = stats_by_position(module)
    assert few[0].discrimination is None and few[0].flags == []
    take(1, 1)
    _, flat = stats_by_position(module)
    assert flat[0].discrimination == 0 and "does not discriminate" in flat[0].flags[0]


def test_only_submitted_attempts_count(module, take, brookline, now):
    assert item_analysis(module.pk) == (0, [])
    services.start_attempt(
        staff=StaffProfileFactory(home_location=brookline), module=module, now=now
    )
    assert item_analysis(module.pk) == (0, [])
    take(1, 0)
    assert item_analysis(module.pk)[0] == 1


def test_each_question_is_worded_as_in_the_latest_attempt_that_showed_it(module, take):
    first, latest = take(1, 1), take(0, 0)
    old = [{**q, "stem": f"Old wording {i}"} for i, q in enumerate(first.questions)]
    QuizAttempt.objects.filter(pk=first.pk).update(questions=old)
    _, stats = stats_by_position(module)
    assert [stats[i].stem for i in (0, 1)] == [q["stem"] for q in latest.questions]
    QuizAttempt.objects.filter(pk=latest.pk).update(started_at=first.started_at)
    # Started at the same instant: the later attempt (by id) is the latest.
    _, stats = stats_by_position(module)
    assert [stats[i].stem for i in (0, 1)] == [q["stem"] for q in latest.questions]


def test_a_deleted_question_is_still_reported_from_the_snapshots(module, take):
    for rights in [(1, 1), (0, 1), (0, 1), (0, 0), (1, 1)]:
        take(*rights)
    _, before = stats_by_position(module)
    Question.objects.get(pk=before[0].question_id).delete()
    attempts, items = item_analysis(module.pk)
    after = {s.question_id: s for s in items}
    assert attempts == 5 and set(after) == {before[0].question_id, before[1].question_id}
    for was in before.values():
        now = after[was.question_id]
        assert (now.stem, now.attempts, now.facility, now.discrimination) == (
            was.stem,
            was.attempts,
            was.facility,
            was.discrimination,
        )
        assert [(c.key, c.picked) for c in now.choices] == [(c.key, c.picked) for c in was.choices]


@pytest.mark.parametrize("attempts", [4, 12])
def test_query_count_does_not_grow_with_attempts(module, take, attempts, django_assert_num_queries):
    for i in range(attempts):
        take(i % 2, i % 3 == 0)
    with django_assert_num_queries(4):
        assert item_analysis(module.pk)[0] == attempts
