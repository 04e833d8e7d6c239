"""Scoring one question from its snapshot: pure, no database.

Weights are percent. Single choice and true/false score the one choice picked; multiple
response adds the weights of every choice picked (wrong ones may be negative), divides by the
sum of the positive weights (so three right answers of 33 % each still make 1) and floors the
total at 0. Every score is between 0 and 1.
"""

from collections.abc import Sequence

SINGLE_PICK_KINDS = {"single", "true_false"}


def clamp(value: float) -> float:
    return max(0.0, min(1.0, value))


def score_answer(*, kind: str, choices: Sequence[dict], selected: Sequence[str]) -> float:
    """The score (0-1) of `selected` choice keys, already checked to belong to the question."""
    if not selected:
        return 0.0
    weights = {c["key"]: c["weight"] for c in choices}
    if kind in SINGLE_PICK_KINDS:
        return clamp(weights[selected[0]] / 100)
    best = sum(w for w in weights.values() if w > 0) or 100
    return clamp(sum(weights[key] for key in set(selected)) / best)


def attempt_score(question_scores: Sequence[float]) -> float:
    """The attempt's score: the mean of its questions' scores (an unanswered one counts 0)."""
    if not question_scores:
        return 0.0
    return clamp(sum(question_scores) / len(question_scores))


def is_pass(*, score: float, pass_mark: int) -> bool:
    # Compare in whole hundredths so 0.8 against 80 % is a pass despite float rounding.
    return round(score * 10000) >= pass_mark * 100
