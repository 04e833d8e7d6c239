"""Items a location holds rather than a person (an emergency kit's weekly check, a kit item's
expiry), as the reminder sweep reads them: the registry of their providers.

A compliance row (organisation.compliance) is one person's; these are a location's, and the
sweep tells the location's managers of them. A domain app registers a provider in its
AppConfig.ready(); the provider decides the reminder stage an item has reached on the
location's own date, so each kind keeps its own rhythm (a weekly check, 30 days before an
expiry) while the ledger, the mail and the alerts stay the sweep's.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from organisation.models import Location
from organisation.status import Status


@dataclass(frozen=True, slots=True)
class LocationItem:
    """One thing at one location a manager must act on, at the reminder stage it reached."""

    location_id: int
    location_name: str
    kind: str  # the providing app's kind: "kit"
    key: str  # stable within the kind and location, e.g. "check:12" or "item:40"
    label: str  # "Anaphylaxis kit, Room 2: weekly check"
    due_on: date
    judged_on: date  # the location's date the stage was judged on
    stage: str  # the reminder stage reached: "before-30", "due-today" (reminders.stages)
    manager_url: str  # where a manager does it
    status: Status  # in the status toolkit's words, as the kind's own pages show it
    manager_action: str = ""
    due_word: str = "due"  # "expires" for an item's expiry
    # What the reminder mail reads of a compliance row, answered for a location's item:
    # nothing waits on anyone but the manager, and there is no person to tell.
    waits_on_manager: bool = False
    action: str = ""
    note: str = ""


class LocationItemProvider(Protocol):
    def __call__(
        self, *, locations: Sequence[Location], now: datetime, as_of: date | None
    ) -> Iterable[LocationItem]: ...


_providers: dict[str, LocationItemProvider] = {}


def register_location_provider(kind: str, provider: LocationItemProvider) -> None:
    """Register the provider of one kind of location item. Registering a kind twice with a
    different provider is a mistake."""
    if kind in _providers and _providers[kind] is not provider:
        raise ValueError(f"A location item provider for {kind!r} is already registered.")
    _providers[kind] = provider


def location_items(
    *, locations: Sequence[Location], now: datetime, as_of: date | None = None
) -> list[LocationItem]:
    """Every registered provider's items at `locations` that reached a reminder stage, each
    judged on its location's local date at `now` (on `as_of` for every location when given)."""
    locations = list(locations)
    if not locations:
        return []
    found: list[LocationItem] = []
    for kind in sorted(_providers):
        found.extend(_providers[kind](locations=locations, now=now, as_of=as_of))
    return sorted(found, key=lambda i: (i.location_name, i.due_on, i.label))
