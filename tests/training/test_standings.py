"""The training provider's standings (what the dashboard counts) say what its rows say."""

import datetime

from organisation.models import Location
from organisation.selectors import active_staff_at, staff_lines
from tests.factories import StaffProfileFactory
from tests.factories.training import correct_answers, wrong_answers
from training import selectors, services


def take(staff, module, when, *, right=True):
    attempt = services.start_attempt(staff=staff, module=module, now=when)
    answers = correct_answers(attempt) if right else wrong_answers(attempt)
    return services.submit_attempt(attempt=attempt, answers=answers, now=when)


def test_standings_say_what_the_rows_say(module, brookline, laser_tech, now):
    people = [StaffProfileFactory(home_location=brookline, roles=[laser_tech]) for _ in range(5)]
    StaffProfileFactory(home_location=brookline)  # no role: no module
    recent, lapsed, failed, started, _never = people
    take(recent, module, now - datetime.timedelta(days=20))
    take(lapsed, module, now - datetime.timedelta(days=800))
    take(failed, module, now - datetime.timedelta(days=2), right=False)
    services.start_attempt(staff=started, module=module, now=now)
    rows = {
        (r.staff_id, r.requirement_key): (r.status, r.due_on)
        for r in selectors.training_rows(staff=people, now=now, as_of=None)
    }
    assert len({status for status, _ in rows.values()}) >= 3  # current, overdue, missing

    lines = staff_lines(active_staff_at(Location.objects.filter(pk=brookline.pk)))
    (column,) = selectors.training_standings(staff=lines, now=now, as_of=None)
    assert (column.kind, column.label) == ("training", module.title)
    assert {
        (pk, column.requirement_key): (status, column.due_on[pk])
        for pk, status in column.status.items()
    } == rows
