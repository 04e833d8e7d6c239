"""The demo training library's quiz histories (passed, failed, overdue) and the reading
progress that goes with them, for the demo staff.

The modules, their banks and requirements are files in library/, written by the library
loader (readyroom.library) before this runs. All of it is sample content for a medical
director to review. Called by seed_demo; running it twice creates nothing new.
"""

import random
from datetime import UTC, date, datetime, time, timedelta

from django.db import transaction

from organisation.models import StaffProfile
from training import services
from training.demo_approval import approve_demo_questions
from training.demo_reading import seed_reading
from training.library import BANK_SUFFIX, INDEX_SLUG
from training.models import (
    Question,
    QuestionBank,
    QuizAttempt,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingRequirement,
)

# The "staff" login's history: days before today of each attempt at its first three required
# modules, and whether it passed. Passed 13 months ago with a 12-month recurrence = overdue.
STAFF_STORY = (
    (("passed", 40),),
    (("failed", 6),),
    (("passed", 400),),
)
# Everyone else: most of a clinic is current on most modules, and the gaps are spread so the
# dashboard shows a believable mix (three people in four with no training gap at all)
# instead of everyone missing something. Each person has at most one module from GAPS, at a
# stable position; the rest follow KEPT_UP, which is current (or due soon, still compliant).
KEPT_UP = (
    (("passed", 90),),
    (("failed", 20), ("passed", 19)),
    (("passed", 200),),
    (("passed", 350),),  # due soon
)
GAPS = (
    (("passed", 420),),  # overdue
    (),  # not started
    (("failed", 3),),  # failed, not yet retaken
)
# Sam's modules after the story: passed, so the home page leads with the three that matter.
STAFF_KEPT_UP = (("passed", 60),)
SKIP_USERS = {"director", "manager", "regional"}


@transaction.atomic
def seed(*, today: date, profiles: dict[str, StaffProfile], publisher) -> None:
    """Quiz histories on the library's modules, in the library's order; none if any exist."""
    index = TrainingIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is None:
        return
    # Tree order is the order the loader created them in: the library's `order`.
    modules = list(TrainingModulePage.objects.child_of(index).order_by("path"))
    # Questions under approval (issue 14, h6quest): the demo's banks and questions go through
    # the medical director's workflow before anyone takes a quiz; two are left awaiting review.
    educator = profiles["educator"].user if "educator" in profiles else publisher
    approve_demo_questions(modules=modules, educator=educator, director=publisher)
    if modules and not QuizAttempt.objects.filter(module__in=modules).exists():
        _histories(today=today, profiles=profiles, modules=modules)
    seed_reading(today=today, profiles=profiles, modules=modules, skip=SKIP_USERS)


def _required(profile: StaffProfile, modules: list[TrainingModulePage]) -> list:
    role_ids = set(profile.roles.values_list("pk", flat=True))
    wanted = set(
        TrainingRequirement.objects.filter(role_id__in=role_ids, module__in=modules).values_list(
            "module_id", flat=True
        )
    )
    return [m for m in modules if m.pk in wanted]


def _histories(*, today: date, profiles: dict[str, StaffProfile], modules) -> None:
    rng = random.Random(2026)
    for n, (username, profile) in enumerate(sorted(profiles.items())):
        if username in SKIP_USERS or not profile.is_active:
            continue
        required = _required(profile, modules)
        for m, module in enumerate(required):
            if username == "staff":
                story = STAFF_STORY[m] if m < len(STAFF_STORY) else STAFF_KEPT_UP
            elif n % 4 == 1 and m == n % len(required):
                story = GAPS[n % len(GAPS)]
            else:
                story = KEPT_UP[(n + m) % len(KEPT_UP)]
            for outcome, days_ago in story:
                _take(profile, module, today - timedelta(days=days_ago), outcome == "passed", rng)


def _take(profile, module, day: date, passing: bool, rng: random.Random) -> QuizAttempt:
    started = datetime.combine(day, time(15, 0), tzinfo=UTC)
    attempt = services.start_attempt(staff=profile, module=module, now=started, rng=rng)
    answers = {}
    for question in attempt.questions:
        ranked = sorted(question["choices"], key=lambda c: -c["weight"])
        right = [c["key"] for c in ranked if c["weight"] > 0]
        wrong = [c["key"] for c in question["choices"] if c["weight"] <= 0]
        pick = right if passing or not wrong else [wrong[0]]
        if question["kind"] != "multiple":
            pick = pick[:1]
        answers[question["question_id"]] = pick
    if not passing:
        # A near miss on one question is more realistic than all wrong.
        first = attempt.questions[0]
        answers[first["question_id"]] = [c["key"] for c in first["choices"] if c["weight"] > 0][:1]
    return services.submit_attempt(
        attempt=attempt, answers=answers, now=started + timedelta(minutes=9)
    )


@transaction.atomic
def reset() -> None:
    """Remove the demo training library, its banks and every attempt at its modules."""
    index = TrainingIndexPage.objects.filter(slug=INDEX_SLUG).first()
    if index is not None:
        modules = TrainingModulePage.objects.descendant_of(index)
        QuizAttempt.objects.filter(module__in=modules).delete()
        index.delete()
    banks = QuestionBank.objects.filter(name__endswith=BANK_SUFFIX)
    Question.objects.filter(bank__in=banks).delete()
    banks.delete()
