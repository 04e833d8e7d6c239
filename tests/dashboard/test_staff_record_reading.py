"""The staff record's lesson progress: per module, lessons read of lessons there are, for the
person's managers only, with queries that do not grow with modules or readings."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.training import (
    TrainingIndexPageFactory,
    TrainingRequirementFactory,
    module_with_questions,
)
from training.lessons import outline
from training.models import LessonRead


def lesson_stream(*titles):
    blocks = []
    for title in titles:
        blocks += [("lesson", {"title": title}), ("rich_text", f"<p>All about {title}.</p>")]
    return blocks


def _add_modules(index, role, person, count: int, start: int = 0) -> None:
    now = timezone.now()
    for n in range(start, start + count):
        module = module_with_questions(
            index, title=f"Module {n:02}", lessons=lesson_stream("One", "Two", "Three")
        )
        TrainingRequirementFactory(role=role, module=module)
        for lesson in outline(module.lessons.raw_data)[: n % 4]:
            LessonRead.objects.create(
                staff=person, module=module, lesson_key=lesson.key, read_at=now
            )


def _clinic(home_page, modules: int):
    north, south = LocationFactory(slug="north"), LocationFactory(slug="south")
    injector = JobRoleFactory(slug="injector")
    nadia = StaffProfileFactory(home_location=north, roles=[injector])
    index = TrainingIndexPageFactory(parent=home_page)
    _add_modules(index, injector, nadia, modules)
    return {
        "nadia": nadia,
        "index": index,
        "injector": injector,
        "manager": ManagerFactory(home_location=north),
        "other_manager": ManagerFactory(home_location=south),
    }


def test_the_record_shows_each_modules_lessons_read(client, home_page):
    clinic = _clinic(home_page, 3)
    client.force_login(clinic["manager"].user)
    body = client.get(reverse("dashboard:staff_record", args=[clinic["nadia"].pk])).content
    body = body.decode()
    assert "Lesson progress" in body
    assert '<th scope="row" data-label="Module">Module 00</th>' in body
    assert body.count("0 of 3 lessons read") == 1
    assert body.count("1 of 3 lessons read") == 1 and "2 of 3 lessons read" in body
    assert "not started" in body


def test_another_locations_manager_sees_no_reading(client, home_page):
    clinic = _clinic(home_page, 2)
    client.force_login(clinic["other_manager"].user)
    response = client.get(reverse("dashboard:staff_record", args=[clinic["nadia"].pk]))
    assert response.status_code == 404 and b"lessons read" not in response.content


def _record_queries(client, clinic, modules: int) -> int:
    client.force_login(clinic["manager"].user)
    url = reverse("dashboard:staff_record", args=[clinic["nadia"].pk])
    client.get(url)  # what a process caches on its first page (the site) is cached from here on
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("dashboard:staff_record", args=[clinic["nadia"].pk]))
    assert response.content.decode().count("lessons read") == modules
    return len(queries)


def test_record_queries_do_not_grow_with_modules_read(client, home_page):
    clinic = _clinic(home_page, 2)
    few = _record_queries(client, clinic, 2)
    _add_modules(clinic["index"], clinic["injector"], clinic["nadia"], 7, start=2)
    many = _record_queries(client, clinic, 9)
    assert few == many, (few, many)
