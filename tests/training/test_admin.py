"""Wagtail admin: the page tree rules, banks as snippets, GIFT upload and item analysis access."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page, WorkflowPage

from content.models import HomePage, ProtocolIndexPage
from content.services import APPROVAL_WORKFLOW
from organisation import groups
from tests.factories import UserFactory
from tests.factories.training import QuestionFactory, correct_answers, wrong_answers
from training import forms, rules, services
from training.models import QuestionBank, TrainingIndexPage, TrainingModulePage

pytestmark = pytest.mark.django_db
GIFT = Path(__file__).with_name("every_construct.gift")


@pytest.fixture
def educator(db):
    return UserFactory(username="erin", groups=[groups.EDUCATORS])


def test_page_tree_cannot_be_built_wrong():
    assert TrainingIndexPage.can_create_at(HomePage())
    assert not TrainingIndexPage.can_create_at(Page())
    assert TrainingModulePage.can_create_at(TrainingIndexPage())
    assert not TrainingModulePage.can_create_at(HomePage())
    assert not TrainingModulePage.can_create_at(ProtocolIndexPage())
    assert TrainingModulePage.allowed_subpage_models() == []


def test_modules_are_under_medical_director_approval(module):
    workflow_page = WorkflowPage.objects.get(page=module.get_parent())
    assert workflow_page.workflow.name == APPROVAL_WORKFLOW
    assert module.get_workflow().name == APPROVAL_WORKFLOW


def test_educator_sees_question_and_module_admin(client, educator, module):
    client.force_login(educator)
    question = QuestionFactory()
    assert client.get(reverse("wagtailsnippets_training_question:list")).status_code == 200
    assert (
        client.get(
            reverse("wagtailsnippets_training_question:edit", args=[question.pk])
        ).status_code
        == 200
    )
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    assert edit.status_code == 200
    assert reverse("training_analysis_detail", args=[module.pk]) in edit.content.decode()


def test_gift_upload_dry_run_then_import(client, educator):
    client.force_login(educator)
    url = reverse("training_gift_upload")
    assert client.get(url).status_code == 200

    def upload(**data):
        file = SimpleUploadedFile("bank.gift", GIFT.read_bytes(), content_type="text/plain")
        return client.post(url, {"file": file, **data})

    response = upload(new_bank="Laser safety", dry_run="on")
    assert response.status_code == 200
    assert "Would import 9 question(s)" in response.content.decode()
    assert "line 49: matching questions are not supported" in response.content.decode()
    assert not QuestionBank.objects.exists()
    response = upload(new_bank="Laser safety")
    assert "Imported 9 question(s)" in response.content.decode()
    assert "submitted for approval (Medical director approval)" in response.content.decode()
    bank = QuestionBank.objects.get()
    assert bank.questions.count() == 9 and not bank.questions.filter(live=True).exists()
    assert all(q.workflow_in_progress for q in [bank, *bank.questions.all()])


def test_gift_upload_errors_keep_the_form(client, educator):
    client.force_login(educator)
    url = reverse("training_gift_upload")
    file = SimpleUploadedFile("bank.gift", b"\xff\xfe\x00bad", content_type="text/plain")
    response = client.post(url, {"file": file, "new_bank": "X"})
    assert response.status_code == 400 and forms.NOT_TEXT in response.content.decode()
    file = SimpleUploadedFile("bank.gift", GIFT.read_bytes(), content_type="text/plain")
    response = client.post(url, {"file": file})
    assert response.status_code == 400 and forms.NO_BANK in response.content.decode()


def test_staff_and_managers_cannot_reach_the_educator_views(client, sam, maria, module):
    for person in (sam, maria):
        client.force_login(person.user)
        for url in (
            reverse("training_gift_upload"),
            reverse("training_analysis"),
            reverse("training_analysis_detail", args=[module.pk]),
        ):
            assert client.get(url).status_code in (302, 403)


def test_item_analysis_view_lists_questions_with_facility(client, educator, module, sam, lee, now):
    for person, right in ((sam, True), (lee, False)):
        attempt = services.start_attempt(staff=person, module=module, now=now)
        answers = correct_answers(attempt) if right else wrong_answers(attempt)
        services.submit_attempt(attempt=attempt, answers=answers, now=now)
    client.force_login(educator)
    assert module.title in client.get(reverse("training_analysis")).content.decode()
    response = client.get(reverse("training_analysis_detail", args=[module.pk]))
    assert response.status_code == 200
    assert response.context["attempts"] == 2
    assert [round(i.facility, 2) for i in response.context["items"]] == [0.5, 0.5]
    assert client.get(reverse("training_analysis_detail", args=[99999])).status_code == 404


def question_post(bank, kind, weights, **extra):
    data = {
        "bank": bank.pk,
        "title": "Cooling",
        "kind": kind,
        "stem": "What comes first?",
        "stem_format": "plain",
        "explanation": "",
        "tags": "",
        "choices-TOTAL_FORMS": str(len(weights)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
        **extra,
    }
    for i, weight in enumerate(weights):
        data |= {
            f"choices-{i}-text": f"Choice {i}",
            f"choices-{i}-weight": str(weight),
            f"choices-{i}-feedback": "",
            f"choices-{i}-ORDER": str(i + 1),
            f"choices-{i}-id": "",
        }
    return data


def test_question_editor_checks_choices_against_the_kind(client, educator):
    bank = QuestionBank.objects.create(name="Editor")
    client.force_login(educator)
    url = reverse("wagtailsnippets_training_question:add")
    response = client.post(url, question_post(bank, "single", [50, 0]))
    assert response.status_code == 200
    assert rules.ONE_RIGHT in response.content.decode()
    response = client.post(url, question_post(bank, "true_false", [100, 0, 0]))
    assert rules.TRUE_FALSE_TWO in response.content.decode()
    assert not bank.questions.exists()
    response = client.post(url, question_post(bank, "multiple", [50, 50, -50]))
    assert response.status_code == 302
    question = bank.questions.get()
    assert [c.weight for c in question.choices.all()] == [50, 50, -50]
    assert all(c.key for c in question.choices.all())


def test_a_training_library_created_in_admin_needs_director_approval(client, home_page):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:add", args=["training", "trainingindexpage", home_page.pk])
    response = client.post(
        url, {"title": "Training", "slug": "training", "intro": '{"blocks": [], "entityMap": {}}'}
    )
    assert response.status_code == 302
    index = TrainingIndexPage.objects.get()
    assert WorkflowPage.objects.get(page=index).workflow.name == APPROVAL_WORKFLOW
