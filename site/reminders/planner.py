"""What reminders are due: built from compliance rows, so every requirement kind counts.

Planning reads only; it returns `Planned` reminders keyed like ledger rows. The sweep records
them, and re-plans at send time to check each claimed row is still due.

Who hears of an item (the tiers are the policy's):
- the person, at each stage before and after the due date (not while the next step is a
  manager's, such as verifying an uploaded card);
- their managers from `escalate_from_days` before, and when overdue;
- regional managers (who manage more than one location) when overdue more than
  `regional_after_days`; where a location has no manager of its own they are its managers;
- the medical directors when overdue more than `directors_after_days`.
An escalation with nobody to go to is planned with `problem` set: it is recorded as
undeliverable and raises an alert, never dropped.

A location's own items (an emergency kit's check, a kit item's expiry:
organisation.location_items) have no person: their providers say the stage reached, and the
location's managers hear of them (its regional managers where it has none of its own).
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from hashlib import sha1

from django.db.models import QuerySet

from organisation import groups
from organisation.compliance import ComplianceRow, compliance_rows, judged_on
from organisation.location_items import LocationItem, location_items
from organisation.models import Location, StaffProfile
from organisation.status import Status
from reminders.models import NOBODY, Audience, Reminder, ReminderPolicy, ReminderStatus
from reminders.stages import (
    Schedule,
    director_stage,
    manager_stage,
    regional_stage,
    staff_stage,
)

NO_EMAIL = "{name} has no email address."
NO_MANAGER = "No active manager with an email address manages {locations}."
NO_DIRECTOR = "No active medical director with an email address to escalate to."


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
    row: ComplianceRow | LocationItem | None = None
    problem: str = ""  # why it cannot be delivered; empty when it can
    location_id: int | None = None  # a location item's location (it has no subject)
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
            location_id=self.location_id,
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
        regional_after_days=policy.regional_after_days,
        directors_after_days=policy.directors_after_days,
    )


def recipient_key(profile: StaffProfile) -> str:
    return f"staff:{profile.pk}"


def _item_key(row: ComplianceRow) -> str:
    return f"{row.staff_id}:{row.kind}:{row.requirement_key}"


LOCATION_ITEM = "location:"


def _location_item_key(item: LocationItem) -> str:
    return f"{LOCATION_ITEM}{item.location_id}:{item.kind}:{item.key}"


def location_of_item(item_key: str) -> int | None:
    """The location a location item's ledger key names; None for a person's item."""
    if not item_key.startswith(LOCATION_ITEM):
        return None
    return int(item_key.removeprefix(LOCATION_ITEM).split(":", 1)[0])


def active_staff(staff_ids: Iterable[int] | None = None) -> QuerySet[StaffProfile]:
    people = StaffProfile.objects.filter(is_active=True, user__is_active=True).select_related(
        "user", "home_location"
    )
    if staff_ids is not None:
        people = people.filter(pk__in=list(staff_ids))
    return people.order_by("pk")


@dataclass
class Chain:
    """Who manages where, read once per plan: flat however many staff there are."""

    locations_of: dict[int, set[int]]  # staff pk -> their locations
    local: dict[int, list[StaffProfile]]  # location pk -> managers of that location alone
    regional: dict[int, list[StaffProfile]]  # location pk -> managers of several locations
    managed: dict[int, set[int]]  # manager pk -> the locations they manage
    directors: list[StaffProfile]

    def managers_of(self, person: StaffProfile) -> list[StaffProfile]:
        """The person's own managers: local ones, or the regional ones where a location has
        no manager of its own. Never the person themselves."""
        found: dict[int, StaffProfile] = {}
        for loc in sorted(self.locations_of.get(person.pk, ())):
            local = [m for m in self.local.get(loc, []) if m.pk != person.pk]
            for manager in local or self.regional.get(loc, []):
                if manager.pk != person.pk:
                    found[manager.pk] = manager
        return list(found.values())

    def managers_at(self, location_id: int) -> list[StaffProfile]:
        """A location's own managers, or its regional ones where it has none of its own."""
        return list(self.local.get(location_id, []) or self.regional.get(location_id, []))

    def regional_managers_of(self, person: StaffProfile) -> list[StaffProfile]:
        found: dict[int, StaffProfile] = {}
        for loc in sorted(self.locations_of.get(person.pk, ())):
            for manager in self.regional.get(loc, []):
                if manager.pk != person.pk:
                    found[manager.pk] = manager
        return list(found.values())


