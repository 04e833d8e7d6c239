"""Item analysis of a module's quiz: facility, discrimination and choice frequencies per question.

Facility is the mean score on the question (for a right/wrong question, the share who got it
right). Discrimination compares the upper and lower 27 % of attempts by total score: the mean
score on the question in the upper group minus that in the lower group (-1 to 1). Questions
with facility under 0.3 or discrimination under 0.1 are flagged for the educator to review.

The database does the counting: one query groups a module's answers by question, answer
given and group (upper, lower or neither), so the work in Python follows the number of
questions and distinct answers, not the number of attempts. Only the latest snapshot of each
question (its wording and choices) is read, never every attempt's.
"""

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Case, Count, F, FloatField, Max, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce

from training.models import AttemptAnswer, AttemptStatus, QuizAttempt

LOW_FACILITY = 0.3
LOW_DISCRIMINATION = 0.1
GROUP_SHARE = 0.27
MIN_ATTEMPTS_FOR_DISCRIMINATION = 4


@dataclass
class ChoiceCount:
    key: str
    text: str
    weight: int
    picked: int
    share: float


@dataclass
class ItemStats:
    question_id: int
    stem: str
    attempts: int
    facility: float
    discrimination: float | None
    choices: list[ChoiceCount] = field(default_factory=list)

    @property
    def flags(self) -> list[str]:
        flags = []
        if self.facility < LOW_FACILITY:
            flags.append("hard: facility under 0.3")
        if self.discrimination is not None and self.discrimination < LOW_DISCRIMINATION:
            flags.append("does not discriminate: under 0.1")
        return flags


@dataclass
class Tally:
    """What the answers to one question add up to, overall and in the upper and lower groups."""

    answers: int = 0
    score: float = 0.0
    upper: int = 0
    upper_score: float = 0.0
    lower: int = 0
    lower_score: float = 0.0
    picks: Counter = field(default_factory=Counter)


def item_stats(tallies: dict[int, Tally], snapshots: dict[int, dict]) -> list[ItemStats]:
    """Stats per question id in `tallies`, worded as in `snapshots` (stem, choices). Pure.

    Flagged questions come first, then by facility, hardest first; ties by question id.
    """
    stats = [
        ItemStats(
            question_id=question_id,
            stem=snapshots[question_id]["stem"],
            attempts=tally.answers,
            facility=tally.score / tally.answers,
            discrimination=(
                tally.upper_score / tally.upper - tally.lower_score / tally.lower
                if tally.upper and tally.lower
                else None
            ),
            choices=[
                ChoiceCount(
                    key=c["key"],
                    text=c["text"],
                    weight=c["weight"],
                    picked=tally.picks[c["key"]],
                    share=tally.picks[c["key"]] / tally.answers,
                )
                for c in snapshots[question_id]["choices"]
            ],
        )
        for question_id, tally in sorted(tallies.items())
        if tally.answers
    ]
    return sorted(stats, key=lambda s: (not s.flags, s.facility))


def submitted_attempts(module_id: int) -> QuerySet[QuizAttempt]:
    return QuizAttempt.objects.filter(module_id=module_id, status=AttemptStatus.SUBMITTED)


def _ranked(attempts: QuerySet[QuizAttempt], *, size: int, upper: bool) -> QuerySet:
    """The pks of the `size` highest (or lowest) attempts by score; ties go to the earlier
    start for the lower group and the later one for the upper group, as in a stable sort."""
    order = ("rank_score", "started_at", "pk")
    return (
        attempts.annotate(rank_score=Coalesce("score", Value(0.0), output_field=FloatField()))
        .order_by(*(f"-{name}" for name in order) if upper else order)
        .values("pk")[:size]
    )


def _group_of_attempt(attempts: QuerySet[QuizAttempt], *, total: int) -> Case | Value:
    """Per answer, "upper" or "lower" when its attempt is in the upper or lower 27 % by
    score (with 4 attempts or more), else ""."""
    if total < MIN_ATTEMPTS_FOR_DISCRIMINATION:
        return Value("")
    size = math.ceil(total * GROUP_SHARE)
    return Case(
        When(attempt__in=_ranked(attempts, size=size, upper=True), then=Value("upper")),
        When(attempt__in=_ranked(attempts, size=size, upper=False), then=Value("lower")),
        default=Value(""),
    )


def item_analysis(module_id: int) -> tuple[int, list[ItemStats]]:
    """(number of submitted attempts, stats per question) for a module.

    Four queries whatever the number of answers (one when nothing was submitted). Each
    question is worded as in the latest attempt that showed it; a question deleted since is
    still reported, identified through the attempts' snapshots.
    """
    attempts = submitted_attempts(module_id)
    total = attempts.count()
    if not total:
        return 0, []
    answers = (
        AttemptAnswer.objects.filter(
            attempt__module_id=module_id, attempt__status=AttemptStatus.SUBMITTED
        )
        .annotate(group=_group_of_attempt(attempts, total=total))
        .order_by()
    )

    tallies: dict[int, Tally] = {}
    latest: dict[int, datetime] = {}
    counted = answers.filter(question__isnull=False).values("question_id", "selected_keys", "group")
    for row in counted.annotate(
        answers=Count("pk"), score_sum=Sum("score"), latest=Max("attempt__started_at")
    ):
        question_id = row["question_id"]
        _add(tallies.setdefault(question_id, Tally()), row)
        latest[question_id] = max(row["latest"], latest.get(question_id, row["latest"]))

    # Answers whose question was deleted since (the row's link is empty) are read one by one,
    # normally none: their attempt's snapshot says which question they answered.
    snapshots: dict[int, dict] = {}
    shown_last: dict[int, tuple[datetime, int]] = {}
    orphans = answers.filter(question__isnull=True).values(
        "attempt_id",
        "attempt__started_at",
        "attempt__questions",
        "position",
        "selected_keys",
        "group",
        answers=Value(1),
        score_sum=F("score"),
    )
    for row in orphans:
        snapshot = row["attempt__questions"][row["position"]]
        question_id = snapshot["question_id"]
        _add(tallies.setdefault(question_id, Tally()), row)
        shown = (row["attempt__started_at"], row["attempt_id"])
        if shown >= shown_last.get(question_id, shown):
            shown_last[question_id] = shown
            snapshots[question_id] = snapshot

    snapshots.update(_latest_snapshots(attempts, latest))
    return total, item_stats(tallies, snapshots)


def _add(tally: Tally, row: dict) -> None:
    """Add `answers` answers scoring `score_sum` in all, all of one group and one answer given,
    to the question's tally."""
    tally.answers += row["answers"]
    tally.score += row["score_sum"]
    if row["group"] == "upper":
        tally.upper += row["answers"]
        tally.upper_score += row["score_sum"]
    elif row["group"] == "lower":
        tally.lower += row["answers"]
        tally.lower_score += row["score_sum"]
    for key in row["selected_keys"]:
        tally.picks[key] += row["answers"]


def _latest_snapshots(
    attempts: QuerySet[QuizAttempt], latest: dict[int, datetime]
) -> dict[int, dict]:
    """Each question's snapshot from the latest attempt that showed it (the later pk when two
    started at the same instant), reading only attempts started at one of those instants."""
    snapshots: dict[int, dict] = {}
    candidates = (
        attempts.filter(started_at__in=set(latest.values()))
        .order_by("-started_at", "-pk")
        .values_list("started_at", "questions")
    )
    for started_at, questions in candidates:
        for snapshot in questions:
            question_id = snapshot["question_id"]
            if latest.get(question_id) == started_at and question_id not in snapshots:
                snapshots[question_id] = snapshot
    return snapshots
