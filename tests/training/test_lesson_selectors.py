"""A person's reading across modules, as the manager's staff record shows it: lessons read of
the lessons each module has now, in one query."""

import datetime

import pytest

from tests.factories.training import TrainingRequirementFactory, module_with_questions
from training.lesson_selectors import ModuleLessons, progress_in, reading_of
from training.lessons import outline
from training.models import LessonRead

pytestmark = pytest.mark.django_db


def lesson_stream(*titles):
    blocks = []
    for title in titles:
        blocks += [("lesson", {"title": title}), ("rich_text", f"<p>All about {title}.</p>")]
    return blocks


def keys(module):
    return [lesson.key for lesson in outline(module.lessons.raw_data)]


def read(staff, module, *lesson_keys, at):
    for key in lesson_keys:
        LessonRead.objects.create(staff=staff, module=module, lesson_key=key, read_at=at)


def test_reading_lists_required_and_begun_modules_with_current_lessons_only(
    training_index, laser_tech, sam, lee, now
):
    required = module_with_questions(
        training_index, title="A required", lessons=lesson_stream("One", "Two", "Three")
    )
    TrainingRequirementFactory(role=laser_tech, module=required)
    begun = module_with_questions(training_index, title="B begun", lessons=lesson_stream("One"))
    module_with_questions(training_index, title="C neither", lessons=lesson_stream("One"))
    hidden = module_with_questions(
        training_index, title="D unpublished", lessons=lesson_stream("X")
    )
    read(sam, hidden, *keys(hidden), at=now)
    hidden.unpublish()
    # Late in the evening in Brookline: already the next day in UTC.
    read(sam, required, *keys(required)[:2], "a-lesson-since-removed", at=now)
    read(sam, begun, *keys(begun), at=now - datetime.timedelta(days=3))
    read(lee, required, *keys(required), at=now)
    assert reading_of(sam) == [
        ModuleLessons(required.pk, "A required", 2, 3, datetime.date(2026, 3, 3)),
        ModuleLessons(begun.pk, "B begun", 1, 1, datetime.date(2026, 2, 28)),
    ]
    lines = reading_of(lee)
    assert [(line.title, line.read_count, line.total) for line in lines] == [("A required", 3, 3)]


@pytest.mark.parametrize("modules", [2, 10])
def test_reading_is_one_query_however_many_modules_and_reads(
    training_index, laser_tech, sam, now, modules, django_assert_num_queries
):
    for n in range(modules):
        module = module_with_questions(training_index, lessons=lesson_stream("One", "Two"))
        TrainingRequirementFactory(role=laser_tech, module=module)
        read(sam, module, *keys(module)[: n % 3], at=now)
    with django_assert_num_queries(1):
        lines = reading_of(sam)
    assert len(lines) == modules


def test_progress_in_a_module_is_one_query_and_none_for_no_one(
    training_index, sam, now, django_assert_num_queries
):
    module = module_with_questions(training_index, lessons=lesson_stream("One", "Two", "Three"))
    first, second, third = keys(module)
    read(sam, module, second, at=now)
    with django_assert_num_queries(1):
        progress = progress_in(module, sam)
    assert (progress.read_count, progress.total, progress.first_unread.key) == (1, 3, first)
    with django_assert_num_queries(0):
        nobody = progress_in(module, None)
    assert nobody.read_count == 0 and nobody.total == 3
    read(sam, module, first, third, at=now)
    assert progress_in(module, sam).all_read