def chain_of_command() -> Chain:
    locations_of: dict[int, set[int]] = defaultdict(set)
    for staff_id, location_id in StaffProfile.locations.through.objects.values_list(
        "staffprofile_id", "location_id"
    ):
        locations_of[staff_id].add(location_id)
    links = list(
        StaffProfile.managed_locations.through.objects.values_list(
            "staffprofile_id", "location_id"
        ).order_by("staffprofile_id", "location_id")
    )
    managed: dict[int, set[int]] = defaultdict(set)
    for staff_id, location_id in links:
        managed[staff_id].add(location_id)
    people = {
        p.pk: p for p in active_staff(managed.keys()).exclude(user__email="")
    }  # a manager without an address cannot be escalated to
    local: dict[int, list[StaffProfile]] = defaultdict(list)
    regional: dict[int, list[StaffProfile]] = defaultdict(list)
    for staff_id, location_id in links:
        if staff_id in people:
            tier = regional if len(managed[staff_id]) > 1 else local
            tier[location_id].append(people[staff_id])
    directors = list(
        active_staff()
        .filter(user__groups__name=groups.MEDICAL_DIRECTORS)
        .exclude(user__email="")
        .distinct()
    )
    return Chain(locations_of, local, regional, managed, directors)


def _planned(audience: str, stage: str, recipient, problem: str = "", *, common: dict) -> Planned:
    return Planned(
        recipient_key=recipient_key(recipient) if recipient else NOBODY,
        kind=f"{audience}:{stage}",
        audience=audience,
        recipient=recipient,
        problem=problem,
        **common,
    )


def _location_names(location_ids: set[int]) -> str:
    names = Location.objects.filter(pk__in=location_ids).values_list("name", flat=True)
    return ", ".join(sorted(names)) or "none of their locations (they have none)"


def plan_reminders(
    *,
    now: datetime,
    as_of: date | None = None,
    staff_ids: Iterable[int] | None = None,
    digest_for: Iterable[int] | None = None,
    chain: Chain | None = None,
    location_ids: Iterable[int] | None = None,
) -> list[Planned]:
    """Every reminder due on the day, one per item and recipient: the latest stage reached.

    Only active staff, and only requirements they still hold (the providers' rows).
    `staff_ids` / `digest_for` / `location_ids` narrow the plan (the sweep's re-check at send
    time: a narrowed plan has locations' items only for `location_ids`); `chain` is who
    manages where when the caller has read it already (once per sweep, not per batch).
    """
    policy = ReminderPolicy.load()
    schedule = schedule_from(policy)
    people_ids = None if staff_ids is None else set(staff_ids)
    chain = chain or chain_of_command()
    if digest_for is not None and people_ids is not None:
        wanted = set().union(*(chain.managed.get(m, set()) for m in digest_for))
        people_ids |= {s for s, locs in chain.locations_of.items() if locs & wanted}
    people = {p.pk: p for p in active_staff(people_ids)}
    rows = compliance_rows(staff=list(people.values()), now=now, as_of=as_of)

    plan: list[Planned] = []
    nobody_cache: dict[frozenset, str] = {}
    for row in rows:
        if row.status is Status.EXEMPT:
            continue  # excused by a manager until a date: nobody is reminded or escalated
        if row.status is Status.CURRENT and row.due_on is None:
            continue  # done for good (an assignment passed): nothing will fall due
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

        planned = partial(_planned, common=common)

        stage = (
            None
            if row.waits_on_manager
            else staff_stage(
                due_on=row.due_on, today=today, schedule=schedule, missing=row.is_missing
            )
        )
        if row.note and not row.waits_on_manager:
            # Something new to tell (a rejected card and why): a reminder of its own, sent
            # once per note, even where the item had been reminded at this stage already.
            stage = f"{stage or 'notice'}:n{sha1(row.note.encode()).hexdigest()[:8]}"
        if stage:
            problem = "" if person.user.email else NO_EMAIL.format(name=person)
            plan.append(planned(Audience.STAFF, stage, person, problem))

        stage = manager_stage(
            due_on=row.due_on, today=today, schedule=schedule, missing=row.is_missing
        )
        if row.waits_on_manager and stage is None:
            stage = "awaiting"  # a card to verify is a manager's job whenever it arrives
        if stage:
            managers = chain.managers_of(person)
            plan.extend(planned(Audience.MANAGER, stage, m) for m in managers)
            if not managers:
                locations = frozenset(chain.locations_of.get(person.pk, set()))
                if locations not in nobody_cache:
                    nobody_cache[locations] = NO_MANAGER.format(
                        locations=_location_names(set(locations))
                    )
                plan.append(planned(Audience.MANAGER, stage, None, nobody_cache[locations]))

        stage = regional_stage(
            due_on=row.due_on, today=today, schedule=schedule, missing=row.is_missing
        )
        if stage:
            own = {m.pk for m in chain.managers_of(person)}
            plan.extend(
                planned(Audience.REGIONAL, stage, m)
                for m in chain.regional_managers_of(person)
                if m.pk not in own  # they already hear of it as the person's manager
            )

        stage = director_stage(
            due_on=row.due_on, today=today, schedule=schedule, missing=row.is_missing
        )
        if stage:
            directors = [d for d in chain.directors if d.pk != person.pk]
            plan.extend(planned(Audience.DIRECTOR, stage, d) for d in directors)
            if not directors:
                plan.append(planned(Audience.DIRECTOR, stage, None, NO_DIRECTOR))

    if staff_ids is None or location_ids is not None:
        plan.extend(
            _location_reminders(
                now=now, as_of=as_of, chain=chain, only=None if staff_ids is None else location_ids
            )
        )

    plan.extend(_nudges(rows=rows, people=people, now=now, as_of=as_of))
    if policy.digest_enabled:
        plan.extend(
            _digests(
                rows=rows,
                people=people,
                chain=chain,
                now=now,
                as_of=as_of,
                weekday=policy.digest_weekday,
                only=None if digest_for is None else set(digest_for),
            )
        )
    return plan


