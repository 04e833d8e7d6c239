"""What makes a question's choices valid for its kind: pure, shared by the admin form and tests."""

from collections.abc import Sequence

NEEDS_TWO = "A question needs at least two choices."
TRUE_FALSE_TWO = "A true/false question has exactly two choices, True and False."
ONE_RIGHT = "A single-choice or true/false question needs one choice weighted 100 %."
SOME_RIGHT = "A multiple-response question needs at least one choice with a positive weight."
RIGHT_TOO_HIGH = "The positive weights of a multiple-response question add up to more than 100 %."


def choice_problems(kind: str, weights: Sequence[int]) -> list[str]:
    problems = []
    if len(weights) < 2:
        problems.append(NEEDS_TWO)
    if kind == "true_false" and len(weights) != 2:
        problems.append(TRUE_FALSE_TWO)
    if kind in {"single", "true_false"} and 100 not in weights:
        problems.append(ONE_RIGHT)
    if kind == "multiple":
        positive = sum(w for w in weights if w > 0)
        if positive <= 0:
            problems.append(SOME_RIGHT)
        elif positive > 101:  # 34 + 33 + 33 is 100; allow 33.5 rounded up twice
            problems.append(RIGHT_TOO_HIGH)
    return problems
