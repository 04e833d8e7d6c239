"""Reading progress over HTTP: a lesson marked read from the page's script (JSON) or its "Mark
as read" button (a form), shown on the module page and the quiz intro, only ever one's own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import StaffProfileFactory
from tests.factories.training import module_with_questions
from training.lesson_services import UNKNOWN_LESSON
from training.lessons import outline
from training.models import LessonRead

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


def lesson_stream(*titles):
    blocks = []
    for title in titles:
        blocks += [("lesson", {"title": title}), ("rich_text", f"<p>All about {title}.</p>")]
    return blocks


@pytest.fixture
def lessons_module(training_index):
    return module_with_questions(
        training_index,
        title="Laser burns",
        slug="laser-burns",
        lessons=lesson_stream("Cool first", "Cover the burn", "Escalate"),
    )


def keys(module):
    return [lesson.key for lesson in outline(module.lessons.raw_data)]


def read_url(module):
    return reverse("training:lesson_read", args=[module.pk])


def quiz_url(module):
    return module.url + module.reverse_subpage("quiz")


def test_the_page_script_records_a_lesson_read(client, lessons_module, sam):
    client.force_login(sam.user)
    first = keys(lessons_module)[0]
    response = client.post(read_url(lessons_module), {"lesson": first}, **JSON)
    assert response.status_code == 200
    assert response.json() == {"read": True, "lesson": first}
    assert list(LessonRead.objects.values_list("staff", "module", "lesson_key")) == [
        (sam.pk, lessons_module.pk, first)
    ]


def test_the_button_records_a_lesson_and_goes_on_to_the_next_then_the_quiz(
    client, lessons_module, sam
):
    client.force_login(sam.user)
    first, second, last = keys(lessons_module)
    response = client.post(read_url(lessons_module), {"lesson": first})
    assert response.status_code == 302
    assert response.url == f"{lessons_module.url}#lesson-{second}"
    response = client.post(read_url(lessons_module), {"lesson": last})
    assert response.url == f"{lessons_module.url}#quiz-heading"
    assert LessonRead.objects.filter(staff=sam).count() == 2


def test_reading_again_keeps_the_first_reading(client, lessons_module, sam):
    client.force_login(sam.user)
    first = keys(lessons_module)[0]
    client.post(read_url(lessons_module), {"lesson": first}, **JSON)
    read_at = LessonRead.objects.get().read_at
    for _ in range(2):
        assert client.post(read_url(lessons_module), {"lesson": first}, **JSON).status_code == 200
        client.post(read_url(lessons_module), {"lesson": first})
    assert list(LessonRead.objects.values_list("read_at", flat=True)) == [read_at]


@pytest.mark.parametrize("lesson", ["", "not-a-lesson", "id-0"])
def test_a_lesson_not_in_the_module_is_refused_and_nothing_stored(
    client, lessons_module, training_index, sam, lesson
):
    client.force_login(sam.user)
    response = client.post(read_url(lessons_module), {"lesson": lesson}, **JSON)
    assert response.status_code == 400
    assert response.json() == {"read": False, "error": UNKNOWN_LESSON}
    response = client.post(read_url(lessons_module), {"lesson": lesson})
    assert response.status_code == 400 and UNKNOWN_LESSON in response.content.decode()
    assert not LessonRead.objects.exists()


def test_another_modules_lesson_is_refused(client, lessons_module, training_index, sam):
    other = module_with_questions(training_index, lessons=lesson_stream("Elsewhere"))
    client.force_login(sam.user)
    response = client.post(read_url(lessons_module), {"lesson": keys(other)[0]}, **JSON)
    assert response.status_code == 400
    assert not LessonRead.objects.exists()


def test_only_a_published_module_and_only_by_post(client, lessons_module, sam):
    client.force_login(sam.user)
    first = keys(lessons_module)[0]
    assert client.get(read_url(lessons_module)).status_code == 405
    lessons_module.unpublish()
    assert client.post(read_url(lessons_module), {"lesson": first}).status_code == 404
    missing = reverse("training:lesson_read", args=[lessons_module.pk + 1000])
    assert client.post(missing, {"lesson": first}).status_code == 404
    assert not LessonRead.objects.exists()


def test_the_progress_recorded_is_always_the_senders_own(client, lessons_module, sam, lee):
    client.force_login(sam.user)
    first = keys(lessons_module)[0]
    client.post(read_url(lessons_module), {"lesson": first, "staff": lee.pk}, **JSON)
    assert list(LessonRead.objects.values_list("staff", flat=True)) == [sam.pk]


def test_the_module_page_shows_ticks_the_count_and_a_button_per_unread_lesson(
    client, lessons_module, sam, now
):
    first, second, last = keys(lessons_module)
    LessonRead.objects.create(staff=sam, module=lessons_module, lesson_key=second, read_at=now)
    client.force_login(sam.user)
    body = client.get(lessons_module.url).content.decode()
    assert "<span data-lessons-read>1</span> of 3 lessons read" in body
    assert f'data-lesson-tick="{second}">' in body
    assert f'data-lesson-tick="{first}" hidden>' in body
    assert body.count('name="lesson"') == 2
    assert f'name="lesson" value="{second}"' not in body
    assert f'id="lesson-{first}"' in body and "All about Escalate." in body
    assert "training/lessons.js" in body


def test_someone_elses_reading_never_shows(client, lessons_module, sam, lee, now):
    for key in keys(lessons_module):
        LessonRead.objects.create(staff=lee, module=lessons_module, lesson_key=key, read_at=now)
    client.force_login(sam.user)
    body = client.get(lessons_module.url).content.decode()
    assert "<span data-lessons-read>0</span> of 3 lessons read" in body
    assert body.count('name="lesson"') == 3
    body = client.get(quiz_url(lessons_module)).content.decode()
    assert "0 of 3 lessons read." in body


def test_an_account_without_a_staff_profile_reads_without_progress(
    client, lessons_module, django_user_model
):
    admin = django_user_model.objects.create_user("admin-only", password="x")
    client.force_login(admin)
    body = client.get(lessons_module.url).content.decode()
    assert "All about Cool first." in body and "lessons read" not in body
    response = client.post(read_url(lessons_module), {"lesson": keys(lessons_module)[0]})
    assert response.status_code == 404
    assert not LessonRead.objects.exists()


def test_the_quiz_intro_shows_progress_and_links_the_first_unread_lesson(
    client, lessons_module, sam
):
    first, second, last = keys(lessons_module)
    client.force_login(sam.user)
    client.post(read_url(lessons_module), {"lesson": first}, **JSON)
    body = client.get(quiz_url(lessons_module)).content.decode()
    assert "1 of 3 lessons read." in body
    assert f'href="{lessons_module.url}#lesson-{second}">Cover the burn</a>' in body
    for key in (second, last):
        client.post(read_url(lessons_module), {"lesson": key}, **JSON)
    body = client.get(quiz_url(lessons_module)).content.decode()
    assert "3 of 3 lessons read." in body and "You have read every lesson." in body


def _module_page_queries(client, training_index, sam, now, lessons: int) -> list[str]:
    module = module_with_questions(
        training_index, lessons=lesson_stream(*(f"Lesson {n}" for n in range(lessons)))
    )
    for key in keys(module)[::2]:
        LessonRead.objects.create(staff=sam, module=module, lesson_key=key, read_at=now)
    StaffProfileFactory.create_batch(lessons)
    client.force_login(sam.user)
    client.get(module.url)  # Wagtail's site root paths are cached from here on
    with CaptureQueriesContext(connection) as queries:
        response = client.get(module.url)
    assert f"of {lessons} lessons read" in response.content.decode()
    return [query["sql"] for query in queries]


def test_module_page_queries_do_not_grow_and_progress_is_one_of_them(
    client, training_index, sam, now
):
    few = _module_page_queries(client, training_index, sam, now, 2)
    many = _module_page_queries(client, training_index, sam, now, 12)
    assert len(few) == len(many)
    assert [sql for sql in many if "training_lessonread" in sql] == [
        sql for sql in many if sql.startswith('SELECT "training_lessonread"')
    ]
    assert sum("training_lessonread" in sql for sql in many) == 1


def test_recording_a_lesson_is_one_query(client, lessons_module, sam, django_assert_num_queries):
    from django.utils import timezone

    from training.lesson_services import record_lesson_read

    first = keys(lessons_module)[0]
    with django_assert_num_queries(1):
        record_lesson_read(staff=sam, module=lessons_module, lesson_key=first, now=timezone.now())
    with django_assert_num_queries(1):
        record_lesson_read(staff=sam, module=lessons_module, lesson_key=first, now=timezone.now())
    assert LessonRead.objects.count() == 1