def _location_reminders(
    *, now: datetime, as_of: date | None, chain: Chain, only: Iterable[int] | None
) -> list[Planned]:
    """The location items' reminders to each location's managers; with no manager to tell,
    one undeliverable reminder that raises an alert."""
    locations = Location.objects.all() if only is None else Location.objects.filter(pk__in=only)
    plan: list[Planned] = []
    for item in location_items(locations=list(locations), now=now, as_of=as_of):
        common = {
            "item_key": _location_item_key(item),
            "due_key": item.due_on.isoformat(),
            "subject": None,
            "location_id": item.location_id,
            "label": item.label,
            "due_on": item.due_on,
            "url": item.manager_url,
            "planned_on": item.judged_on,
            "row": item,
        }
        managers = chain.managers_at(item.location_id)
        plan.extend(_planned(Audience.MANAGER, item.stage, m, common=common) for m in managers)
        if not managers:
            problem = NO_MANAGER.format(locations=item.location_name)
            plan.append(_planned(Audience.MANAGER, item.stage, None, problem, common=common))
    return plan


def _digests(*, rows, people, chain: Chain, now, as_of, weekday, only) -> list[Planned]:
    """One digest per manager per week, of their locations' items that need action. It goes
    out inside that day's message to the manager."""
    needing = defaultdict(list)  # location pk -> [(person, row)]
    for row in rows:
        if row.needs_action:
            for loc in chain.locations_of.get(row.staff_id, ()):
                needing[loc].append((people[row.staff_id], row))
    managers = {p.pk: p for p in active_staff(chain.managed.keys()) if only is None or p.pk in only}
    digests = []
    for manager_id, manager in managers.items():
        seen, items = set(), []
        for loc in sorted(chain.managed[manager_id]):
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
                recipient_key=recipient_key(manager),
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


# A manager's one-off reminder about one item (actions' nudge): recorded in the ledger by
# reminders.services.record_nudge, keyed by the person's date it was asked on (so one a day).
NUDGE = "staff:nudge"


def _nudges(*, rows, people, now, as_of) -> list[Planned]:
    """The nudges waiting to go, for items that still need action: planned here so the
    sweep's re-check at send time keeps them, and cancels one whose item was done (or
    exempted) in the meantime."""
    waiting = Reminder.objects.filter(
        kind=NUDGE,
        subject_id__in=list(people),
        status__in=[ReminderStatus.PENDING, ReminderStatus.FAILED, ReminderStatus.SENDING],
    ).values_list("item_key", "due_key")
    asked: dict[str, list[str]] = defaultdict(list)
    for item_key, due_key in waiting:
        asked[item_key].append(due_key)
    if not asked:
        return []
    found = []
    for row in rows:
        if not row.needs_action:
            continue
        for due_key in asked.get(_item_key(row), ()):
            person = people[row.staff_id]
            found.append(
                Planned(
                    recipient_key=recipient_key(person),
                    item_key=_item_key(row),
                    due_key=due_key,
                    kind=NUDGE,
                    audience=Audience.STAFF,
                    recipient=person,
                    subject=person,
                    label=row.label,
                    due_on=row.due_on,
                    url=row.url,
                    planned_on=judged_on(person, now=now, as_of=as_of),
                    row=row,
                    problem="" if person.user.email else NO_EMAIL.format(name=person),
                )
            )
    return found
