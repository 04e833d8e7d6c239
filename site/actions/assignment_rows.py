"""Assignments as compliance rows of one kind, "assigned" (keys "module:..." / "drill:..."), so
the home page, My training, My drills, the staff record, the matrix and the reminders treat
an assignment as every other requirement (organisation.compliance's registry). One query
for the assignments, and one or two for what was done only when there are any."""

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from actions.models import Assignment, AssignmentWhat
from drills.selectors import completions
from organisation.compliance import ComplianceRow, KindNames, Person, judged_on, narrowed_to
from organisation.status import Status
from training.selectors import last_passes

KIND = "assigned"
NAMES = KindNames(_("Assigned"))
# A done assignment stays on show (as current) this long after its due date, then drops off:
# the audit trail keeps it, and the matrix does not gain a column per assignment for ever.
DONE_SHOWN_FOR = timedelta(days=90)
ACTIONS = {
    AssignmentWhat.MODULE: ("Work through the module and pass its quiz", "Check in on it"),
    AssignmentWhat.DRILL: ("Run the drill to its end", "Check in on it"),
}


def _done_on(assignments: list[Assignment], staff: Sequence[Person]) -> dict[tuple[int, int], date]:
    """(staff pk, page pk) -> the latest day the module was passed or the drill finished."""
    people = {p.pk: p for p in staff}
    modules = {a.page_id for a in assignments if a.what == AssignmentWhat.MODULE}
    drills = {a.page_id for a in assignments if a.what == AssignmentWhat.DRILL}
    done: dict[tuple[int, int], date] = {}
    if modules:
        done.update(last_passes(staff, sorted(modules)))
    if drills:
        for (staff_id, page_id), runs in completions(staff, sorted(drills)).items():
            person = people[staff_id]
            days = [
                person.local_date(when) if isinstance(when, datetime) else when
                for when, _score, _all_hit in runs
            ]
            done[(staff_id, page_id)] = max(days)
    return done


def assigned_rows(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[ComplianceRow]:
    """The compliance provider: a row per assignment of each person (done ones for a while
    after their due date)."""
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    wanted = {p.pk: p for p in staff}
    assignments = [
        a
        for a in narrowed_to(Assignment.objects.all(), staff).order_by("due_on", "pk")
        if a.staff_id in wanted
    ]
    if not assignments:
        return []
    done = _done_on(assignments, staff)
    urls = {
        page.pk: page.get_url() or ""
        for page in Page.objects.filter(pk__in={a.page_id for a in assignments})
    }
    found = []
    for assignment in assignments:
        action, manager_action = ACTIONS[assignment.what]
        person = wanted[assignment.staff_id]
        day = judged_on(person, now=now, as_of=as_of)
        last = done.get((assignment.staff_id, assignment.page_id))
        if last is not None and last >= assignment.assigned_on:
            if day > assignment.due_on + DONE_SHOWN_FOR:
                continue
            # Done: nothing falls due again, so no date (and no reminder).
            status, due_on = Status.CURRENT, None
        else:
            # Set to be done by a date: due from the day it is set, overdue the day after.
            status = Status.OVERDUE if day > assignment.due_on else Status.DUE_SOON
            due_on = assignment.due_on
        found.append(
            ComplianceRow(
                staff_id=assignment.staff_id,
                kind=KIND,
                requirement_key=assignment.requirement_key,
                label=assignment.title,
                status=status,
                due_on=due_on,
                url=urls.get(assignment.page_id, ""),
                action=action,
                manager_action=manager_action,
                detail=f"assigned {assignment.assigned_on:%-d %b}",
            )
        )
    return found
