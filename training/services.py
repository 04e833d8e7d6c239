"""Writes for quizzes: start an attempt, save answers, submit it. Scored on the server only.

Every function validates first and writes nothing when the input is bad (AnswerRejected maps
to a 400), writes inside one transaction, and records an audit entry for what counts.

Time limits: answers are saved as the learner goes (quiz.js posts the whole form to `save` on
every change; without JavaScript the "Save answers" button does the same). A submit that
arrives after the deadline (plus SUBMIT_GRACE for clock and network skew) ignores the answers
it carries: the attempt is scored on what was saved in time and marked late. An open attempt
found past its deadline (on opening the quiz, or starting another) is closed the same way.
"""

import random
import secrets
import zoneinfo
from collections.abc import Mapping, Sequence
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q

from organisation.models import StaffProfile
from organisation.prepared import PreparedQuery
from organisation.services import record_audit
from organisation.status import add_months
from training.models import (
    AttemptAnswer,
    AttemptStatus,
    Choice,
    Question,
    QuizAttempt,
    TrainingModulePage,
)
from training.scoring import SINGLE_PICK_KINDS, attempt_score, is_pass, score_answer
from training.selectors import answers_of

# Error messages: the views show them and the tests reuse them.
NOT_PUBLISHED = "This module is not published, so its quiz cannot be taken."
NO_QUESTIONS = "This module has no published questions yet; tell your clinical educator."
DAILY_LIMIT = "You have used today's attempts at this quiz. Try again tomorrow."
ATTEMPT_CLOSED = "This attempt has already been submitted."
UNKNOWN_QUESTION = "An answer was sent for a question that is not in this attempt."
UNKNOWN_CHOICE = "An answer was sent with a choice that does not belong to its question."
ONE_CHOICE_ONLY = "A single-choice question takes exactly one answer."
TIME_UP = "The time limit has passed; answers sent after it were not saved."

# Answers sent this long after the deadline still count: the page's own clock and the
# network are not perfectly in step.
SUBMIT_GRACE = timedelta(seconds=getattr(settings, "TRAINING_SUBMIT_GRACE_SECONDS", 15))


class QuizError(Exception):
    """The quiz cannot be started (a rule of the module says no)."""


class AnswerRejected(Exception):
    """The answers sent do not fit the attempt; nothing was saved."""


# --- starting -----------------------------------------------------------------------------


def question_pool(module: TrainingModulePage) -> list[Question]:
    """Approved questions of approved banks the module draws from (its banks and its picks),
    with choices, as approved.

    A live question's row is its published revision: Wagtail keeps edits awaiting approval in
    revisions until the director's approval publishes them (training.approval).
    """
    # Reverse lookups read the published page's saved relations in the same query.
    return list(
        Question.objects.filter(live=True, bank__live=True)
        .filter(Q(bank__modules=module) | Q(modules=module))
        .prefetch_related(Prefetch("choices", queryset=Choice.objects.order_by("sort_order", "pk")))
        .order_by("pk")
        .distinct()
    )


def snapshot_question(question: Question, *, rng: random.Random | None) -> dict:
    choices = [
        {"key": str(c.key), "text": c.text, "weight": c.weight, "feedback": c.feedback}
        for c in question.choices.all()
    ]
    if rng is not None and question.kind != "true_false":
        rng.shuffle(choices)
    return {
        "question_id": question.pk,
        # The approved version shown, for anyone checking later what the learner was asked.
        "revision_id": question.live_revision_id,
        "kind": question.kind,
        "stem": question.stem,
        "stem_format": question.stem_format,
        "explanation": question.explanation,
        "choices": choices,
    }


def attempts_started_on_local_day(*, staff: StaffProfile, module, now: datetime) -> int:
    """How many attempts `staff` started at `module` on their own local today."""
    zone = zoneinfo.ZoneInfo(staff.home_location.time_zone if staff.home_location else "UTC")
    start = datetime.combine(staff.local_date(now), time.min, tzinfo=zone)
    end = datetime.combine(start.date() + timedelta(days=1), time.min, tzinfo=zone)
    return QuizAttempt.objects.filter(
        staff=staff, module=module, started_at__gte=start, started_at__lt=end
    ).count()


