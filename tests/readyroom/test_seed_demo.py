import datetime

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from wagtail.models import Site

from content.models import ProtocolPage
from organisation.demo import DEMO_PASSWORD, LOGINS
from organisation.models import Location, StaffProfile
from training.models import Question, TrainingModulePage, TrainingRequirement
from training.selectors import required_modules
from training.status import ModuleStatus

TODAY = "2026-11-24"


def row_counts() -> dict[str, int]:
    """Rows in every table of the project, Wagtail and auth: what a second seed must not move."""
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if not model._meta.label.startswith(("django_q.", "sessions."))
    }


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--today", TODAY, stdout=open("/dev/null", "w"))


def test_demo_clinic_has_the_promised_shape(seeded):
    assert Location.objects.count() == 3
    assert len({loc.time_zone for loc in Location.objects.all()}) >= 2
    assert 28 <= StaffProfile.objects.count() <= 35
    for location in Location.objects.all():
        assert location.managers.exists(), f"{location} has no manager"
    assert StaffProfile.objects.get(user__username="regional").managed_locations.count() == 2
    protocols = ProtocolPage.objects.live()
    assert protocols.count() >= 6
    assert all(p.sample_content for p in protocols)
    home = Site.objects.get(is_default_site=True).root_page
    assert home.specific_class.__name__ == "HomePage"


def test_demo_logins_work(seeded):
    for username in LOGINS:
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None, username


def test_seeding_twice_changes_nothing(seeded):
    before = row_counts()
    call_command("seed_demo", "--today", TODAY, stdout=open("/dev/null", "w"))
    assert row_counts() == before


def test_reset_starts_over(seeded):
    staff = StaffProfile.objects.get(user__username="staff")
    staff.is_active = False
    staff.save()
    call_command("seed_demo", "--reset", "--today", TODAY, stdout=open("/dev/null", "w"))
    assert StaffProfile.objects.get(user__username="staff").is_active


def test_if_empty_leaves_a_populated_database_alone(seeded, capsys):
    before = row_counts()
    call_command("seed_demo", "--if-empty")
    assert "already has staff" in capsys.readouterr().out
    assert row_counts() == before


def test_contradictory_flags_are_refused(db):
    with pytest.raises(CommandError, match="contradict"):
        call_command("seed_demo", "--reset", "--if-empty")


def test_the_command_prints_the_logins(db, capsys):
    call_command("seed_demo", "--today", TODAY)
    out = capsys.readouterr().out
    assert all(name in out for name in LOGINS) and DEMO_PASSWORD in out


def test_demo_training_library_and_the_staff_logins_history(seeded):
    modules = TrainingModulePage.objects.live()
    assert modules.count() >= 6 and all(m.sample_content for m in modules)
    for module in modules:
        assert module.protocols.exists(), module.slug
        assert TrainingRequirement.objects.filter(module=module).exists(), module.slug
        banks = module.question_banks.all()
        assert Question.objects.filter(bank__in=banks).count() >= 8, module.slug
        # Approved by the demo director; two demo questions wait for review (training.demo).
        live = Question.objects.filter(bank__in=banks, live=True).count()
        assert live > module.questions_per_attempt, module.slug
    waiting = Question.objects.filter(live=False)
    assert waiting.count() == 2 and all(q.workflow_in_progress for q in waiting)

    staff = StaffProfile.objects.get(user__username="staff")
    now = datetime.datetime(2026, 11, 24, 17, tzinfo=datetime.UTC)
    statuses = {line.status for line in required_modules(staff, now=now)}
    assert {ModuleStatus.PASSED, ModuleStatus.IN_PROGRESS, ModuleStatus.OVERDUE} <= statuses


def test_everything_in_the_library_folder_is_loaded(seeded):
    from drills.models import DrillScenarioPage
    from readyroom.library import read_library

    library = read_library()
    protocols = set(ProtocolPage.objects.live().values_list("slug", flat=True))
    assert {p.slug for p in library.protocols} <= protocols
    modules = {m.slug: m for m in TrainingModulePage.objects.live()}
    for spec in library.modules:
        bank_questions = Question.objects.filter(bank__in=modules[spec.slug].question_banks.all())
        assert bank_questions.count() == len(spec.questions.questions), spec.slug
    drills = set(DrillScenarioPage.objects.live().values_list("slug", flat=True))
    assert {s.slug for s in library.scenarios} <= drills
