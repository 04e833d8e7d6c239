"""Question text by its GIFT format: Markdown rendered, HTML sanitised, text escaped, on the
quiz, the result's review and the admin preview; the quiz page's queries do not grow with
the number of questions."""

import pytest
from django.urls import reverse

from organisation import groups
from tests.factories import UserFactory
from tests.factories.training import QuestionBankFactory, QuestionFactory, module_with_questions
from tests.training.test_admin import question_post
from training import services
from training.text import render_text

ATTACKS = (
    '<p>Stop <script>alert("x")</script>and cool.</p>'
    '<img src="https://tracker.example/p.gif" onerror="alert(1)">'
    '<a href="javascript:alert(2)">steps</a> '
    '<a href="https://aha.example/bls" onclick="x()">BLS</a>'
    '<b style="color:red">now</b>'
)


def test_markdown_renders_emphasis_lists_and_links():
    html = render_text(
        "Suspect **anaphylaxis**:\n\n- call EMS\n- give `IM adrenaline`\n\n[AHA](https://aha.example)",
        "markdown",
    )
    assert "<strong>anaphylaxis</strong>" in html
    assert "<ul>\n<li>call EMS</li>\n<li>give <code>IM adrenaline</code></li>\n</ul>" in html
    assert '<a href="https://aha.example" rel="noopener noreferrer">AHA</a>' in html
    assert "**" not in html


def test_one_paragraph_sits_inline_and_choices_keep_only_inline_markup():
    assert (
        render_text("Cool for **20 minutes**", "markdown") == "Cool for <strong>20 minutes</strong>"
    )
    choice = render_text(
        "*Cool* it, see [the protocol](https://x.example)\n\n- a", "markdown", inline=True
    )
    assert "<em>Cool</em>" in choice and "<a" not in choice and "<p>" not in choice
    assert "<li>" not in choice


@pytest.mark.parametrize("text_format", ["html", "markdown"])
def test_scripts_event_handlers_javascript_links_images_and_styles_are_stripped(text_format):
    html = render_text(ATTACKS, text_format)
    for unsafe in ("<script", "alert", "onerror", "onclick", "javascript:", "<img", "style="):
        assert unsafe not in html, unsafe
    assert "Stop and cool." in html and "<b>now</b>" in html
    assert '<a href="https://aha.example/bls" rel="noopener noreferrer">BLS</a>' in html


def test_javascript_links_written_in_markdown_are_not_links():
    html = render_text(
        "[click](javascript:alert(1)) and <a href='JaVaScRiPt:alert(1)'>x</a>", "markdown"
    )
    assert "href" not in html


@pytest.mark.parametrize("text_format", ["moodle", "plain"])
def test_moodle_and_plain_text_is_escaped_with_its_line_breaks(text_format):
    html = render_text("Is <b>this</b> **bold** & safe?\nNext line", text_format)
    assert html == "Is &lt;b&gt;this&lt;/b&gt; **bold** &amp; safe?<br>Next line"


@pytest.fixture
def markdown_module(training_index):
    bank = QuestionBankFactory()
    QuestionFactory(
        bank=bank,
        stem="Which sign means **anaphylaxis**?\n\n- after a topical\n- within minutes",
        stem_format="markdown",
        explanation="Treat *first*, then call.",
        choices=[
            {"text": "**Stridor**", "weight": 100, "feedback": "Yes: the _airway_."},
            {"text": "A faint <script>x()</script>", "weight": 0, "feedback": ""},
        ],
    )
    return module_with_questions(training_index, count=0, bank=bank)


def test_learners_see_markdown_formatted_on_the_quiz_and_in_the_review(
    client, markdown_module, sam, now
):
    attempt = services.start_attempt(staff=sam, module=markdown_module, now=now)
    client.force_login(sam.user)
    quiz = client.get(markdown_module.url + "quiz/").content.decode()
    assert "<strong>anaphylaxis</strong>" in quiz and "<li>after a topical</li>" in quiz
    assert "<strong>Stridor</strong></label>" in quiz and "x()" not in quiz
    (question,) = attempt.questions
    right = [c["key"] for c in question["choices"] if c["weight"] > 0]
    attempt = services.submit_attempt(
        attempt=attempt, answers={question["question_id"]: right}, now=now
    )
    result = client.get(markdown_module.url + f"quiz/attempts/{attempt.pk}/").content.decode()
    assert "<strong>anaphylaxis</strong>" in result and "<strong>Stridor</strong>" in result
    assert "Yes: the <em>airway</em>." in result and "Treat <em>first</em>, then call." in result
    assert "**" not in result


@pytest.mark.django_db
def test_the_admin_preview_shows_the_question_as_learners_will_and_with_answers(client):
    educator = UserFactory(username="erin", groups=[groups.EDUCATORS])
    bank = QuestionBankFactory()
    data = question_post(bank, "single", [100, 0], stem=UNSAFE_STEM, stem_format="html")
    data["choices-0-feedback"] = "<i>Right</i><script>x()</script>"
    client.force_login(educator)
    url = reverse("wagtailsnippets_training_question:preview_on_add")
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}
    learner = client.get(url).content.decode()
    assert "Is <b>this</b>  safe?" in learner and "onerror" not in learner
    assert "<i>Right</i>" not in learner and "100 %" not in learner
    answers = client.get(url, {"mode": "answers"}).content.decode()
    assert "<i>Right</i>" in answers and "100 %" in answers and "x()" not in answers


@pytest.mark.django_db
def test_the_director_reviews_a_submitted_question_rendered(client):
    educator = UserFactory(username="erin", groups=[groups.EDUCATORS])
    director = UserFactory(username="dana", groups=[groups.MEDICAL_DIRECTORS])
    bank = QuestionBankFactory()
    client.force_login(educator)
    data = question_post(bank, "single", [100, 0], stem=UNSAFE_STEM, stem_format="html")
    client.post(reverse("wagtailsnippets_training_question:add"), data | {"action-submit": "1"})
    question = bank.questions.get()
    task = question.current_workflow_task_state.task
    client.force_login(director)
    url = reverse("wagtailsnippets_training_question:workflow_preview", args=[question.pk, task.pk])
    body = client.get(url).content.decode()
    assert "Is <b>this</b>  safe?" in body and "onerror" not in body


UNSAFE_STEM = "Is <b>this</b> <img src=x onerror=alert(1)> safe?"


# Starting draws every question in one query (choices prefetched); the page renders from the
# attempt's snapshot, so neither grows with the number of questions.
START_QUERIES = 12
QUIZ_PAGE_QUERIES = 6


@pytest.mark.parametrize("count", [2, 20])
def test_quiz_page_queries_do_not_grow_with_the_number_of_questions(
    client, training_index, sam, now, count, django_assert_num_queries
):
    bank = QuestionBankFactory()
    for n in range(count):
        QuestionFactory(bank=bank, stem=f"Question {n} in **Markdown**", stem_format="markdown")
    module = module_with_questions(training_index, count=0, bank=bank, questions_per_attempt=count)
    client.force_login(sam.user)
    client.get(module.url + "quiz/")  # warm the session and caches
    with django_assert_num_queries(START_QUERIES):
        assert client.post(module.url + "quiz/").status_code == 302
    with django_assert_num_queries(QUIZ_PAGE_QUERIES):
        body = client.get(module.url + "quiz/").content.decode()
    assert body.count("<strong>Markdown</strong>") == count
