"""The training demo: quiz histories (passed, failed, overdue) on the library's modules, in the
library's order; twice is the same as once; reset removes the training library."""

import datetime

import pytest

from organisation.demo import seed_organisation
from organisation.models import StaffProfile
from readyroom.library import read_library, write_library
from tests.factories.library import small_library
from training import demo, selectors
from training.models import Question, QuestionBank, QuizAttempt, TrainingModulePage
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