# Asked on every visit to the quiz and to lock an attempt before writing to it: compiled once
# per process (organisation.prepared).
_open_attempt = PreparedQuery(
    lambda staff_id, module_id: QuizAttempt.objects.filter(
        staff_id=staff_id, module_id=module_id, status=AttemptStatus.IN_PROGRESS
    ).order_by("-started_at", "-pk")[:1]
)
_attempt_locked = PreparedQuery(
    lambda attempt_id: (
        QuizAttempt.objects.select_for_update(of=("self",))
        .select_related("staff__user", "staff__home_location")
        .filter(pk=attempt_id)[:1]
    )
)


def open_attempt(*, staff: StaffProfile, module: TrainingModulePage) -> QuizAttempt | None:
    return _open_attempt.first(staff.pk, module.pk)


def start_attempt(
    *,
    staff: StaffProfile,
    module: TrainingModulePage,
    now: datetime,
    rng: random.Random | None = None,
) -> QuizAttempt:
    """The person's open attempt at `module`, or a new one drawn from its question pool.

    An open attempt past its time limit is closed (scored, late) first. A new attempt
    snapshots the questions and choices drawn, the pass mark, the review mode and the live
    page revision. Raises QuizError when the module is unpublished, has no questions, or the
    person has used today's attempts.
    """
    current = open_attempt(staff=staff, module=module)
    if current is not None:
        if not past_deadline(current, now):
            return current
        submit_attempt(attempt=current, answers=None, now=now)
    if not module.live:
        raise QuizError(NOT_PUBLISHED)
    limit = module.attempts_per_day
    if limit and attempts_started_on_local_day(staff=staff, module=module, now=now) >= limit:
        raise QuizError(DAILY_LIMIT)
    pool = question_pool(module)
    if not pool:
        raise QuizError(NO_QUESTIONS)
    rng = rng or (random.SystemRandom() if module.shuffle else None)
    count = min(module.questions_per_attempt, len(pool))
    drawn = rng.sample(pool, count) if module.shuffle else pool[:count]
    snapshot = [snapshot_question(q, rng=rng if module.shuffle else None) for q in drawn]
    deadline = (
        now + timedelta(minutes=module.time_limit_minutes) if module.time_limit_minutes else None
    )
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                staff=staff,
                module=module,
                module_title=module.title,
                page_revision_id=module.live_revision_id,
                questions=snapshot,
                pass_mark=module.pass_mark,
                review_mode=module.review_mode,
                valid_for_months=module.valid_for_months,
                ce_hours=module.ce_hours,
                study_minutes=module.estimated_minutes,
                started_at=now,
                deadline_at=deadline,
            )
            record_audit(
                staff=staff,
                action="training.attempt_started",
                summary=f"Started the quiz of {module.title}",
                at=now,
                actor=staff.user,
                data={"attempt": attempt.pk, "module": module.pk},
            )
    except IntegrityError:
        # Another request opened an attempt at the same moment: resume that one.
        existing = open_attempt(staff=staff, module=module)
        if existing is None:
            raise
        return existing
    return attempt


# --- answering ----------------------------------------------------------------------------


def check_answers(
    attempt: QuizAttempt, answers: Mapping[int, Sequence[str]]
) -> dict[int, list[str]]:
    """Map answers keyed by question id to positions in the attempt, or raise AnswerRejected.

    Every question id must be in the attempt and every key must be one of that question's
    choices; a single-choice or true/false question takes at most one key.
    """
    positions = {q["question_id"]: i for i, q in enumerate(attempt.questions)}
    checked: dict[int, list[str]] = {}
    for question_id, keys in answers.items():
        if question_id not in positions:
            raise AnswerRejected(UNKNOWN_QUESTION)
        position = positions[question_id]
        question = attempt.questions[position]
        allowed = {c["key"] for c in question["choices"]}
        keys = list(dict.fromkeys(str(k) for k in keys if str(k)))
        if any(k not in allowed for k in keys):
            raise AnswerRejected(UNKNOWN_CHOICE)
        if question["kind"] in SINGLE_PICK_KINDS and len(keys) > 1:
            raise AnswerRejected(ONE_CHOICE_ONLY)
        checked[position] = sorted(keys, key=[c["key"] for c in question["choices"]].index)
    return checked


def past_deadline(attempt: QuizAttempt, now: datetime) -> bool:
    return attempt.deadline_at is not None and now > attempt.deadline_at + SUBMIT_GRACE


