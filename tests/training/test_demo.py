"""The training demo: quiz histories (passed, failed, overdue) on the library's modules, in the
library's order; twice is the same as once; reset removes the training library."""

import datetime

import pytest

from organisation.demo import seed_organisation
from organisation.models import StaffProfile
from readyroom.library import read_library, write_library
from tests.factories.library import small_library
from training import demo, selectors
from training.lesson_selectors import progress_in, reading_of
from training.models import LessonRead, Question, QuestionBank, QuizAttempt, TrainingModulePage
from training.status import ModuleStatus

TODAY = datetime.date(2026, 3, 3)
NOW = datetime.datetime(2026, 3, 3, 17, 0, tzinfo=datetime.UTC)


@pytest.fixture
def folder(tmp_path):
    return small_library(tmp_path)


def _seed(folder):
    profiles = seed_organisation(today=TODAY)
    director = profiles["director"].user
    write_library(read_library(folder), publisher=director)
    demo.seed(today=TODAY, profiles=profiles, publisher=director)


def test_seed_gives_the_staff_login_its_story_and_is_idempotent(db, folder):
    _seed(folder)
    sam = StaffProfile.objects.select_related("home_location").get(user__username="staff")
    by_module = {line.module.slug: line.status for line in selectors.required_modules(sam, now=NOW)}
    # The story follows the library's `order`: burns, burns-two, burns-three.
    assert by_module == {
        "burns": ModuleStatus.PASSED,
        "burns-two": ModuleStatus.IN_PROGRESS,
        "burns-three": ModuleStatus.OVERDUE,
    }
    everyone = {
        line.status
        for profile in StaffProfile.objects.select_related("home_location")
        for line in selectors.required_modules(profile, now=NOW)
    }
    assert {ModuleStatus.PASSED, ModuleStatus.OVERDUE, ModuleStatus.IN_PROGRESS} <= everyone

    counts = (QuizAttempt.objects.count(), Question.objects.count())
    _seed(folder)
    assert (QuizAttempt.objects.count(), Question.objects.count()) == counts


def test_reset_removes_the_library_and_reseeds(db, folder):
    _seed(folder)
    demo.reset()
    assert not TrainingModulePage.objects.exists() and not QuestionBank.objects.exists()
    _seed(folder)
    assert TrainingModulePage.objects.count() == 3


def test_without_a_training_library_there_is_no_history(db):
    profiles = seed_organisation(today=TODAY)
    demo.seed(today=TODAY, profiles=profiles, publisher=profiles["director"].user)
    assert not QuizAttempt.objects.exists()


def test_seed_gives_reading_that_matches_the_histories_and_is_idempotent(db, folder):
    for path in (folder / "modules").glob("*.yaml"):
        # Three lessons a module, so a part read is possible.
        lessons = (
            "\n  ## Cover the burn\n\n  Cover loosely.\n\n  ## Escalate\n\n  Call the clinician.\n"
        )
        path.write_text(path.read_text() + lessons)
    _seed(folder)
    sam = StaffProfile.objects.get(user__username="staff")
    modules = {m.slug: m for m in TrainingModulePage.objects.all()}
    progress = {slug: progress_in(module, sam) for slug, module in modules.items()}
    # Passed "burns": read it all before the first try; failed "burns-two": read a part of it.
    assert progress["burns"].all_read and progress["burns"].total == 3
    assert progress["burns-two"].read_count == 1
    # The staff login skipped the last lesson of his last module of three lessons.
    assert (progress["burns-three"].read_count, progress["burns-three"].total) == (2, 3)
    first_try = QuizAttempt.objects.filter(staff=sam, module=modules["burns"]).earliest(
        "started_at"
    )
    reads = LessonRead.objects.filter(staff=sam, module=modules["burns"])
    assert max(reads.values_list("read_at", flat=True)) < first_try.started_at
    lines = [
        line
        for profile in StaffProfile.objects.select_related("home_location")
        for line in reading_of(profile)
    ]
    assert any(0 < line.read_count < line.total for line in lines)
    count = LessonRead.objects.count()
    _seed(folder)
    assert LessonRead.objects.count() == count
