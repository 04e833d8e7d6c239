"""What reminders are due today: built from compliance rows, so every requirement kind counts.

Planning reads only; it returns `Planned` reminders keyed like ledger rows. The sweep records
them, and re-plans at send time to check each claimed row is still due.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import QuerySet

from certifications.models import Reminder, ReminderPolicy
from certifications.models.reminders import NOBODY, Audience, ReminderStatus
from certifications.reminders.stages import Schedule, manager_stage, staff_stage
from organisation.compliance import ComplianceRow, compliance_rows, judged_on
from organisation.models import StaffProfile

NO_EMAIL = "{name} has no email address."
NO_MANAGER = "No active manager with an email address manages {locations}."


@dataclass
class Planned:
    recipient_key: str
    item_key: str
    due_key: str
    kind: str
    audience: str
    recipient: StaffProfile | None
    subject: StaffProfile | None
    label: str
    due_on: date | None
    url: str
    planned_on: date
    row: ComplianceRow | None = None
    problem: str = ""  # why it cannot be delivered; empty when it can
    digest_rows: list[tuple[StaffProfile, ComplianceRow]] = field(default_factory=list)

    @property
    def natural_key(self) -> tuple[str, str, str, str]:
        return (self.recipient_key, self.item_key, self.due_key, self.kind)

    @property
    def days_left(self) -> int | None:
        return (self.due_on - self.planned_on).days if self.due_on else None

    def to_ledger(self, *, now: datetime) -> Reminder:
        return Reminder(
            recipient_key=self.recipient_key,
            item_key=self.item_key,
            due_key=self.due_key,
            kind=self.kind,
            audience=self.audience,
            recipient=self.recipient,
            subject=self.subject,
            label=self.label[:200],
            due_on=self.due_on,
            url=self.url[:300],
            planned_on=self.planned_on,
            status=ReminderStatus.UNDELIVERABLE if self.problem else ReminderStatus.PENDING,
            last_error=self.problem[:500],
            created_at=now,
        )


def schedule_from(policy: ReminderPolicy) -> Schedule:
    return Schedule(
        offsets=tuple(policy.offsets),
        on_the_day=policy.on_the_day,
        overdue_every_days=policy.overdue_every_days,
        escalate_from_days=policy.escalate_from_days,
        escalate_when_overdue=policy.escalate_when_overdue,
    )


def _key(profile: StaffProfile) -> str:
    return f"staff:{profile.pk}"


def _item_key(row: ComplianceRow) -> str:
    return f"{row.staff_id}:{row.kind}:{row.requirement_key}"


def active_staff(staff_ids: Iterable[int] | None = None) -> QuerySet[StaffProfile]:
    people = StaffProfile.objects.filter(is_active=True, user__is_active=True).select_related(
        "user", "home_location"
    )
    if staff_ids is not None:
        people = people.filter(pk__in=list(staff_ids))
    return people.order_by("pk")


def _locations_by_staff() -> dict[int, set[int]]:
    # The whole link table in one query: flat however many staff there are.
    links: dict[int, set[int]] = defaultdict(set)
    for staff_id, location_id in StaffProfile.locations.through.objects.values_list(
        "staffprofile_id", "location_id"
    ):
        links[staff_id].add(location_id)
    return links


def _managers_by_location() -> tuple[dict[int, list[StaffProfile]], dict[int, set[int]]]:
    """location pk -> its active managers; manager pk -> the locations they manage."""
    managers = {p.pk: p for p in active_staff().filter(managed_locations__isnull=False).distinct()}
    by_location: dict[int, list[StaffProfile]] = defaultdict(list)
    managed: dict[int, set[int]] = defaultdict(set)
    for staff_id, location_id in StaffProfile.managed_locations.through.objects.values_list(
        "staffprofile_id", "location_id"
    ).order_by("staffprofile_id"):
        if staff_id in managers:
            by_location[location_id].append(managers[staff_id])
            managed[staff_id].add(location_id)
    return by_location, managed


def _location_names(location_ids: set[int]) -> str:
    from organisation.models import Location

    names = Location.objects.filter(pk__in=location_ids).values_list("name", flat=True)
    return ", ".join(sorted(names)) or "none of their locations (they have none)"


def plan_reminders(
    *,
    now: datetime,
    as_of: date | None = None,
    staff_ids: Iterable[int] | None = None,
    digest_for: Iterable[int] | None = None,
) -> list[Planned]:
    """Every reminder due on the day, one per item and recipient: the latest stage reached.

    Only active staff, and only requirements they still hold (the providers' rows). Managers
    get escalations from the policy's threshold and a weekly digest. A reminder with nobody to
    go to is planned too, with `problem` set, so it is recorded and reported, never dropped.
    `staff_ids` / `digest_for` narrow the plan (the sweep's re-check at send time).
    """
    policy = ReminderPolicy.load()
    schedule = schedule_from(policy)
    people_ids = None if staff_ids is None else set(staff_ids)
    managers_at, managed = _managers_by_location()
    locations_of = _locations_by_staff()
    if digest_for is not None and people_ids is not None:
        wanted_locations = set().union(*(managed.get(m, set()) for m in digest_for))
        people_ids |= {s for s, locs in locations_of.items() if locs & wanted_locations}
    people = {p.pk: p for p in active_staff(people_ids)}
    rows = compliance_rows(staff=list(people.values()), now=now, as_of=as_of)

    plan: list[Planned] = []
    unreachable_cache: dict[frozenset, str] = {}
    for row in rows:
        person = people[row.staff_id]
        today = judged_on(person, now=now, as_of=as_of)
        common = {
            "item_key": _item_key(row),
            "due_key": row.due_on.isoformat() if row.due_on else "-",
            "subject": person,
            "label": row.label,
            "due_on": row.due_on,
            "url": row.url,
            "planned_on": today,
            "row": row,
        }
        stage = staff_stage(due_on=row.due_on, today=today, schedule=schedule)
        if stage:
            plan.append(
                Planned(
                    recipient_key=_key(person),
                    kind=f"staff:{stage}",
                    audience=Audience.STAFF,
                    recipient=person,
                    problem="" if person.user.email else NO_EMAIL.format(name=person),
                    **common,
                )
            )
        stage = manager_stage(due_on=row.due_on, today=today, schedule=schedule)
        if not stage:
            continue
        locations = locations_of.get(person.pk, set())
        managers = {
            m.pk: m
            for loc in sorted(locations)
            for m in managers_at.get(loc, [])
            if m.pk != person.pk and m.user.email
        }
        for manager in managers.values():
            plan.append(
                Planned(
                    recipient_key=_key(manager),
                    kind=f"manager:{stage}",
                    audience=Audience.MANAGER,
                    recipient=manager,
                    **common,
                )
            )
        if not managers:
            frozen = frozenset(locations)
            if frozen not in unreachable_cache:
                unreachable_cache[frozen] = NO_MANAGER.format(locations=_location_names(locations))
            plan.append(
                Planned(
                    recipient_key=NOBODY,
                    kind=f"manager:{stage}",
                    audience=Audience.MANAGER,
                    recipient=None,
                    problem=unreachable_cache[frozen],
                    **common,
                )
            )

    if policy.digest_enabled:
        plan.extend(
            _digests(
                rows=rows,
                people=people,
                locations_of=locations_of,
                managed=managed,
                now=now,
                as_of=as_of,
                weekday=policy.digest_weekday,
                only=None if digest_for is None else set(digest_for),
            )
        )
    return plan


def _digests(*, rows, people, locations_of, managed, now, as_of, weekday, only) -> list[Planned]:
    """One digest per manager per week, of their locations' items that need action."""
    needing = defaultdict(list)  # location pk -> [(person, row)]
    for row in rows:
        if row.needs_action:
            for loc in locations_of.get(row.staff_id, ()):
                needing[loc].append((people[row.staff_id], row))
    manager_profiles = {
        p.pk: p for p in active_staff(managed.keys()) if only is None or p.pk in only
    }
    digests = []
    for manager_id, manager in manager_profiles.items():
        seen, items = set(), []
        for loc in sorted(managed[manager_id]):
            for person, row in needing.get(loc, ()):
                if row.key not in seen:
                    seen.add(row.key)
                    items.append((person, row))
        if not items:
            continue
        today = judged_on(manager, now=now, as_of=as_of)
        digest_on = today - timedelta(days=(today.weekday() - weekday) % 7)
        items.sort(key=lambda pr: (pr[1].due_on or date.min, pr[0].display_name))
        digests.append(
            Planned(
                recipient_key=_key(manager),
                item_key="digest",
                due_key=digest_on.isoformat(),
                kind="digest:weekly",
                audience=Audience.DIGEST,
                recipient=manager,
                subject=None,
                label="Weekly digest",
                due_on=digest_on,
                url="",
                planned_on=today,
                problem="" if manager.user.email else NO_EMAIL.format(name=manager),
                digest_rows=items,
            )
        )
    return digests
