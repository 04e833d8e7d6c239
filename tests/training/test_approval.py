"""Questions and banks under the medical director's approval, through the real admin views:
nothing unapproved reaches a quiz, approval makes it live, an edit awaiting approval keeps the
approved version live, and only directors publish."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from content.services import APPROVAL_WORKFLOW
from organisation import groups
from tests.factories import UserFactory
from tests.factories.training import QuestionBankFactory, QuestionFactory, module_with_questions
from tests.training.test_admin import question_post
from training import approval, services
from training.bank_services import create_bank
from training.models import Question, QuestionBank

pytestmark = pytest.mark.django_db


@pytest.fixture
def educator(db):
    return UserFactory(username="erin", email="erin@example.test", groups=[groups.EDUCATORS])


@pytest.fixture
def director(db):
    return UserFactory(
        username="dana", email="dana@example.test", groups=[groups.MEDICAL_DIRECTORS]
    )


def stems(attempt) -> set[str]:
    return {q["stem"] for q in attempt.questions}


def add_question(client, bank, **extra):
    """The educator's "Submit for moderation" on a new question; the question it made."""
    url = reverse("wagtailsnippets_training_question:add")
    response = client.post(url, question_post(bank, "single", [100, 0], **extra))
    assert response.status_code == 302, response.content.decode()[:2000]
    return bank.questions.order_by("-pk").first()


def approve_over_http(client, question):
    state = question.current_workflow_task_state
    url = reverse(
        "wagtailsnippets_training_question:workflow_action",
        args=[question.pk, "approve", state.pk],
    )
    return client.post(url, {"comment": ""})


def test_questions_and_banks_are_under_the_directors_workflow():
    assert Question.get_default_workflow().name == APPROVAL_WORKFLOW
    assert QuestionBank.get_default_workflow().name == APPROVAL_WORKFLOW
    approval.put_questions_under_approval()  # again after another migrate: nothing changes
    assert Question.get_default_workflow().name == APPROVAL_WORKFLOW


def test_only_directors_may_publish(educator, director):
    for codename in ("publish_question", "publish_questionbank"):
        assert not educator.has_perm(f"training.{codename}")
        assert director.has_perm(f"training.{codename}")
    assert educator.has_perm("training.add_question") and educator.has_perm(
        "training.lock_question"
    )


def test_an_educator_cannot_publish_through_the_editor(client, educator):
    bank = QuestionBankFactory()
    client.force_login(educator)
    response = client.post(
        reverse("wagtailsnippets_training_question:add"),
        question_post(bank, "single", [100, 0], **{"action-publish": "action-publish"}),
    )
    question = bank.questions.get()
    assert response.status_code == 302 and not question.live


def test_a_submitted_question_never_reaches_a_quiz_until_approved(
    client, educator, director, training_index, sam, now
):
    bank = QuestionBankFactory()
    module = module_with_questions(training_index, bank=bank, questions_per_attempt=10)
    client.force_login(educator)
    question = add_question(client, bank, stem="Is it new?", **{"action-submit": "1"})
    assert not question.live
    assert question.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert question.current_workflow_state.requested_by == educator
    first = services.start_attempt(staff=sam, module=module, now=now)
    assert "Is it new?" not in stems(first)
    services.submit_attempt(attempt=first, answers={}, now=now)

    client.force_login(director)
    assert approve_over_http(client, question).status_code == 302
    question.refresh_from_db()
    assert question.live and question.live_revision_id == question.latest_revision_id
    assert question.current_workflow_state is None
    second = services.start_attempt(staff=sam, module=module, now=now)
    assert "Is it new?" in stems(second)
    shown = next(q for q in second.questions if q["stem"] == "Is it new?")
    assert shown["revision_id"] == question.live_revision_id


def test_an_edit_awaiting_approval_keeps_the_approved_version_live(
    client, educator, director, training_index, sam, now
):
    bank = QuestionBankFactory()
    module = module_with_questions(training_index, bank=bank, count=0)
    client.force_login(educator)
    question = add_question(client, bank, stem="Approved wording?", **{"action-submit": "1"})
    approval.approve(obj=question, user=director)
    question.refresh_from_db()
    approved_revision = question.live_revision_id
    choice_ids = [c.pk for c in question.choices.all()]

    edit = question_post(bank, "single", [0, 100], stem="Edited wording?")
    edit |= {"choices-INITIAL_FORMS": "2", "action-submit": "1"}
    for i, pk in enumerate(choice_ids):
        edit[f"choices-{i}-id"] = str(pk)
    response = client.post(
        reverse("wagtailsnippets_training_question:edit", args=[question.pk]), edit
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.live and question.has_unpublished_changes
    assert question.live_revision_id == approved_revision
    assert question.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    attempt = services.start_attempt(staff=sam, module=module, now=now)
    (shown,) = attempt.questions
    assert shown["stem"] == "Approved wording?" and shown["revision_id"] == approved_revision
    assert [c["weight"] for c in shown["choices"]] == [100, 0]
    services.submit_attempt(attempt=attempt, answers={}, now=now)

    client.force_login(director)
    assert approve_over_http(client, question).status_code == 302
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    (shown,) = attempt.questions
    assert shown["stem"] == "Edited wording?" and [c["weight"] for c in shown["choices"]] == [
        0,
        100,
    ]


def test_a_bank_waiting_for_approval_lends_no_question_to_a_quiz(
    director, training_index, sam, now
):
    bank = create_bank(name="New bank", user=None)
    approval.submit_for_approval(obj=bank, user=None)
    QuestionFactory(bank=bank, stem="Approved, but in an unapproved bank")
    picked = QuestionFactory(bank=bank, stem="Picked from it")
    module = module_with_questions(training_index, count=0, bank=bank)
    module.picked_questions.add(picked)
    module.save_revision().publish()
    with pytest.raises(services.QuizError, match=services.NO_QUESTIONS):
        services.start_attempt(staff=sam, module=module, now=now)
    approval.approve(obj=bank, user=director)
    bank.refresh_from_db()
    assert bank.live
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    assert stems(attempt) == {"Approved, but in an unapproved bank", "Picked from it"}


def test_only_an_approver_may_approve(client, educator, director):
    bank = QuestionBankFactory()
    client.force_login(educator)
    question = add_question(client, bank, **{"action-submit": "1"})
    with pytest.raises(PermissionDenied, match=approval.NOT_A_REVIEWER):
        approval.approve(obj=question, user=educator)
    approve_over_http(client, question)
    question.refresh_from_db()
    assert not question.live
    assert TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).count() == 1
    approval.approve(obj=question, user=director)
    with pytest.raises(PermissionDenied, match=approval.NOTHING_TO_APPROVE):
        approval.approve(obj=question, user=director)


def test_director_sees_submitted_questions_in_awaiting_your_review(client, educator, director):
    bank = QuestionBankFactory()
    client.force_login(educator)
    add_question(client, bank, title="Cooling time", **{"action-submit": "1"})
    client.force_login(director)
    body = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your review" in body and "Cooling time" in body


def test_the_question_listing_says_what_awaits_approval(
    client, educator, django_assert_max_num_queries
):
    bank = QuestionBankFactory()
    client.force_login(educator)
    add_question(client, bank, title="Waiting one", **{"action-submit": "1"})
    url = reverse("wagtailsnippets_training_question:list")
    body = client.get(url).content.decode()
    assert "Awaiting approval" in body and "Waiting one" in body
    # The approval column is one subquery: the listing's queries do not grow with its rows.
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for _ in range(20):
        QuestionFactory(bank=bank)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
