"""How a certification is judged on a date: pure, no database queries."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from certifications.models.records import VerificationStatus
from organisation.status import Status, judge_due


class Card(Protocol):
    """What judging needs of a card: a model instance or a lighter row both fit."""

    pk: int
    expires_on: date
    verification_status: str
    uploaded_at: datetime


@dataclass(frozen=True)
class Judgement:
    """Where a person stands on one certification type, from the cards they hold."""

    status: Status
    due_on: date | None  # the expiry that counts: the verified card's (or a counted pending one)
    verified: Card | None  # the verified card with the latest expiry
    pending: Card | None  # the newest card that is not rejected, when it awaits verification
    rejected: Card | None  # the newest card of all, when it was rejected
    pending_counted: bool  # the clinic's policy lets `pending` count as if verified, for now


def judge_cards(
    *,
    cards: Iterable[Card],
    as_of: date,
    renewal_window_days: int,
    grace_days: int = 0,
    pending_counts_as_current_days: int = 0,
    uploaded_on: Callable[[datetime], date],
) -> Judgement:
    """Status and due date from verified cards only: "current" means a manager checked it.

    A card awaiting verification counts as if verified for `pending_counts_as_current_days`
    days after the day it was uploaded (`uploaded_on` gives the person's local date). Otherwise,
    when the verified judgement is not CURRENT and the newest card that is not rejected awaits
    verification, the status is AWAITING_VERIFICATION: the next step is a manager's. A person
    whose verified card is still CURRENT stays CURRENT while their renewal waits.
    """
    by_upload = sorted(cards, key=lambda c: (c.uploaded_at, c.pk))
    verified = max(
        (c for c in by_upload if c.verification_status == VerificationStatus.VERIFIED),
        key=lambda c: (c.expires_on, c.pk),
        default=None,
    )
    live = [c for c in by_upload if c.verification_status != VerificationStatus.REJECTED]
    pending = (
        live[-1] if live and live[-1].verification_status == VerificationStatus.PENDING else None
    )
    newest = by_upload[-1] if by_upload else None
    rejected = (
        newest if newest and newest.verification_status == VerificationStatus.REJECTED else None
    )
    due_on = verified.expires_on if verified else None
    window = timedelta(days=pending_counts_as_current_days)
    counted = (
        pending is not None
        and pending_counts_as_current_days > 0
        and as_of <= uploaded_on(pending.uploaded_at) + window
        and (due_on is None or pending.expires_on > due_on)
    )
    if counted:
        due_on = pending.expires_on
    # Current until the renewal window opens, due soon through the expiry date (and any
    # clinic grace period), overdue the day after.
    status = judge_due(
        due_on=due_on, as_of=as_of, due_soon_days=renewal_window_days, grace_days=grace_days
    )
    if status is not Status.CURRENT and pending is not None and not counted:
        status = Status.AWAITING_VERIFICATION
        due_on = verified.expires_on if verified else None
    return Judgement(
        status=status,
        due_on=due_on,
        verified=verified,
        pending=pending,
        rejected=rejected,
        pending_counted=counted,
    )
