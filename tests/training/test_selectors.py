"""My-training lines, the compliance provider, and the reads left for the manager dashboard."""

import datetime

import pytest

from organisation.compliance import Status, compliance_rows
from tests.factories import StaffProfileFactory
from tests.factories.training import (
    TrainingRequirementFactory,
    correct_answers,
    module_with_questions,
    wrong_answers,
)
from training import selectors, services
from training.status import ModuleStatus, judge_module

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def take(staff, module, now, *, right=True):
    attempt = services.start_attempt(staff=staff, module=module, now=now)
    answers = correct_answers(attempt) if right else wrong_answers(attempt)
    return services.submit_attempt(attempt=attempt, answers=answers, now=now)


def test_judge_module_from_not_started_to_overdue():
    until = datetime.date(2026, 6, 30)
    judge = lambda as_of, **kw: judge_module(  # noqa: E731
        valid_until=kw.get("until", until),
        attempted=kw.get("attempted", True),
        as_of=as_of,
        due_soon_days=30,
    )
    assert judge(until, until=None, attempted=False) is ModuleStatus.NOT_STARTED
    assert judge(until, until=None) is ModuleStatus.IN_PROGRESS
    assert judge(until - 31 * DAY) is ModuleStatus.PASSED
    assert judge(until - 30 * DAY) is ModuleStatus.DUE_SOON
    assert judge(until) is ModuleStatus.DUE_SOON
    assert judge(until + DAY) is ModuleStatus.OVERDUE


def test_required_modules_follow_the_persons_roles(module, training_index, sam, now):
    module_with_questions(training_index, title="Not required of anyone")
    (line,) = selectors.required_modules(sam, now=now)
    assert line.module.pk == module.pk and line.status is ModuleStatus.NOT_STARTED


def test_failed_attempt_is_in_progress_with_best_score(module, sam, now):
    take(sam, module, now, right=False)
    (line,) = selectors.required_modules(sam, now=now)
    assert line.status is ModuleStatus.IN_PROGRESS and line.best_percent == 0
    assert line.certificate is None


def test_requirement_recurrence_overrides_the_modules(module, laser_tech, sam, now):
    take(sam, module, now)
    requirement = module.requirements.get(role=laser_tech)
    requirement.valid_for_months = 6
    requirement.save()
    (line,) = selectors.required_modules(sam, now=now)
    assert line.valid_until == datetime.date(2026, 9, 3)
    assert line.valid_for_months == 6


def test_expired_pass_is_overdue_and_the_latest_pass_counts(module, sam, now):
    take(sam, module, now - datetime.timedelta(days=800))
    (line,) = selectors.required_modules(sam, now=now)
    assert line.status is ModuleStatus.OVERDUE
    retake = take(sam, module, now)
    (line,) = selectors.required_modules(sam, now=now)
    assert line.status is ModuleStatus.PASSED and line.certificate.pk == retake.pk


def test_provider_reports_rows_with_the_module_url(module, sam, lee, now):
    take(sam, module, now - datetime.timedelta(days=350))
    rows = {r.staff_id: r for r in compliance_rows(staff=[sam, lee], now=now, kinds=["training"])}
    assert rows[sam.pk].status is Status.DUE_SOON
    assert rows[sam.pk].due_on == datetime.date(2026, 3, 18)
    assert rows[sam.pk].url == module.url and rows[sam.pk].requirement_key == str(module.pk)
    assert rows[lee.pk].status is Status.MISSING and rows[lee.pk].due_on is None
    # What to do, in the clinic's words, so reminders never branch on the kind.
    assert rows[sam.pk].action == selectors.ACTIONS[ModuleStatus.DUE_SOON]
    assert rows[lee.pk].action == "Work through the module and pass its quiz"
    assert rows[lee.pk].manager_action and rows[lee.pk].due_word == "due"


def test_provider_skips_unpublished_modules_and_people_without_the_role(module, brookline, now):
    outsider = StaffProfileFactory(home_location=brookline)
    assert selectors.training_rows(staff=[outsider], now=now, as_of=None) == []
    module.unpublish()
    assert selectors.training_rows(staff=[], now=now, as_of=None) == []


def test_provider_query_count_does_not_grow_with_staff(
    module, laser_tech, brookline, now, django_assert_max_num_queries
):
    staff = [StaffProfileFactory(home_location=brookline, roles=[laser_tech]) for _ in range(20)]
    for person in staff[:5]:
        take(person, module, now)
    with django_assert_max_num_queries(4):
        rows = selectors.training_rows(staff=staff, now=now, as_of=None)
    assert len(rows) == 20


def test_two_roles_requiring_one_module_use_the_shorter_recurrence(module, sam, now):
    other = StaffProfileFactory().roles.model.objects.create(slug="injector", name="Injector")
    sam.roles.add(other)
    TrainingRequirementFactory(role=other, module=module, valid_for_months=3)
    take(sam, module, now)
    (line,) = selectors.required_modules(sam, now=now)
    assert line.valid_until == datetime.date(2026, 6, 3)


def test_dashboard_reads_are_scoped_by_viewer(module, sam, maria, marcus, now):
    take(sam, module, now, right=False)
    take(sam, module, now + datetime.timedelta(minutes=5))
    assert selectors.attempts_for_staff(maria.user, sam.pk).count() == 2
    assert selectors.attempts_for_staff(marcus.user, sam.pk).count() == 0
    assert sum(selectors.score_distribution(maria.user, module_id=module.pk)) == 2
    assert selectors.score_distribution(maria.user, module_id=module.pk)[-1] == 1
    assert sum(selectors.score_distribution(marcus.user, module_id=module.pk)) == 0
    assert [(s["attempts"], s["passes"]) for s in selectors.module_summaries(maria.user)] == [
        (2, 1)
    ]
    assert list(selectors.module_summaries(marcus.user)) == []


def test_training_is_a_registered_compliance_kind():
    from organisation.compliance import registered_kinds

    assert "training" in registered_kinds()
