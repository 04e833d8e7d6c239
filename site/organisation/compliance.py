"""The compliance row: the one shape every requirement reports, and the registry of providers.

Each domain app (certifications, training, drills) owns its own kind of requirement and
registers a provider in its AppConfig.ready(). The matrix, the dashboards and the reminder sweep
only ever read rows, so they work for every kind, including kinds added later.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from django.utils.translation import gettext_lazy as _

from organisation.models import StaffProfile


class Status(StrEnum):
    CURRENT = "current"
    DUE_SOON = "due_soon"
    # The person has done their part (a card is uploaded) but nobody has checked it yet: not
    # compliant, and the next step is a manager's, not theirs.
    AWAITING_VERIFICATION = "awaiting"
    OVERDUE = "overdue"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])


STATUS_LABELS = {
    Status.CURRENT: _("Current"),
    Status.DUE_SOON: _("Due soon"),
    Status.AWAITING_VERIFICATION: _("Awaiting verification"),
    Status.OVERDUE: _("Overdue"),
    Status.MISSING: _("Missing"),
}


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

    @property
    def key(self) -> tuple[int, str, str]:
        """Identifies the requirement for this person, whatever its status or due date."""
        return (self.staff_id, self.kind, self.requirement_key)

    @property
    def needs_action(self) -> bool:
        return self.status is not Status.CURRENT

    @property
    def waits_on_manager(self) -> bool:
        """Nothing for the person to do: reminders go to managers only."""
        return self.status is Status.AWAITING_VERIFICATION


class Provider(Protocol):
    """Called with a batch of staff (to query in bulk), returns their rows."""

    def __call__(
        self, *, staff: Sequence[StaffProfile], now: datetime, as_of: date | None
    ) -> Iterable[ComplianceRow]: ...


_providers: dict[str, Provider] = {}


def register_provider(kind: str, provider: Provider) -> None:
    """Register the provider of one requirement kind. Registering a kind twice is a mistake."""
    if kind in _providers and _providers[kind] is not provider:
        raise ValueError(f"A compliance provider for {kind!r} is already registered.")
    _providers[kind] = provider


def registered_kinds() -> list[str]:
    return sorted(_providers)


@contextmanager
def provider_registered(kind: str, provider: Provider) -> Iterator[None]:
    """Register a provider for the length of a block (tests, one-off scripts)."""
    previous = _providers.get(kind)
    _providers[kind] = provider
    try:
        yield
    finally:
        if previous is None:
            del _providers[kind]
        else:
            _providers[kind] = previous


def compliance_rows(
    *,
    staff: Sequence[StaffProfile],
    now: datetime,
    as_of: date | None = None,
    kinds: Iterable[str] | None = None,
) -> list[ComplianceRow]:
    """Every registered provider's rows for `staff`, ordered by person, kind and due date.

    `as_of` fixes the date judged against for everyone (a manager looking at another day);
    without it each person is judged on their own location's date at `now`.
    """
    wanted = set(kinds) if kinds is not None else None
    staff = list(staff)
    rows: list[ComplianceRow] = []
    for kind in registered_kinds():
        if wanted is not None and kind not in wanted:
            continue
        rows.extend(_providers[kind](staff=staff, now=now, as_of=as_of))
    return sorted(rows, key=lambda r: (r.staff_id, r.kind, r.due_on or date.max, r.label))


def judged_on(profile: StaffProfile, *, now: datetime, as_of: date | None) -> date:
    """The date a provider judges `profile` on: `as_of` when given, else their local today."""
    return as_of if as_of is not None else profile.local_date(now)


def due_for(user, *, now: datetime) -> list[ComplianceRow]:
    """What the user must act on (anything not current), soonest first; [] without a profile."""
    profile = StaffProfile.objects.filter(user=user, is_active=True).first() if user.pk else None
    if profile is None:
        return []
    rows = [r for r in compliance_rows(staff=[profile], now=now) if r.needs_action]
    return sorted(rows, key=lambda r: (r.due_on or date.min, r.label))
