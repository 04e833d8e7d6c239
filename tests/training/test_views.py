"""The module page, its quiz routes, /my/training/, certificates and verification, over HTTP."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from tests.factories.training import (
    QuestionBankFactory,
    QuestionFactory,
    TrainingRequirementFactory,
    correct_answers,
    module_with_questions,
    wrong_answers,
)
from training import services
from training.models import QuizAttempt
from training.page_views import NO_PROFILE
from training.status import ModuleStatus

pytestmark = pytest.mark.django_db


def quiz_url(module, name="quiz", *args):
    return module.url + module.reverse_subpage(name, args=args)


def form(attempt, answers):
    data = {"attempt": str(attempt.pk)}
    for question_id, keys in answers.items():
        data[f"q-{question_id}"] = keys
    return data


def test_module_page_shows_lessons_objectives_and_the_quiz_link(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    services.submit_attempt(attempt=attempt, answers=wrong_answers(attempt), now=now)
    client.force_login(sam.user)
    response = client.get(module.url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Stop and cool." in body and "Recognise an epidermal burn" in body
    assert quiz_url(module) in body
    assert quiz_url(module, "quiz_result", attempt.pk) in body


def test_html_stems_are_sanitised(client, training_index, sam, now):
    bank = QuestionBankFactory()
    QuestionFactory(bank=bank, stem="Is <b>this</b> <script>x()</script> safe?", stem_format="html")
    module = module_with_questions(training_index, count=0, bank=bank)
    services.start_attempt(staff=sam, module=module, now=now)
    client.force_login(sam.user)
    body = client.get(quiz_url(module)).content.decode()
    assert "Is <b>this</b>  safe?" in body and "x()" not in body


def test_start_answer_and_submit_through_the_quiz_routes(client, module, sam):
    client.force_login(sam.user)
    assert b"Start the quiz" in client.get(quiz_url(module)).content
    assert client.post(quiz_url(module)).status_code == 302
    page = client.get(quiz_url(module))
    attempt = QuizAttempt.objects.get(staff=sam)
    for question in attempt.questions:
        assert question["stem"] in page.content.decode()
    # Weights never reach the browser.
    assert b"weight" not in page.content and b"correct" not in page.content
    response = client.post(quiz_url(module, "quiz_submit"), form(attempt, correct_answers(attempt)))
    assert response.status_code == 302
    assert response.url == quiz_url(module, "quiz_result", attempt.pk)
    result = client.get(response.url).content.decode()
    assert "100 %" in result and "passed" in result and "Download your certificate" in result


def test_saving_answers_keeps_them_for_the_next_visit(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    client.force_login(sam.user)
    right = correct_answers(attempt)
    response = client.post(
        quiz_url(module, "quiz_save"), form(attempt, right), HTTP_ACCEPT="application/json"
    )
    assert response.json() == {"saved": True}
    page = client.get(quiz_url(module)).content.decode()
    key = next(iter(right.values()))[0]
    assert f'value="{key}" checked' in page


def test_foreign_choice_over_http_is_400_and_saves_nothing(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    first, second = attempt.questions
    client.force_login(sam.user)
    bad = {first["question_id"]: [second["choices"][0]["key"]]}
    response = client.post(quiz_url(module, "quiz_submit"), form(attempt, bad))
    assert response.status_code == 400
    assert services.UNKNOWN_CHOICE in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.is_open and not attempt.answers.exists()


def test_question_not_in_attempt_over_http_is_400(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    client.force_login(sam.user)
    response = client.post(quiz_url(module, "quiz_save"), {"attempt": attempt.pk, "q-999999": "x"})
    assert response.status_code == 400
    response = client.post(quiz_url(module, "quiz_save"), {"attempt": attempt.pk, "q-abc": "x"})
    assert response.status_code == 400
    assert not attempt.answers.exists()


def test_someone_elses_attempt_is_404_and_untouched(client, module, sam, lee, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    client.force_login(lee.user)
    for name in ("quiz_save", "quiz_submit"):
        response = client.post(quiz_url(module, name), form(attempt, correct_answers(attempt)))
        assert response.status_code == 404
    services.submit_attempt(attempt=attempt, answers=wrong_answers(attempt), now=now)
    assert client.get(quiz_url(module, "quiz_result", attempt.pk)).status_code == 404
    attempt.refresh_from_db()
    assert not attempt.passed and attempt.answers.filter(answered_at__isnull=False).count() == 2


def test_manager_cannot_open_a_staff_members_result_or_certificate(client, module, sam, maria, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)
    client.force_login(maria.user)
    assert client.get(quiz_url(module, "quiz_result", attempt.pk)).status_code == 404
    assert client.get(reverse("training:certificate", args=[attempt.pk])).status_code == 404


def test_attempt_of_another_module_is_404_under_this_one(client, module, training_index, sam, now):
    other = module_with_questions(training_index)
    attempt = services.start_attempt(staff=sam, module=other, now=now)
    services.submit_attempt(attempt=attempt, answers=wrong_answers(attempt), now=now)
    client.force_login(sam.user)
    assert client.get(quiz_url(module, "quiz_result", attempt.pk)).status_code == 404


def test_double_submit_over_http_shows_the_first_result(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    client.force_login(sam.user)
    client.post(quiz_url(module, "quiz_submit"), form(attempt, wrong_answers(attempt)))
    again = client.post(quiz_url(module, "quiz_submit"), form(attempt, correct_answers(attempt)))
    assert again.status_code == 302
    attempt.refresh_from_db()
    assert not attempt.passed


def test_daily_limit_over_http_is_explained(client, training_index, sam, now):
    module = module_with_questions(training_index, attempts_per_day=1)
    client.force_login(sam.user)
    client.post(quiz_url(module))
    attempt = QuizAttempt.objects.get()
    client.post(quiz_url(module, "quiz_submit"), form(attempt, wrong_answers(attempt)))
    response = client.post(quiz_url(module))
    assert response.status_code == 400
    assert escape(services.DAILY_LIMIT) in response.content.decode()


def test_review_mode_after_pass_hides_answers_of_a_failed_attempt(client, training_index, sam, now):
    module = module_with_questions(training_index, review_mode="after_pass")
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    services.submit_attempt(attempt=attempt, answers=wrong_answers(attempt), now=now)
    client.force_login(sam.user)
    body = client.get(quiz_url(module, "quiz_result", attempt.pk)).content.decode()
    assert "Your answers" not in body and "once you pass" in body


def test_review_mode_after_each_shows_feedback(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    services.submit_attempt(attempt=attempt, answers=wrong_answers(attempt), now=now)
    client.force_login(sam.user)
    body = client.get(quiz_url(module, "quiz_result", attempt.pk)).content.decode()
    assert "Your answers" in body and "Cooling first limits the injury." in body


def test_user_without_profile_cannot_take_a_quiz(client, module, django_user_model):
    client.force_login(django_user_model.objects.create_user("admin-only"))
    response = client.get(quiz_url(module))
    assert response.status_code == 403
    assert client.get(reverse("training:my_training")).status_code == 404
    assert NO_PROFILE


def test_my_training_shows_status_valid_until_and_best_score(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)
    client.force_login(sam.user)
    response = client.get(reverse("training:my_training"))
    (line,) = response.context["lines"]
    assert line.status is ModuleStatus.PASSED and line.best_percent == 100
    assert line.valid_until == datetime.date(2027, 3, 3)
    body = response.content.decode()
    assert "Post-laser recovery" in body and 'status--current">Current<' in body
    assert reverse("training:certificate", args=[attempt.pk]) in body


def test_certificate_pdf_is_the_owners_and_verification_shows_only_the_essentials(
    client, module, sam, lee, now
):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    attempt = services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)
    client.force_login(sam.user)
    pdf = client.get(reverse("training:certificate", args=[attempt.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    client.force_login(lee.user)
    assert client.get(reverse("training:certificate", args=[attempt.pk])).status_code == 404

    client.logout()
    verify = client.get(reverse("training:verify", args=[attempt.certificate_code]))
    assert verify.status_code == 200
    body = verify.content.decode()
    assert sam.display_name in body and "Post-laser recovery" in body
    assert "3 March 2026" in body and "3 March 2027" in body
    assert "100" not in body and sam.user.email not in body and "Brookline" not in body
    assert client.get(reverse("training:verify", args=["not-a-code"])).status_code == 404


def test_failed_attempt_has_no_certificate(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    services.submit_attempt(attempt=attempt, answers=wrong_answers(attempt), now=now)
    client.force_login(sam.user)
    assert client.get(reverse("training:certificate", args=[attempt.pk])).status_code == 404


def _modules(training_index, role, count):
    for n in range(count):
        page = module_with_questions(training_index, title=f"Module {n:02}", count=2)
        TrainingRequirementFactory(role=role, module=page)
    return page


# The session's user comes with their profile and who they are as a viewer in one query
# (accounts.backends); routing to the module costs two at any depth, the site and private
# pages none (content/routes.py, content/page_tree.py, which reads the protocol library's
# link once: the first page after a change pays it, as here); one for the modules a manager
# assigned (actions: none here, so no exemptions are read).
MY_TRAINING_QUERIES = 10
QUIZ_QUERIES = 10


@pytest.mark.parametrize("count", [5, 50])
def test_my_training_query_count_is_fixed(
    client, training_index, laser_tech, sam, now, count, django_assert_num_queries
):
    last = _modules(training_index, laser_tech, count)
    attempt = services.start_attempt(staff=sam, module=last, now=now)
    services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)
    client.force_login(sam.user)
    with django_assert_num_queries(MY_TRAINING_QUERIES):
        response = client.get(reverse("training:my_training"))
    assert len(response.context["lines"]) == count


@pytest.mark.parametrize("count", [5, 50])
def test_quiz_page_query_count_is_fixed(
    client, training_index, laser_tech, sam, now, count, django_assert_num_queries
):
    last = _modules(training_index, laser_tech, count)
    last.questions_per_attempt = 10
    last.save_revision().publish()
    services.start_attempt(staff=sam, module=last, now=now)
    client.force_login(sam.user)
    with django_assert_num_queries(QUIZ_QUERIES):
        response = client.get(quiz_url(last))
    assert response.status_code == 200


def test_opening_an_expired_quiz_scores_it_late(client, training_index, sam, now):
    module = module_with_questions(training_index, time_limit_minutes=1)
    attempt = services.start_attempt(
        staff=sam, module=module, now=timezone.now() - datetime.timedelta(minutes=5)
    )
    client.force_login(sam.user)
    response = client.get(quiz_url(module))
    assert response.status_code == 302
    assert response.url == quiz_url(module, "quiz_result", attempt.pk)
    attempt.refresh_from_db()
    assert attempt.late and not attempt.is_open
    assert "after the time limit" in client.get(response.url).content.decode()
