import math
import random
import statistics
import time as clock
from datetime import UTC, datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from content.demo import wagtail_roots
from organisation.models import Location, StaffProfile
from training.analysis import item_analysis
from training.models import (
    AttemptAnswer,
    AttemptStatus,
    Choice,
    Question,
    QuestionBank,
    QuizAttempt,
    TrainingIndexPage,
    TrainingModulePage,
)
from training.scoring import attempt_score, is_pass, score_answer

ATTEMPTS_PER_PERSON = 10
SEED = 13
# Wording about as long as the demo's (a snapshot of ~1.2 kB per question shown), so the bench
# reads as much JSON as a real module would.
STEM = "After {n} passes of the laser the client reports burning that does not settle: what "
EXPLANATION = "Cooling first limits the depth of the burn; document before anything else. " * 3
FEEDBACK = "Right for this step: the protocol says so because the skin keeps heating. " * 2


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = (
        "Time the quiz item analysis of one module over many answers and count its SQL "
        "queries. Builds throwaway questions, staff, attempts and answers in a transaction "
        "that is rolled back, so it is safe on the demo database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--answers", type=int, nargs="+", default=[100_000], help="Sizes to run."
        )
        parser.add_argument(
            "--questions-per-attempt", type=int, default=10, help="Questions in each attempt."
        )
        parser.add_argument("--repeat", type=int, default=5, help="Analyses timed per size.")

    def handle(self, *args, answers: list[int], questions_per_attempt: int, repeat: int, **opts):
        if questions_per_attempt < 1 or repeat < 1:
            raise CommandError("--questions-per-attempt and --repeat must be at least 1.")
        if any(n < questions_per_attempt for n in answers):
            raise CommandError("Each size must be at least --questions-per-attempt answers.")
        self.stdout.write(f"Database: {connection.vendor}")
        for size in answers:
            try:
                with transaction.atomic():
                    self._bench(size, questions_per_attempt, repeat)
                    raise _Rollback
            except _Rollback:
                pass

    def _bench(self, size: int, per_attempt: int, repeat: int) -> None:
        started = clock.perf_counter()
        module, attempts = _build(size=size, per_attempt=per_attempt, rng=random.Random(SEED))
        self.stdout.write(
            f"\n{size:,} answers ({attempts:,} attempts of {per_attempt} questions from a bank "
            f"of {2 * per_attempt}) built in {clock.perf_counter() - started:.1f} s"
        )
        timings = []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as queries:
                begun = clock.perf_counter()
                counted, items = item_analysis(module.pk)
                timings.append(clock.perf_counter() - begun)
        if counted != attempts:
            raise CommandError(f"The analysis counted {counted} attempts, not {attempts}.")
        self.stdout.write(
            f"  item analysis  median {statistics.median(timings) * 1000:8.0f} ms "
            f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f}) over {repeat} runs, "
            f"{len(queries)} SQL queries, {len(items)} questions"
        )


