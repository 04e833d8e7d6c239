"""The demo's question banks and questions through the medical director's workflow, as a
clinic's own would go: submitted by the demo educator, approved by the demo director.

Called by training.demo.seed before the quiz histories, which need live questions. Two
questions are left awaiting approval so the director's "Awaiting your review" is not empty:
the last question (newest) of the bank of each of the first two demo modules in the library's
order. Their modules keep the rest of their questions, more than a quiz draws.

Idempotent: what is live or already in the workflow is left as it is. Wagtail's mail per
object is held, so seeding prints no notification for each question.
"""

from collections.abc import Sequence

from django.contrib.auth.models import AbstractBaseUser

from training.approval import approve, submit_for_approval
from training.approval_mail import workflow_mail_held
from training.models import Question, QuestionBank, TrainingModulePage

HELD_BACK_MODULES = 2


def held_back_questions(modules: Sequence[TrainingModulePage]) -> set[int]:
    """Pks of the newest question in the bank of each of the first HELD_BACK_MODULES modules."""
    held = set()
    for module in modules[:HELD_BACK_MODULES]:
        newest = Question.objects.filter(bank__modules=module).order_by("-pk").first()
        if newest is not None:
            held.add(newest.pk)
    return held


def approve_demo_questions(
    *,
    modules: Sequence[TrainingModulePage],
    educator: AbstractBaseUser,
    director: AbstractBaseUser,
) -> list[Question]:
    """Submit and approve every not-yet-approved bank and question the modules draw from,
    except the held-back ones, which are submitted only. Returns the questions left awaiting
    the director."""
    modules = list(modules)
    banks = QuestionBank.objects.filter(modules__in=modules).distinct().order_by("pk")
    questions = Question.objects.filter(bank__in=banks).order_by("pk")
    held = held_back_questions(modules)
    waiting = []
    with workflow_mail_held():
        for obj in [*banks, *questions]:
            if obj.live_revision_id is not None or obj.current_workflow_state is not None:
                continue
            if obj.latest_revision_id is None:
                obj.save_revision(user=educator)
            submit_for_approval(obj=obj, user=educator)
            if isinstance(obj, Question) and obj.pk in held:
                waiting.append(obj)
                continue
            approve(obj=obj, user=director, comment="Approved for the demo clinic.")
    return waiting
