"""Two submits of one attempt, or two starts, at the same moment in separate connections."""

import threading

import pytest
from django.db import connection

from organisation.models import AuditEntry
from tests.factories.training import correct_answers, wrong_answers
from training import services
from training.models import AttemptAnswer, QuizAttempt

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locking (select_for_update) only means something on PostgreSQL; this test "
    "runs in the PostgreSQL pass (DATABASE_URL=postgres://...).",
)


def at_once(*calls):
    start = threading.Barrier(len(calls))
    results, errors = [], []

    def run(call):
        try:
            start.wait(timeout=10)
            results.append(call())
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_once_score_the_attempt_once(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    right, wrong = correct_answers(attempt), wrong_answers(attempt)
    results = at_once(
        lambda: services.submit_attempt(attempt=attempt, answers=right, now=now),
        lambda: services.submit_attempt(attempt=attempt, answers=wrong, now=now),
    )
    assert len({(r.pk, r.score, r.passed) for r in results}) == 1
    assert AttemptAnswer.objects.filter(attempt=attempt).count() == 2
    assert AuditEntry.objects.filter(action="training.attempt_submitted").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_starts_at_once_open_one_attempt(module, sam, now):
    results = at_once(
        lambda: services.start_attempt(staff=sam, module=module, now=now),
        lambda: services.start_attempt(staff=sam, module=module, now=now),
    )
    assert len({r.pk for r in results}) == 1
    assert QuizAttempt.objects.count() == 1
