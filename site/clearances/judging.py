"""Whether a person is cleared for a procedure on a date, and why not: pure, no database.

The selectors read the live clearance and the facts (cards, passes, drills, exemptions) in a
fixed number of queries; this decides, one person at a time, on the date it is given (a
location's local date). Every reason is a sentence a manager can read out to the person.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from organisation.status import Status, add_months

CERTIFICATION = "certification"
TRAINING = "training"
DRILL = "drill"

# The reasons, as constants the tests reuse.
CARD_MISSING = "No {label} card on record"
CARD_AWAITING = "{label} awaiting verification"
CARD_EXPIRED = "{label} expired {on}"
CARD_VALID = "{label} valid through {on}"
MODULE_NEVER = "{label} module never passed"
MODULE_LAPSED = "{label} module last passed {on}, more than {months} months ago"
MODULE_VALID = "{label} module passed {on}"
DRILL_NEVER = "{label} drill never completed"
DRILL_LAPSED = "{label} drill last completed {on}, more than {months} months ago"
DRILL_VALID = "{label} drill completed {on}"
EXEMPT = "{label}: exempt until {on}"
TARGET_GONE = "A requirement names a module or drill that no longer exists: ask an educator"


@dataclass(frozen=True, slots=True)
class Need:
    """One requirement of a live clearance, as judging needs it. `key` is the requirement's
    key in the compliance rows (a type code, a module or scenario pk), so an exemption
    granted on the requirement applies here too; `target_id` is the row the facts are keyed
    by (a type pk, a module pk, a scenario pk); None when the target was deleted."""

    kind: str
    key: str
    target_id: int | None
    label: str
    within_months: int | None = None
    role_id: int | None = None
    url: str = ""


@dataclass(frozen=True)
class Facts:
    """What is on record for the people judged, by (staff pk, target pk)."""

    card_expiries: Mapping[tuple[int, int], date] = field(default_factory=dict)
    cards_awaiting: frozenset[tuple[int, int]] | set = frozenset()
    last_passes: Mapping[tuple[int, int], date] = field(default_factory=dict)
    last_drills: Mapping[tuple[int, int], date] = field(default_factory=dict)
    # (staff pk, kind, requirement key) -> the last day the exemption is in force
    exemptions: Mapping[tuple[int, str, str], date] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Check:
    """One requirement judged for one person."""

    need: Need
    met: bool
    status: Status  # in the toolkit's words: current, awaiting verification, overdue, missing
    reason: str  # a sentence either way: why it is met, or why not
    valid_through: date | None  # the last day it stays met (None: not met, or open-ended)
    exempt: bool = False


@dataclass(frozen=True)
class Verdict:
    staff_id: int
    cleared: bool
    checks: tuple[Check, ...]

    @property
    def reasons(self) -> list[str]:
        """Why not cleared (empty when cleared)."""
        return [c.reason for c in self.checks if not c.met]

    @property
    def notes(self) -> list[str]:
        """What a cleared person's clearance rests on that a manager should know: exemptions."""
        return [c.reason for c in self.checks if c.met and c.exempt]

    @property
    def cleared_through(self) -> date | None:
        """The last day the clearance holds if nothing new is recorded; None when not
        cleared or when nothing it rests on runs out."""
        if not self.cleared:
            return None
        days = [c.valid_through for c in self.checks if c.valid_through is not None]
        return min(days) if days else date.max


def applies(need: Need, role_ids: Iterable[int]) -> bool:
    return need.role_id is None or need.role_id in set(role_ids)


def judge(
    *, staff_id: int, role_ids: Iterable[int], needs: Iterable[Need], facts: Facts, on: date
) -> Verdict:
    """Cleared on `on` when every requirement that applies to the person is met that day: a
    verified card valid through `on` (its expiry day included), a module passed or a drill
    completed within the months asked (the day `within_months` after included), or an
    exemption in force through `on`. The checks keep the requirements' order."""
    role_ids = tuple(role_ids)
    checks = tuple(_check(staff_id, need, facts, on) for need in needs if applies(need, role_ids))
    return Verdict(staff_id=staff_id, cleared=all(c.met for c in checks), checks=checks)


def _day(day: date) -> str:
    """As the rest of the site writes a date ("31 Oct 2026"); the JSON gives ISO dates apart."""
    return f"{day:%-d %b %Y}"


def _check(staff_id: int, need: Need, facts: Facts, on: date) -> Check:
    exempt_until = facts.exemptions.get((staff_id, need.kind, need.key))
    if exempt_until is not None and on <= exempt_until:
        reason = EXEMPT.format(label=need.label, on=_day(exempt_until))
        return Check(need, True, Status.CURRENT, reason, exempt_until, exempt=True)
    if need.target_id is None:
        return Check(need, False, Status.MISSING, TARGET_GONE, None)
    fact_key = (staff_id, need.target_id)
    if need.kind == CERTIFICATION:
        return _card(need, facts.card_expiries.get(fact_key), fact_key in facts.cards_awaiting, on)
    if need.kind == TRAINING:
        last = facts.last_passes.get(fact_key)
        words = (MODULE_NEVER, MODULE_LAPSED, MODULE_VALID)
    else:
        last = facts.last_drills.get(fact_key)
        words = (DRILL_NEVER, DRILL_LAPSED, DRILL_VALID)
    return _recent(need, last, on, *words)


def _card(need: Need, expires_on: date | None, awaiting: bool, on: date) -> Check:
    if expires_on is not None and on <= expires_on:
        reason = CARD_VALID.format(label=need.label, on=_day(expires_on))
        return Check(need, True, Status.CURRENT, reason, expires_on)
    # A renewal uploaded but not yet checked is the manager's step, and says so first.
    if awaiting:
        reason = CARD_AWAITING.format(label=need.label)
        return Check(need, False, Status.AWAITING_VERIFICATION, reason, None)
    if expires_on is not None:
        reason = CARD_EXPIRED.format(label=need.label, on=_day(expires_on))
        return Check(need, False, Status.OVERDUE, reason, None)
    return Check(need, False, Status.MISSING, CARD_MISSING.format(label=need.label), None)


def _recent(need: Need, last: date | None, on: date, never: str, lapsed: str, valid: str) -> Check:
    if last is None:
        return Check(need, False, Status.MISSING, never.format(label=need.label), None)
    months = need.within_months or 0
    through = add_months(last, months)
    if on <= through:
        return Check(
            need, True, Status.CURRENT, valid.format(label=need.label, on=_day(last)), through
        )
    reason = lapsed.format(label=need.label, on=_day(last), months=months)
    return Check(need, False, Status.OVERDUE, reason, None)
