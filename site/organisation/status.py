"""The status toolkit: the words and colours of a requirement's status, the month arithmetic
and the judging every kind of requirement shares. Pure, no database.

Every page, export and PDF says a status in these words and paints it in these colours, so a
requirement reads the same wherever a person meets it. Anything finer a kind knows (a quiz
started but not passed) is a detail shown beside the word, never another word.
"""

import calendar
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Generic, TypeVar

from django.conf import settings
from django.utils.translation import gettext_lazy as _


class Status(StrEnum):
    CURRENT = "current"
    DUE_SOON = "due_soon"
    # The person has done their part (a card is uploaded) but nobody has checked it yet: not
    # compliant, and the next step is a manager's, not theirs.
    AWAITING_VERIFICATION = "awaiting"
    OVERDUE = "overdue"
    MISSING = "missing"
    # A manager excused the person from the requirement until a date (actions.Exemption): the
    # word carries "until", so every surface reads "Exempt until <date>" with the date beside
    # it. Not reminded, and counted as compliant (it needs no action) wherever totals are made.
    EXEMPT = "exempt"

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self])

    @property
    def needs_action(self) -> bool:
        """Whether someone has something to do: every status but current and exempt."""
        return self not in SATISFIED

    @property
    def colours(self) -> tuple[str, str]:
        """(background, text) as #rrggbb: the badge, the matrix cell, the PDF and the XLSX."""
        return STATUS_COLOURS[self]


STATUS_LABELS = {
    Status.CURRENT: _("Current"),
    Status.DUE_SOON: _("Due soon"),
    Status.AWAITING_VERIFICATION: _("Awaiting verification"),
    Status.OVERDUE: _("Overdue"),
    Status.MISSING: _("Missing"),
    Status.EXEMPT: _("Exempt until"),
}
# Needing nothing done: what totals count as compliant.
SATISFIED = frozenset({Status.CURRENT, Status.EXEMPT})
# site.css repeats these (a test holds the two together); every pair passes WCAG AA for text.
STATUS_COLOURS = {
    Status.CURRENT: ("#dff1e4", "#1e5b31"),
    Status.DUE_SOON: ("#fff0cc", "#6b4100"),
    Status.AWAITING_VERIFICATION: ("#dbe9f7", "#16456e"),
    Status.OVERDUE: ("#fbe0e1", "#8c1d23"),
    Status.MISSING: ("#efe3f6", "#5b2a78"),
    Status.EXEMPT: ("#e6e8eb", "#394450"),
}


def add_months(day: date, months: int) -> date:
    """`day` moved by whole months, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def due_soon_days() -> int:
    """How many days before a module or drill falls due it counts as due soon (a certification
    type sets its own renewal window instead)."""
    return settings.COMPLIANCE_DUE_SOON_DAYS


def judge_due(
    *, due_on: date | None, as_of: date, due_soon_days: int, grace_days: int = 0
) -> Status:
    """Current until `due_soon_days` before `due_on`, due soon through `due_on` (and any grace
    period), overdue the day after; missing when nothing is held."""
    if due_on is None:
        return Status.MISSING
    if as_of > due_on + timedelta(days=grace_days):
        return Status.OVERDUE
    if as_of >= due_on - timedelta(days=due_soon_days):
        return Status.DUE_SOON
    return Status.CURRENT


R = TypeVar("R")  # what the requirement is: a certification type, a module page, a scenario
S = TypeVar("S")  # how a kind judges: Status, or a finer status of its own
T = TypeVar("T")


@dataclass(frozen=True)
class Judged(Generic[R, S]):
    """One requirement's judgement over the people it applies to, by staff pk: what a
    provider works out once and both its rows and its standings are read from."""

    requirement: R
    status: dict[int, S]
    due_on: dict[int, date | None]


def per_person(
    staff: Iterable, judged: Iterable[Judged[R, S]], make: Callable[[object, Judged[R, S], S], T]
) -> list[T]:
    """`make(person, judged, status)` for each person and each requirement that applies to
    them, person by person: how a provider turns its judgements into rows."""
    judged = list(judged)
    found = []
    for person in staff:
        for one in judged:
            status = one.status.get(person.pk)
            if status is not None:  # None: not required of this person
                found.append(make(person, one, status))
    return found
