"""A module flagged as sample content says so on its quiz, the result, /my/training/, the
certificate of completion (PDF) and its verification page, and only while it is flagged."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from content.sample import SAMPLE_NOTICE
from tests.factories.training import correct_answers
from training import services
from training.models import TrainingModulePage

NOTICE = str(SAMPLE_NOTICE)
BADGE = '<span class="badge">Sample content</span>'
# Session, user, the attempt with its person and module (the flag: no query), the clinic
# settings with their logo.
QUERIES = 4


def flag(module, sample: bool) -> None:
    TrainingModulePage.objects.filter(pk=module.pk).update(sample_content=sample)


def quiz_url(module, name="quiz", *args):
    return module.url + module.reverse_subpage(name, args=args)


def _passed(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    return services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)


def _pdf_text(response) -> str:
    return PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


@pytest.mark.parametrize("sample", [True, False])
def test_quiz_and_result_carry_the_notice_only_for_a_sample_module(
    client, module, sam, now, sample
):
    flag(module, sample)
    client.force_login(sam.user)
    intro = client.get(quiz_url(module)).content.decode()
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    quiz = client.get(quiz_url(module)).content.decode()
    services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)
    result = client.get(quiz_url(module, "quiz_result", attempt.pk)).content.decode()
    assert [NOTICE in page for page in (intro, quiz, result)] == [sample] * 3


@pytest.mark.parametrize("sample", [True, False])
def test_my_training_marks_a_sample_module(client, module, sam, sample):
    flag(module, sample)
    client.force_login(sam.user)
    body = client.get(reverse("training:my_training")).content.decode()
    assert (BADGE in body) is sample


def test_certificate_says_sample_content_while_its_module_is_flagged(client, module, sam, now):
    attempt = _passed(module, sam, now)
    client.force_login(sam.user)
    url = reverse("training:certificate", args=[attempt.pk])
    flag(module, True)
    text = _pdf_text(client.get(url))
    assert "SAMPLE CONTENT" in text
    assert NOTICE in text
    assert "Post-laser recovery" in text  # the certificate itself is still all there
    # Once the director has reviewed it and the flag is off, the same pass prints clean.
    flag(module, False)
    text = _pdf_text(client.get(url))
    assert "SAMPLE CONTENT" not in text and NOTICE not in text


@pytest.mark.parametrize("sample", [True, False])
def test_verification_page_says_whether_the_module_is_sample(client, module, sam, now, sample):
    attempt = _passed(module, sam, now)
    flag(module, sample)
    body = client.get(reverse("training:verify", args=[attempt.certificate_code])).content
    assert (NOTICE in body.decode()) is sample


def test_certificate_reads_the_flag_in_its_one_query_for_the_attempt(
    client, module, sam, now, django_assert_num_queries
):
    attempt = _passed(module, sam, now)
    flag(module, True)
    client.force_login(sam.user)
    url = reverse("training:certificate", args=[attempt.pk])
    with django_assert_num_queries(QUERIES):
        response = client.get(url)
    assert "SAMPLE CONTENT" in _pdf_text(response)
