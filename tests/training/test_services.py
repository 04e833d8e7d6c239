"""Starting, saving and submitting quiz attempts: scored on the server, once, in time."""

import datetime
import random

import pytest

from organisation.models import AuditEntry
from tests.factories.training import (
    QuestionBankFactory,
    QuestionFactory,
    correct_answers,
    module_with_questions,
    wrong_answers,
)
from training import services
from training.models import AttemptAnswer, QuizAttempt

pytestmark = pytest.mark.django_db


def test_start_snapshots_questions_pass_mark_and_revision(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    assert attempt.pass_mark == 80
    assert attempt.page_revision_id == module.live_revision_id is not None
    assert len(attempt.questions) == 2
    shown = attempt.questions[0]
    assert set(shown) == {
        "question_id",
        "revision_id",
        "kind",
        "stem",
        "stem_format",
        "explanation",
        "choices",
    }
    assert {c["text"] for c in shown["choices"]} == {
        "Stop and cool",
        "Carry on",
        "Apply ice directly",
    }
    assert AuditEntry.objects.filter(staff=sam, action="training.attempt_started").count() == 1


def test_snapshot_is_unchanged_by_a_later_edit_of_the_question(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    question = module.question_banks.first().questions.first()
    question.stem = "Edited later"
    question.save()
    attempt.refresh_from_db()
    assert "Edited later" not in [q["stem"] for q in attempt.questions]


def test_start_twice_resumes_the_open_attempt(module, sam, now):
    first = services.start_attempt(staff=sam, module=module, now=now)
    again = services.start_attempt(staff=sam, module=module, now=now)
    assert again.pk == first.pk
    assert QuizAttempt.objects.count() == 1


def test_draws_questions_per_attempt_from_banks_and_picks(training_index, sam, now):
    bank = QuestionBankFactory()
    for _ in range(5):
        QuestionFactory(bank=bank)
    picked = QuestionFactory()
    draft = QuestionFactory(bank=bank, live=False)
    module = module_with_questions(training_index, count=0, bank=bank, questions_per_attempt=10)
    module.picked_questions.add(picked)
    module.save_revision().publish()
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    ids = {q["question_id"] for q in attempt.questions}
    assert picked.pk in ids and draft.pk not in ids
    assert len(ids) == 6


def test_shuffle_draws_a_sample_and_orders_choices_at_random(training_index, sam, now):
    module = module_with_questions(training_index, count=6, shuffle=True, questions_per_attempt=3)
    attempt = services.start_attempt(staff=sam, module=module, now=now, rng=random.Random(4))
    assert len(attempt.questions) == 3


def test_unpublished_module_and_empty_pool_refuse_to_start(training_index, sam, now):
    empty = module_with_questions(training_index, count=0)
    with pytest.raises(services.QuizError, match=services.NO_QUESTIONS):
        services.start_attempt(staff=sam, module=empty, now=now)
    empty.unpublish()
    empty.refresh_from_db()
    with pytest.raises(services.QuizError, match=services.NOT_PUBLISHED):
        services.start_attempt(staff=sam, module=empty, now=now)


def test_attempts_per_day_count_the_persons_local_day(training_index, sam, now):
    module = module_with_questions(training_index, attempts_per_day=2)
    for minutes in (0, 10):
        attempt = services.start_attempt(
            staff=sam, module=module, now=now + datetime.timedelta(minutes=minutes)
        )
        services.submit_attempt(attempt=attempt, answers=wrong_answers(attempt), now=now)
    with pytest.raises(services.QuizError, match=services.DAILY_LIMIT):
        services.start_attempt(staff=sam, module=module, now=now + datetime.timedelta(hours=1))
    # `now` is 21:30 in New York; the local day ends at 05:00 UTC.
    tomorrow = datetime.datetime(2026, 3, 4, 5, 1, tzinfo=datetime.UTC)
    assert services.start_attempt(staff=sam, module=module, now=tomorrow).is_open


def test_correct_answers_pass_and_issue_a_certificate(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    result = services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)
    assert result.passed and result.score == 1
    # Passed on Sam's local date (New York), valid for the module's 12 months.
    assert result.passed_on == datetime.date(2026, 3, 3)
    assert result.valid_until == datetime.date(2027, 3, 3)
    assert len(result.certificate_code) >= 20
    assert AttemptAnswer.objects.filter(attempt=result).count() == 2


def test_wrong_answers_fail_and_unanswered_questions_score_zero(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    first = attempt.questions[0]
    good = [c["key"] for c in first["choices"] if c["weight"] == 100]
    result = services.submit_attempt(attempt=attempt, answers={first["question_id"]: good}, now=now)
    assert not result.passed and result.score == 0.5
    assert result.certificate_code is None
    rows = list(result.answers.order_by("position"))
    assert [r.score for r in rows] == [1.0, 0.0]
    assert rows[1].answered_at is None and rows[1].selected_keys == []


def test_second_submit_returns_first_result(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    first = services.submit_attempt(attempt=attempt, answers=wrong_answers(attempt), now=now)
    again = services.submit_attempt(
        attempt=attempt, answers=correct_answers(attempt), now=now + datetime.timedelta(minutes=1)
    )
    assert again.pk == first.pk and not again.passed and again.score == first.score
    assert again.submitted_at == now
    assert AuditEntry.objects.filter(action="training.attempt_submitted").count() == 1


def test_foreign_choice_key_is_rejected_and_nothing_saved(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    first, second = attempt.questions
    other_key = second["choices"][0]["key"]
    with pytest.raises(services.AnswerRejected, match=services.UNKNOWN_CHOICE):
        services.submit_attempt(
            attempt=attempt, answers={first["question_id"]: [other_key]}, now=now
        )
    attempt.refresh_from_db()
    assert attempt.is_open and not attempt.answers.exists()


def test_question_not_in_attempt_is_rejected(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    stranger = QuestionFactory()
    key = str(stranger.choices.first().key)
    with pytest.raises(services.AnswerRejected, match=services.UNKNOWN_QUESTION):
        services.save_answers(attempt=attempt, answers={stranger.pk: [key]}, now=now)
    assert not attempt.answers.exists()


def test_two_picks_on_a_single_choice_question_are_rejected(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    first = attempt.questions[0]
    keys = [c["key"] for c in first["choices"][:2]]
    with pytest.raises(services.AnswerRejected, match=services.ONE_CHOICE_ONLY):
        services.submit_attempt(attempt=attempt, answers={first["question_id"]: keys}, now=now)


def test_multiple_response_gives_partial_credit_and_floors_negative_marks(training_index, sam, now):
    bank = QuestionBankFactory()
    question = QuestionFactory(
        bank=bank,
        kind="multiple",
        choices=[("Cool", 50), ("Photograph", 50), ("Ice on skin", -50), ("Continue", -100)],
    )
    module = module_with_questions(training_index, count=0, bank=bank, questions_per_attempt=1)
    keys = {c.text: str(c.key) for c in question.choices.all()}

    def score(*texts):
        attempt = services.start_attempt(staff=sam, module=module, now=now)
        answers = {question.pk: [keys[t] for t in texts]}
        QuizAttempt.objects.filter(pk=attempt.pk)  # fresh attempt each time
        result = services.submit_attempt(attempt=attempt, answers=answers, now=now)
        return result.score

    module.attempts_per_day = 0
    module.save_revision().publish()
    assert score("Cool") == 0.5
    assert score("Cool", "Photograph") == 1
    assert score("Cool", "Photograph", "Ice on skin") == 0.5
    assert score("Cool", "Continue") == 0


def test_time_limit_scores_what_was_saved_in_time_and_marks_late(training_index, sam, now):
    module = module_with_questions(training_index, time_limit_minutes=10)
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    assert attempt.deadline_at == now + datetime.timedelta(minutes=10)
    right = correct_answers(attempt)
    first_id = attempt.questions[0]["question_id"]
    services.save_answers(
        attempt=attempt,
        answers={first_id: right[first_id]},
        now=now + datetime.timedelta(minutes=5),
    )
    late = now + datetime.timedelta(minutes=12)
    with pytest.raises(services.AnswerRejected, match=services.TIME_UP):
        services.save_answers(attempt=attempt, answers=right, now=late)
    result = services.submit_attempt(attempt=attempt, answers=right, now=late)
    assert result.late and result.score == 0.5 and not result.passed


def test_an_expired_open_attempt_is_closed_late_when_the_next_starts(training_index, sam, now):
    module = module_with_questions(training_index, time_limit_minutes=5)
    first = services.start_attempt(staff=sam, module=module, now=now)
    second = services.start_attempt(staff=sam, module=module, now=now + datetime.timedelta(hours=1))
    first.refresh_from_db()
    assert second.pk != first.pk
    assert not first.is_open and first.late and first.score == 0


def test_save_replaces_answers_and_keeps_unchanged_times(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    right = correct_answers(attempt)
    services.save_answers(attempt=attempt, answers=right, now=now)
    later = now + datetime.timedelta(minutes=2)
    first_id = attempt.questions[0]["question_id"]
    services.save_answers(attempt=attempt, answers={first_id: right[first_id]}, now=later)
    rows = list(attempt.answers.order_by("position"))
    assert rows[0].answered_at == now
    assert rows[1].selected_keys == [] and rows[1].answered_at is None