def _write_answers(
    attempt: QuizAttempt,
    checked: dict[int, list[str]] | None,
    now: datetime,
    *,
    scoring: bool = False,
) -> list[float]:
    """Replace the saved answers with `checked` (the whole form; None keeps what was saved);
    unchanged rows keep their time. `scoring` gives every question shown a row with its score
    and returns the scores in question order.

    In at most four queries however many questions there are (the rows saved, which questions
    still exist, one insert and one update): two per answer were a fifth of a save's queries.
    """
    saved = {a.position: a for a in answers_of(attempt)}
    new, changed, fields, scores = [], [], set(), []
    for position, question in enumerate(attempt.questions):
        row = saved.get(position)
        keys = checked.get(position, []) if checked is not None else None
        if row is None:
            if not keys and not scoring:
                continue
            row = AttemptAnswer(
                attempt=attempt,
                position=position,
                question_id=question["question_id"],
                selected_keys=keys or [],
                answered_at=now if keys else None,
            )
            new.append(row)
        elif keys is not None and row.selected_keys != keys:
            row.selected_keys = keys
            row.answered_at = now if keys else None
            changed.append(row)
            fields |= {"selected_keys", "answered_at"}
        if scoring:
            row.score = score_answer(
                kind=question["kind"], choices=question["choices"], selected=row.selected_keys
            )
            scores.append(row.score)
            if row.pk is not None and row not in changed:
                changed.append(row)
            fields.add("score")
    if new:
        # An answer keeps its question while the question exists (a deleted one leaves None).
        existing = set(
            Question.objects.filter(pk__in={row.question_id for row in new}).values_list(
                "pk", flat=True
            )
        )
        for row in new:
            if row.question_id not in existing:
                row.question_id = None
        AttemptAnswer.objects.bulk_create(new)
    if changed:
        AttemptAnswer.objects.bulk_update(changed, sorted(fields))
    return scores


def _locked(attempt: QuizAttempt) -> QuizAttempt:
    locked = _attempt_locked.first(attempt.pk)
    if locked is None:
        raise QuizAttempt.DoesNotExist(f"Attempt {attempt.pk} is gone.")
    return locked


def save_answers(
    *, attempt: QuizAttempt, answers: Mapping[int, Sequence[str]], now: datetime
) -> QuizAttempt:
    """Save the answers so far (the whole form each time) while the attempt is open and in time.

    Raises AnswerRejected (nothing saved) for a foreign question or choice, a closed attempt,
    or a save after the time limit.
    """
    checked = check_answers(attempt, answers)
    with transaction.atomic():
        attempt = _locked(attempt)
        if not attempt.is_open:
            raise AnswerRejected(ATTEMPT_CLOSED)
        if past_deadline(attempt, now):
            raise AnswerRejected(TIME_UP)
        _write_answers(attempt, checked, now)
    return attempt


def submit_attempt(
    *, attempt: QuizAttempt, answers: Mapping[int, Sequence[str]] | None, now: datetime
) -> QuizAttempt:
    """Score the attempt on the server, once.

    Submitting again returns the first result unchanged. Answers sent with the submit are
    saved first if they arrive in time; after the time limit they are ignored, the attempt is
    scored on what was saved in time and marked late. Every question shown gets an answer row
    (an empty one scores 0). A pass dates the completion on the person's local today, sets
    its valid-until date and issues a certificate code.
    """
    checked = check_answers(attempt, answers) if answers is not None else None
    with transaction.atomic():
        attempt = _locked(attempt)
        if not attempt.is_open:
            return attempt
        late = past_deadline(attempt, now)
        scores = _write_answers(attempt, None if late else checked, now, scoring=True)
        attempt.score = attempt_score(scores)
        attempt.passed = is_pass(score=attempt.score, pass_mark=attempt.pass_mark)
        attempt.late = late
        attempt.status = AttemptStatus.SUBMITTED
        attempt.submitted_at = now
        if attempt.passed:
            attempt.passed_on = attempt.staff.local_date(now)
            attempt.valid_until = add_months(attempt.passed_on, attempt.valid_for_months)
            attempt.certificate_code = secrets.token_urlsafe(18)
        attempt.save()
        outcome = "passed" if attempt.passed else "did not pass"
        record_audit(
            staff=attempt.staff,
            action="training.attempt_submitted",
            summary=f"{outcome.capitalize()} the quiz of {attempt.module_title} "
            f"with {attempt.percent} %{' (late)' if late else ''}",
            at=now,
            actor=attempt.staff.user,
            data={"attempt": attempt.pk, "score": attempt.score, "passed": attempt.passed},
        )
    return attempt
