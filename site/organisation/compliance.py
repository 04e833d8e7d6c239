"""The compliance row: the one shape every requirement reports, and the registry of providers.

Each domain app (certifications, training, drills) owns its own kind of requirement and
registers a provider in its AppConfig.ready(). The matrix, the dashboards and the reminder sweep
only ever read rows, so they work for every kind, including kinds added later.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from django.db.models import QuerySet

from organisation.selectors import profile_of
from organisation.status import Status

# How a row's date reads once it has passed: "was due 3 March", "expired 31 March".
PAST_DUE_WORDS = {"due": "was due", "expires": "expired"}
# A missing requirement's date, where it has one, is the day it has been missing since:
# "Missing since 3 March 2026" on every page and in the mail.
MISSING_SINCE_WORD = "since"


@dataclass(frozen=True, slots=True)
class ComplianceRow:
    """For this staff member, this requirement is current / due soon / overdue / missing."""

    staff_id: int
    kind: str  # the providing app's requirement kind: "certification", "training", "drill"
    requirement_key: str  # stable within the kind, e.g. "BLS" or a module's page id
    label: str
    status: Status
    due_on: date | None  # when it expires or falls due; None when missing with no due date
    url: str  # where the person goes to do what is required
    # What reminders and the calendar say, so nothing downstream branches on `kind`:
    action: str = ""  # what the person should do next, one sentence ("Upload your renewed card")
    note: str = ""  # what the person must know first, e.g. why their last card was rejected
    manager_action: str = ""  # what a manager should do ("Verify the uploaded card")
    manager_url: str = ""  # where a manager does it; empty: the person's staff record
    due_word: str = "due"  # "expires" for a card: "BLS expires on 31 March 2028"
    # What the kind knows beyond the status, shown beside its word ("quiz started"): never a
    # word of its own, so the requirement reads the same on every page.
    detail: str = ""

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def due_phrase(self) -> str:
        """The words before its date: "due", "expires"; once overdue "was due", "expired"."""
        if self.status is Status.OVERDUE:
            return PAST_DUE_WORDS.get(self.due_word, f"was {self.due_word}")
        if self.status is Status.MISSING:
            return MISSING_SINCE_WORD
        if self.status is Status.EXEMPT:
            return ""  # its date is the exemption's end: the word itself says "Exempt until"
        return self.due_word

    @property
    def key(self) -> tuple[int, str, str]:
        """Identifies the requirement for this person, whatever its status or due date."""
        return (self.staff_id, self.kind, self.requirement_key)

    @property
    def needs_action(self) -> bool:
        return self.status.needs_action

    @property
    def is_missing(self) -> bool:
        """Nothing is held; its date, when it has one, is the day it went missing."""
        return self.status is Status.MISSING

    @property
    def waits_on_manager(self) -> bool:
        """Nothing for the person to do: reminders go to managers only."""
        return self.status is Status.AWAITING_VERIFICATION


@dataclass(frozen=True, slots=True)
class Standings:
    """Where each person stands on one requirement: a column of a matrix over everyone.

    The same judgement as the requirement's ComplianceRows, without the words, held as two
    dicts by staff pk: a page over 10,000 people then holds a few dozen objects rather than
    one per person and requirement (allocating those, and the garbage collector walking
    them, was much of a page's time)."""

    kind: str
    requirement_key: str
    label: str
    status: dict[int, Status]  # staff pk -> status, for each person the requirement applies to
    due_on: dict[int, date | None]  # staff pk -> due date, for the same people

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def due_word(self) -> str:
        return _names.get(self.kind, KindNames(self.kind)).due_word


class Person(Protocol):
    """What a provider needs of a person: a StaffProfile, or a lighter line of plain values."""

    pk: int

    def local_date(self, now: datetime) -> date: ...


class Provider(Protocol):
    """Called with a batch of staff (to query in bulk), returns their rows."""

    def __call__(
        self, *, staff: Sequence[Person], now: datetime, as_of: date | None
    ) -> Iterable[ComplianceRow]: ...


class StandingsProvider(Protocol):
    """The same judgement as the kind's Provider, as Standings: for pages over everyone."""

    def __call__(
        self, *, staff: Sequence[Person], now: datetime, as_of: date | None
    ) -> Iterable[Standings]: ...


class Overlay(Protocol):
    """Changes what the kinds judged, after they judged it: an exemption granted by a manager
    (actions) turns any kind's requirement into "Exempt until <date>" for one person. Both
    methods must agree, as a kind's rows and standings do."""

    def rows(
        self, rows: list[ComplianceRow], *, staff: Sequence[Person], now: datetime, as_of
    ) -> list[ComplianceRow]: ...

    def standings(
        self, standings: list[Standings], *, staff: Sequence[Person], now: datetime, as_of
    ) -> list[Standings]: ...


@dataclass(frozen=True, slots=True)
class KindNames:
    """What people read for a kind: "Certification", and the word for its dates."""

    label: str
    due_word: str = "due"


_providers: dict[str, Provider] = {}
_standings_providers: dict[str, StandingsProvider] = {}
_names: dict[str, KindNames] = {}
_overlays: dict[str, Overlay] = {}


def register_overlay(name: str, overlay: Overlay) -> None:
    """Register an overlay (once, in an AppConfig.ready()); applied in name order."""
    _overlays[name] = overlay


def register_provider(
    kind: str,
    provider: Provider,
    *,
    standings: StandingsProvider | None = None,
    names: KindNames | None = None,
) -> None:
    """Register the provider of one requirement kind. Registering a kind twice is a mistake.

    `standings`, when given, must judge exactly as `provider` does; without it the kind's
    standings are read from its rows (the same statuses, at the cost of building every row).
    `names` is what pages and exports call the kind (without it, the kind's own key).
    """
    if kind in _providers and _providers[kind] is not provider:
        raise ValueError(f"A compliance provider for {kind!r} is already registered.")
    _providers[kind] = provider
    if standings is not None:
        _standings_providers[kind] = standings
    if names is not None:
        _names[kind] = names


def kind_label(kind: str) -> str:
    """The kind as people read it ("Certification"), never its key."""
    names = _names.get(kind)
    return str(names.label) if names is not None else kind


def registered_kinds() -> list[str]:
    return sorted(_providers)


@contextmanager
def provider_registered(
    kind: str, provider: Provider, *, standings: StandingsProvider | None = None
) -> Iterator[None]:
    """Register a provider for the length of a block (tests, one-off scripts)."""
    previous = _providers.get(kind), _standings_providers.pop(kind, None)
    _providers[kind] = provider
    if standings is not None:
        _standings_providers[kind] = standings
    try:
        yield
    finally:
        _providers.pop(kind, None)
        _standings_providers.pop(kind, None)
        if previous[0] is not None:
            _providers[kind] = previous[0]
        if previous[1] is not None:
            _standings_providers[kind] = previous[1]


# Above this many people in a plain list, a provider reads every row and keeps its people's
# in Python: an IN list of thousands of pks costs Django and the database more than the
# extra rows do.
BULK_THRESHOLD = 5000


def narrowed_to(rows: QuerySet, staff: Sequence[Person], *, field: str = "staff") -> QuerySet:
    """`rows` narrowed in the database to those whose `field` (a staff pk) is one of `staff`,
    as far as that is cheap: by the query the people were read with when they carry one
    (`people`, as StaffLines do), by their pks while they are few, otherwise not at all. The
    caller keeps only its people's rows in every case."""
    people = getattr(staff, "people", None)
    if people is not None:
        return rows.filter(**{f"{field}__in": people.values("pk")})
    if len(staff) <= BULK_THRESHOLD:
        return rows.filter(**{f"{field}__in": [p.pk for p in staff]})
    return rows


def compliance_rows(
    *,
    staff: Sequence[Person],
    now: datetime,
    as_of: date | None = None,
    kinds: Iterable[str] | None = None,
) -> list[ComplianceRow]:
    """Every registered provider's rows for `staff`, ordered by person, kind and due date.

    `as_of` fixes the date judged against for everyone (a manager looking at another day);
    without it each person is judged on their own location's date at `now`.
    """
    wanted = set(kinds) if kinds is not None else None
    staff = staff if isinstance(staff, list) else list(staff)
    rows: list[ComplianceRow] = []
    for kind in registered_kinds():
        if wanted is not None and kind not in wanted:
            continue
        rows.extend(_providers[kind](staff=staff, now=now, as_of=as_of))
    for name in sorted(_overlays):
        rows = _overlays[name].rows(rows, staff=staff, now=now, as_of=as_of)
    return sorted(rows, key=lambda r: (r.staff_id, r.kind, r.due_on or date.max, r.label))


def compliance_standings(
    *, staff: Sequence[Person], now: datetime, as_of: date | None = None
) -> list[Standings]:
    """Every registered kind's Standings for `staff`, one per requirement that applies to any
    of them, judged as `compliance_rows` judges, in no particular order."""
    staff = list(staff)
    found: list[Standings] = []
    for kind in registered_kinds():
        provide = _standings_providers.get(kind)
        if provide is not None:
            found.extend(provide(staff=staff, now=now, as_of=as_of))
            continue
        columns: dict[str, Standings] = {}
        for row in _providers[kind](staff=staff, now=now, as_of=as_of):
            column = columns.get(row.requirement_key)
            if column is None:
                column = columns[row.requirement_key] = Standings(
                    row.kind, row.requirement_key, row.label, {}, {}
                )
            column.status[row.staff_id] = row.status
            column.due_on[row.staff_id] = row.due_on
        found.extend(columns.values())
    for name in sorted(_overlays):
        found = _overlays[name].standings(found, staff=staff, now=now, as_of=as_of)
    return found


def judged_on(profile: Person, *, now: datetime, as_of: date | None) -> date:
    """The date a provider judges `profile` on: `as_of` when given, else their local today."""
    return as_of if as_of is not None else profile.local_date(now)


def due_for(user, *, now: datetime) -> list[ComplianceRow]:
    """What the user must act on (anything not current), soonest first, with what they are
    exempt from (so they know until when); [] without a profile or with an inactive one."""
    # The session's user brings their profile and its location (accounts.backends).
    profile = profile_of(user) if user.pk else None
    if profile is None or not profile.is_active:
        return []
    rows = [
        r
        for r in compliance_rows(staff=[profile], now=now)
        if r.needs_action or r.status is Status.EXEMPT
    ]
    return sorted(rows, key=lambda r: (r.due_on or date.min, r.label))
