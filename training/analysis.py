"""Item analysis of a module's quiz: facility, discrimination and choice frequencies per question.

Facility is the mean score on the question (for a right/wrong question, the share who got it
right). Discrimination compares the upper and lower 27 % of attempts by total score: the mean
score on the question in the upper group minus that in the lower group (-1 to 1). Questions
with facility under 0.3 or discrimination under 0.1 are flagged for the educator to review.
"""

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

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
class Taken:
    """One submitted attempt: its total score and, per question id, (score, keys picked)."""

    score: float
    answers: dict[int, tuple[float, list[str]]]


def analyse(taken: list[Taken], questions: dict[int, dict]) -> list[ItemStats]:
    """Stats per question id in `questions` (id -> a snapshot: stem, choices). Pure."""
    ranked = sorted(taken, key=lambda t: t.score)
    size = (
        math.ceil(len(ranked) * GROUP_SHARE)
        if len(ranked) >= MIN_ATTEMPTS_FOR_DISCRIMINATION
        else 0
    )
    lower, upper = (ranked[:size], ranked[-size:]) if size else ([], [])
    stats = []
    for question_id, snapshot in questions.items():
        scores = [t.answers[question_id][0] for t in taken if question_id in t.answers]
        if not scores:
            continue
        picks = Counter(
            key for t in taken if question_id in t.answers for key in t.answers[question_id][1]
        )
        stats.append(
            ItemStats(
                question_id=question_id,
                stem=snapshot["stem"],
                attempts=len(scores),
                facility=sum(scores) / len(scores),
                discrimination=_discrimination(question_id, upper, lower),
                choices=[
                    ChoiceCount(
                        key=c["key"],
                        text=c["text"],
                        weight=c["weight"],
                        picked=picks[c["key"]],
                        share=picks[c["key"]] / len(scores),
                    )
                    for c in snapshot["choices"]
                ],
            )
        )
    return sorted(stats, key=lambda s: (not s.flags, s.facility))


def _discrimination(question_id: int, upper: list[Taken], lower: list[Taken]) -> float | None:
    high = [t.answers[question_id][0] for t in upper if question_id in t.answers]
    low = [t.answers[question_id][0] for t in lower if question_id in t.answers]
    if not high or not low:
        return None
    return sum(high) / len(high) - sum(low) / len(low)


def submitted_attempts(module_id: int) -> QuerySet[QuizAttempt]:
    return QuizAttempt.objects.filter(module_id=module_id, status=AttemptStatus.SUBMITTED)


def item_analysis(module_id: int) -> tuple[int, list[ItemStats]]:
    """(number of submitted attempts, stats per question) for a module. Two queries."""
    attempts = list(
        submitted_attempts(module_id).order_by("started_at").values("pk", "score", "questions")
    )
    by_attempt: dict[int, dict[int, tuple[float, list[str]]]] = defaultdict(dict)
    snapshots: dict[int, dict] = {}
    position_to_question = {}
    for attempt in attempts:
        for position, snapshot in enumerate(attempt["questions"]):
            # The latest wording of a question is the one shown in the report.
            snapshots[snapshot["question_id"]] = snapshot
            position_to_question[(attempt["pk"], position)] = snapshot["question_id"]
    answers = AttemptAnswer.objects.filter(attempt__in=[a["pk"] for a in attempts]).values_list(
        "attempt_id", "position", "score", "selected_keys"
    )
    for attempt_id, position, score, keys in answers:
        question_id = position_to_question.get((attempt_id, position))
        if question_id is not None:
            by_attempt[attempt_id][question_id] = (score, keys)
    taken = [Taken(score=a["score"] or 0, answers=by_attempt[a["pk"]]) for a in attempts]
    return len(attempts), analyse(taken, snapshots)
