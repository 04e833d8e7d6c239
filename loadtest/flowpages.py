"""What the load test's flow reads from ReadyRoom's pages and sends back, as a browser would.

Shared by the locust users (locustfile.py, in locust's process) and the in-process profile
(profile_flow.py), so both go through the same flow. Plain Python: no locust, no Django.
"""

import random
import re

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TRAINING_LINK = re.compile(r'href="(/training/[^"/]+/)"')
DRILL_LINK = re.compile(r'href="(/drills/[^"/]+/)"')
ATTEMPT = re.compile(r'name="attempt" value="(\d+)"')
QUESTION_INPUT = re.compile(r'<input type="(radio|checkbox)" name="q-(\d+)" [^>]*value="([^"]+)"')
RESULT_URL = re.compile(r"/quiz/attempts/(\d+)/$")
NODE = re.compile(r'name="node" value="([^"]+)"')
CHOICE = re.compile(r'name="choice" value="(\d+)"')
STEP_NUMBER = re.compile(r'<p class="helptext">Step (\d+)</p>')
MAX_DRILL_STEPS = 40


def links(pattern: re.Pattern, html: str) -> list[str]:
    """Each link the pattern finds, once, in page order."""
    return list(dict.fromkeys(pattern.findall(html)))


def pick_answers(
    inputs: list[tuple[str, str, str]], rng: random.Random | None = None
) -> dict[str, list[str]]:
    """A learner's picks: one choice of a single-answer question, one or more of a multiple."""
    rng = rng or random.Random()
    by_question: dict[str, tuple[str, list[str]]] = {}
    for kind, question, key in inputs:
        by_question.setdefault(question, (kind, []))[1].append(key)
    picks = {}
    for question, (kind, keys) in by_question.items():
        if kind == "checkbox":
            picks[question] = rng.sample(keys, rng.randint(1, len(keys)))
        else:
            picks[question] = [rng.choice(keys)]
    return picks


def half_of(answers: dict[str, list[str]]) -> dict[str, list[str]]:
    """What a learner has answered by the time quiz.js saves: the first half (at least one)."""
    return dict(list(answers.items())[: max(1, len(answers) // 2)])


def quiz_form(token: str, attempt_id: int, answers: dict[str, list[str]]) -> list[tuple[str, str]]:
    fields = [("csrfmiddlewaretoken", token), ("attempt", str(attempt_id))]
    for question, keys in answers.items():
        fields += [(f"q-{question}", key) for key in keys]
    return fields
