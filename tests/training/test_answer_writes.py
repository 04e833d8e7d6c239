"""Saving and submitting write every answer in a fixed number of queries (training.services):
two queries per answer were a fifth of a save's work."""

import datetime

import pytest

from tests.factories.training import correct_answers, module_with_questions
from training import services
from training.models import Question

pytestmark = pytest.mark.django_db

# The savepoint, the attempt locked, its answers read, which questions still exist, one insert,
# the release; submitting also updates the rows saved before, the attempt and the audit trail.
SAVE_QUERIES = 6
SUBMIT_QUERIES = 9


@pytest.mark.parametrize("count", [2, 20])
def test_save_and_submit_ask_as_many_queries_for_twenty_questions_as_for_two(
    training_index, sam, now, count, django_assert_num_queries
):
    module = module_with_questions(training_index, count=count, questions_per_attempt=count)
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    right = correct_answers(attempt)
    first_half = dict(list(right.items())[: count // 2])
    later = now + datetime.timedelta(minutes=3)

    with django_assert_num_queries(SAVE_QUERIES):
        services.save_answers(attempt=attempt, answers=first_half, now=now)
    with django_assert_num_queries(SUBMIT_QUERIES):
        attempt = services.submit_attempt(attempt=attempt, answers=right, now=later)

    rows = list(attempt.answers.order_by("position"))
    assert attempt.passed and [row.score for row in rows] == [1.0] * count
    saved_first = set(first_half)
    assert all(
        row.answered_at == (now if row.question_id in saved_first else later) for row in rows
    )


def test_an_answer_to_a_question_deleted_since_keeps_no_question(training_index, sam, now):
    module = module_with_questions(training_index, count=2, questions_per_attempt=2, shuffle=False)
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    right = correct_answers(attempt)
    gone = attempt.questions[1]["question_id"]
    Question.objects.filter(pk=gone).delete()

    attempt = services.submit_attempt(attempt=attempt, answers=right, now=now)

    rows = list(attempt.answers.order_by("position"))
    assert [row.question_id for row in rows] == [attempt.questions[0]["question_id"], None]
    assert [row.score for row in rows] == [1.0, 1.0]
