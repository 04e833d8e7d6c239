"""The demo training library: one module per demo protocol, a question bank each, requirements
by role, and quiz histories (passed, failed, overdue) for the demo staff.

The modules themselves are data in training/demo_content.py (MODULES); this module turns each
into a published TrainingModulePage and a bank of published questions. All of it is sample
content for a medical director to review. Called by seed_demo; running it twice creates
nothing new.
"""

import random
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from content.demo import home_page
from content.models import ProtocolPage
from content.services import put_under_medical_director_approval
from organisation.models import JobRole, StaffProfile
from training import services
from training.bank_services import create_question
from training.gift import GiftChoice, GiftQuestion
from training.models import (
    Question,
    QuestionBank,
    QuizAttempt,
    TrainingIndexPage,
    TrainingModulePage,
    TrainingRequirement,
)
from training.rules import choice_problems

INDEX_SLUG = "training"
INDEX_INTRO = (
    "<p>Training modules built on the clinic's protocols, each with a quiz. Every module here "
    "is <em>sample content</em> for your medical director to review.</p>"
)
BANK_SUFFIX = " (sample)"
KINDS = {"single", "multiple", "true_false"}

# The "staff" login's history: days before today of each attempt at its first three required
# modules, and whether it passed. Passed 13 months ago with a 12-month recurrence = overdue.
STAFF_STORY = (
    (("passed", 40),),
    (("failed", 6),),
    (("passed", 400),),
)
# Everyone else: a pattern picked by a stable index per person and module.
PATTERNS = (
    (("passed", 90),),
    (("failed", 20), ("passed", 19)),
    (("passed", 350),),  # due soon
    (("passed", 420),),  # overdue
    (),  # not started
    (("failed", 3),),
    (("passed", 200),),
)
SKIP_USERS = {"director", "manager", "regional"}


class DemoContentInvalid(Exception):
    pass


def load_modules() -> list[dict]:
    from training.demo_content import MODULES

    return list(MODULES)


def check_spec(spec: dict) -> None:
    """Raise DemoContentInvalid naming the module and question that does not fit the format."""
    name = spec.get("slug", "?")
    for key in ("slug", "title", "summary", "lessons", "questions"):
        if not spec.get(key):
            raise DemoContentInvalid(f"module {name}: {key} is missing")
    for number, question in enumerate(spec["questions"], 1):
        kind = question.get("kind")
        choices = question.get("choices") or []
        if kind not in KINDS or not question.get("stem") or len(choices) < 2:
            raise DemoContentInvalid(f"module {name}, question {number}: kind, stem or choices")
        problems = choice_problems(kind, [int(c.get("weight", 0)) for c in choices])
        if problems:
            raise DemoContentInvalid(f"module {name}, question {number}: {problems[0]}")


def as_gift_question(question: dict) -> GiftQuestion:
    return GiftQuestion(
        line=0,
        kind=question["kind"],
        stem=question["stem"],
        stem_format="plain",
        explanation=question.get("explanation", ""),
        tags=list(question.get("tags", [])),
        choices=[
            GiftChoice(c["text"], int(c["weight"]), c.get("feedback", ""))
            for c in question["choices"]
        ],
    )


def _lessons(blocks: Sequence, protocols: dict[str, ProtocolPage]) -> list:
    lessons = []
    for kind, value in blocks:
        if kind == "protocol_link":
            page = protocols.get(value.get("slug"))
            if page is None:
                continue
            value = {"page": page, "note": value.get("note", "")}
        lessons.append((kind, value))
    return lessons


def training_index(publisher: AbstractBaseUser) -> TrainingIndexPage:
    home = home_page()
    index = TrainingIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(
            instance=TrainingIndexPage(title="Training", slug=INDEX_SLUG, intro=INDEX_INTRO)
        )
        index.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    put_under_medical_director_approval(page=index)
    return index


def _bank(spec: dict, publisher) -> QuestionBank:
    bank, created = QuestionBank.objects.get_or_create(
        name=f"{spec['title']}{BANK_SUFFIX}"[:120],
        defaults={"description": f"Sample questions for {spec['title']}; review before use."},
    )
    if created or not bank.questions.exists():
        for question in spec["questions"]:
            create_question(bank=bank, spec=as_gift_question(question), user=publisher)
    return bank


def _module(spec, index, bank, protocols, publisher) -> TrainingModulePage:
    module = TrainingModulePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if module is not None:
        return module
    module = TrainingModulePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        objectives="\n".join(spec.get("objectives", [])),
        estimated_minutes=spec.get("estimated_minutes", 15),
        lessons=_lessons(spec["lessons"], protocols),
        pass_mark=spec.get("pass_mark", 80),
        questions_per_attempt=spec.get("questions_per_attempt", 5),
        valid_for_months=spec.get("recurrence_months", 12),
        attempts_per_day=3,
        shuffle=True,
        sample_content=True,
    )
    index.add_child(instance=module)
    module.question_banks.set([bank])
    linked = protocols.get(spec.get("protocol_slug", ""))
    module.protocols.set([linked] if linked else [])
    module.save_revision(user=publisher).publish(user=publisher, skip_permission_checks=True)
    return TrainingModulePage.objects.get(pk=module.pk)


@transaction.atomic
def seed(*, today: date, profiles: dict[str, StaffProfile], publisher) -> None:
    specs = load_modules()
    for spec in specs:
        check_spec(spec)
    if not specs:
        return
    index = training_index(publisher)
    protocols = {p.slug: p for p in ProtocolPage.objects.all()}
    roles = {r.slug: r for r in JobRole.objects.all()}
    modules = []
    for spec in specs:
        bank = _bank(spec, publisher)
        module = _module(spec, index, bank, protocols, publisher)
        for slug in spec.get("roles", []):
            if slug in roles:
                TrainingRequirement.objects.get_or_create(role=roles[slug], module=module)
        modules.append(module)
    if not QuizAttempt.objects.filter(module__in=modules).exists():
        _histories(today=today, profiles=profiles, modules=modules)


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
                story = STAFF_STORY[m] if m < len(STAFF_STORY) else ()
            else:
                story = PATTERNS[(n + 2 * m) % len(PATTERNS)]
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
