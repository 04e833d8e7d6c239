"""The "drill" compliance provider: one row per required scenario per person."""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime

from django.utils.translation import gettext_lazy as _

from drills.models import DrillRequirement, DrillScenarioPage
from drills.selectors import completions
from organisation.compliance import (
    ComplianceRow,
    KindNames,
    Person,
    Standings,
    judged_on,
    narrowed_to,
)
from organisation.models import StaffProfile
from organisation.status import Judged, Status, add_months, due_soon_days, judge_due, per_person

KIND = "drill"
NAMES = KindNames(_("Drill"))
# What a drill row asks of the person (and their manager), by status.
ACTIONS = {
    Status.MISSING: "Run the drill scenario, on your own or in a team drill",
    Status.OVERDUE: "Run the drill scenario again, on your own or in a team drill",
    Status.DUE_SOON: "Run the drill scenario again before it falls due",
    Status.CURRENT: "Run the drill scenario again before it falls due",
}
MANAGER_ACTIONS = {
    Status.MISSING: "Schedule a team drill",
    Status.OVERDUE: "Schedule a team drill",
    Status.DUE_SOON: "Schedule a team drill",
    Status.CURRENT: "",
}


def _local(when: datetime | date, profile: Person) -> date:
    return profile.local_date(when) if isinstance(when, datetime) else when


def _judged(
    staff: list[Person], *, now: datetime, as_of: date | None
) -> list[Judged[DrillScenarioPage, Status]]:
    """Each scenario a person's roles require: current until `every_months` after their last
    completion that met the bar (a run with the score or all critical actions, or a team drill
    whose required checklist items were done). Four queries whatever the number of people;
    the judgement behind both rows and standings."""
    requirements = list(DrillRequirement.objects.select_related("page"))
    if not requirements:
        return []
    by_role: dict[int, list[DrillRequirement]] = defaultdict(list)
    for requirement in requirements:
        by_role[requirement.role_id].append(requirement)
    wanted_staff = {p.pk for p in staff}
    roles: dict[int, set[int]] = defaultdict(set)
    links = narrowed_to(StaffProfile.roles.through.objects.all(), staff, field="staffprofile")
    for staff_id, role_id in links.values_list("staffprofile_id", "jobrole_id"):
        if staff_id in wanted_staff:
            roles[staff_id].add(role_id)
    done = completions(staff, sorted({r.page_id for r in requirements}))
    judged: dict[int, Judged[DrillScenarioPage, Status]] = {}
    soon = due_soon_days()
    for profile in staff:
        day = judged_on(profile, now=now, as_of=as_of)
        # A person with two roles needing the same scenario gets the stricter requirement.
        wanted: dict[int, DrillRequirement] = {}
        for role_id in roles.get(profile.pk, ()):
            for requirement in by_role.get(role_id, ()):
                held = wanted.get(requirement.page_id)
                if held is None or requirement.every_months < held.every_months:
                    wanted[requirement.page_id] = requirement
        for page_id, requirement in sorted(wanted.items()):
            latest = None
            for when, score, all_hit in done.get((profile.pk, page_id), ()):
                counts = score is None or requirement.counts(score=score, all_critical_hit=all_hit)
                on = _local(when, profile)
                if counts and on <= day and (latest is None or on > latest):
                    latest = on
            due_on = add_months(latest, requirement.every_months) if latest else None
            found = judged.get(page_id)
            if found is None:
                found = judged[page_id] = Judged(requirement.page, {}, {})
            found.status[profile.pk] = judge_due(due_on=due_on, as_of=day, due_soon_days=soon)
            found.due_on[profile.pk] = due_on
    return [judged[page_id] for page_id in sorted(judged)]


def drill_rows(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[ComplianceRow]:
    """The compliance provider: a row per required scenario per person (see _judged)."""
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    judged = _judged(staff, now=now, as_of=as_of)
    urls = {found.requirement.pk: found.requirement.url or "" for found in judged}  # once each

    def row(profile: Person, found: Judged[DrillScenarioPage, Status], status: Status):
        page = found.requirement
        return ComplianceRow(
            staff_id=profile.pk,
            kind=KIND,
            requirement_key=str(page.pk),
            label=page.title,
            status=status,
            due_on=found.due_on[profile.pk],
            url=urls[page.pk],
            action=ACTIONS[status],
            manager_action=MANAGER_ACTIONS[status],
        )

    return per_person(staff, judged, row)


def drill_standings(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[Standings]:
    """The provider's judgement as Standings (a column per required scenario), for pages over
    everyone: the same statuses and dates as `drill_rows`, without the words."""
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    return [
        Standings(
            KIND, str(found.requirement.pk), found.requirement.title, found.status, found.due_on
        )
        for found in _judged(staff, now=now, as_of=as_of)
    ]
