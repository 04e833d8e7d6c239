"""The demo's banks and questions go live through the director's workflow, two left waiting."""

import pytest
from django.core import mail
from wagtail.models import TaskState, WorkflowState

from organisation import groups
from tests.factories import UserFactory
from tests.factories.training import TrainingModulePageFactory
from training import services
from training.bank_services import create_question
from training.demo_approval import HELD_BACK_MODULES, approve_demo_questions
from training.gift import GiftChoice, GiftQuestion
from training.models import Question, QuestionBank

pytestmark = pytest.mark.django_db


def demo_modules(parent, count=3, questions=4):
    """Modules as the library loader writes them: a bank each (made live by get_or_create,
    without a revision) of draft questions."""
    modules = []
    for m in range(count):
        bank, _ = QuestionBank.objects.get_or_create(name=f"Module {m} (sample)")
        for q in range(questions):
            spec = GiftQuestion(
                line=0,
                kind="single",
                stem=f"Module {m}, question {q}?",
                choices=[GiftChoice("Right", 100), GiftChoice("Wrong", 0)],
            )
            create_question(bank=bank, spec=spec)
        module = TrainingModulePageFactory(parent=parent, questions_per_attempt=3)
        module.question_banks.set([bank])
        module.save_revision().publish()
        modules.append(module)
    return modules


def test_demo_questions_are_approved_by_the_director_but_two_wait(training_index, sam, now):
    educator = UserFactory(username="educator", email="e@example.test", groups=[groups.EDUCATORS])
    director = UserFactory(
        username="director", email="d@example.test", groups=[groups.MEDICAL_DIRECTORS]
    )
    modules = demo_modules(training_index)
    waiting = approve_demo_questions(modules=modules, educator=educator, director=director)

    assert len(waiting) == HELD_BACK_MODULES == 2
    newest = [Question.objects.filter(bank__modules=m).order_by("-pk").first() for m in modules[:2]]
    assert [q.pk for q in waiting] == [q.pk for q in newest]
    assert Question.objects.filter(live=False).count() == 2
    assert not QuestionBank.objects.filter(live_revision__isnull=True).exists()
    for question in Question.objects.filter(live=True):
        approved = question.workflow_states.get()
        assert approved.status == WorkflowState.STATUS_APPROVED
        assert approved.requested_by == educator
        assert approved.task_states.get().finished_by == director
    for question in waiting:
        assert question.current_workflow_state.requested_by == educator
    assert TaskState.objects.reviewable_by(director).count() == 2
    assert mail.outbox == []
    attempt = services.start_attempt(staff=sam, module=modules[0], now=now)
    assert waiting[0].pk not in {q["question_id"] for q in attempt.questions}

    states = WorkflowState.objects.count()
    assert approve_demo_questions(modules=modules, educator=educator, director=director) == []
    assert WorkflowState.objects.count() == states