def _build(*, size: int, per_attempt: int, rng: random.Random) -> tuple[TrainingModulePage, int]:
    """A module drawing `per_attempt` of twice as many questions, and about `size` answers
    in submitted attempts by learners of varied ability. Returns (module, attempts made)."""
    root = wagtail_roots()
    index = root.add_child(instance=TrainingIndexPage(title="Bench", slug="bench-training"))
    module = index.add_child(
        instance=TrainingModulePage(
            title="Bench module",
            slug="bench-module",
            summary="Throwaway module for bench_item_analysis.",
            lessons=[],
            questions_per_attempt=per_attempt,
        )
    )
    bank = QuestionBank.objects.create(name="Bench bank (throwaway)")
    questions = _questions(bank, 2 * per_attempt)
    count = math.ceil(size / per_attempt)
    people = _people(math.ceil(count / ATTEMPTS_PER_PERSON))
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    attempts, answers = [], []
    for i in range(count):
        person = people[i % len(people)]
        ability = 0.35 + 0.6 * (i % len(people)) / len(people)
        shown = rng.sample(questions, min(per_attempt, size - i * per_attempt))
        snapshot, picks = [], []
        for question in shown:
            choices = list(question["choices"])
            rng.shuffle(choices)
            snapshot.append({**question, "choices": choices})
            picks.append(_pick(question, ability=ability, rng=rng))
        scores = [
            score_answer(kind=q["kind"], choices=q["choices"], selected=keys)
            for q, keys in zip(shown, picks, strict=True)
        ]
        at = start + timedelta(minutes=7 * i)
        score = attempt_score(scores)
        passed = is_pass(score=score, pass_mark=module.pass_mark)
        attempts.append(
            QuizAttempt(
                staff=person,
                module=module,
                module_title=module.title,
                questions=snapshot,
                pass_mark=module.pass_mark,
                review_mode=module.review_mode,
                valid_for_months=module.valid_for_months,
                started_at=at,
                submitted_at=at + timedelta(minutes=5),
                status=AttemptStatus.SUBMITTED,
                score=score,
                passed=passed,
                passed_on=at.date() if passed else None,
            )
        )
        answers.append((shown, picks, scores, at))
    attempts = QuizAttempt.objects.bulk_create(attempts, batch_size=500)
    AttemptAnswer.objects.bulk_create(
        [
            AttemptAnswer(
                attempt=attempt,
                position=position,
                question_id=question["question_id"],
                selected_keys=keys,
                score=score,
                answered_at=at + timedelta(seconds=20 * position),
            )
            for attempt, (shown, picks, scores, at) in zip(attempts, answers, strict=True)
            for position, (question, keys, score) in enumerate(
                zip(shown, picks, scores, strict=True)
            )
        ],
        batch_size=5000,
    )
    return module, len(attempts)


def _questions(bank: QuestionBank, count: int) -> list[dict]:
    """`count` published questions, one in four multiple response; their snapshots."""
    rows = Question.objects.bulk_create(
        [
            Question(
                bank=bank,
                kind="multiple" if n % 4 == 3 else "single",
                stem=STEM.format(n=n) + "comes first, and what do you write down?",
                explanation=EXPLANATION,
                live=True,
            )
            for n in range(count)
        ]
    )
    weights = {"single": (100, 0, 0, 0), "multiple": (50, 50, -50, 0)}
    Choice.objects.bulk_create(
        [
            Choice(
                question=q,
                sort_order=order,
                text=f"Choice {order + 1}: stop, cool with saline gauze, then reassess",
                weight=weight,
                feedback=FEEDBACK,
            )
            for q in rows
            for order, weight in enumerate(weights[q.kind])
        ]
    )
    by_question: dict[int, list[Choice]] = {}
    for choice in Choice.objects.filter(question__in=rows).order_by("sort_order"):
        by_question.setdefault(choice.question_id, []).append(choice)
    return [
        {
            "question_id": q.pk,
            "kind": q.kind,
            "stem": q.stem,
            "stem_format": q.stem_format,
            "explanation": q.explanation,
            "choices": [
                {"key": str(c.key), "text": c.text, "weight": c.weight, "feedback": c.feedback}
                for c in by_question[q.pk]
            ],
        }
        for q in rows
    ]


def _pick(question: dict, *, ability: float, rng: random.Random) -> list[str]:
    """What a learner of `ability` (0-1) picks: right more often the abler they are."""
    right = [c["key"] for c in question["choices"] if c["weight"] > 0]
    wrong = [c["key"] for c in question["choices"] if c["weight"] <= 0]
    if question["kind"] == "single":
        return [right[0] if rng.random() < ability else rng.choice(wrong)]
    keys = [k for k in right if rng.random() < ability]
    keys += [k for k in wrong if rng.random() < (1 - ability) / 2]
    return keys or [rng.choice(wrong)]


def _people(count: int) -> list[StaffProfile]:
    location = Location.objects.create(name="Bench", slug="bench-location", time_zone="UTC")
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bench-learner-{i}", password="!") for i in range(count)],
        batch_size=2000,
    )
    return StaffProfile.objects.bulk_create(
        [StaffProfile(user=u, home_location=location) for u in users], batch_size=2000
    )
