"""The ledger's state changes: record, claim under a lease, release, mark, alert.

Each is a short transaction of its own. Marking a message's rows sent commits right after the
server accepted it, so a crash repeats at most the message in flight.
"""

import logging
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.db.models import F, Q

from organisation.models import AuditEntry, StaffProfile
from reminders.models import NOBODY, Audience, Reminder, ReminderStatus
from reminders.planner import Chain, Planned, chain_of_command, recipient_key

logger = logging.getLogger(__name__)

# Waits after the 1st, 2nd, 3rd, 4th failure; a day after each later one.
BACKOFF = (timedelta(minutes=15), timedelta(hours=1), timedelta(hours=4), timedelta(hours=12))
DAILY = timedelta(days=1)
NO_LONGER_DUE = "No longer due when it came to be sent (renewed, left, or a later stage)."
GAVE_UP = "Gave up after {attempts} attempts. Last error: {error}"
ALERT = "A reminder to {to} about {about} could not be delivered: {error}"


def backoff_after(attempts: int) -> timedelta:
    return BACKOFF[attempts - 1] if attempts <= len(BACKOFF) else DAILY


def claimable(now: datetime) -> Q:
    """Rows a sweep may take: new, failed and due for retry, or held by a sweep whose lease
    ran out (it died or hung)."""
    return (
        Q(status=ReminderStatus.PENDING)
        | Q(status=ReminderStatus.FAILED, next_attempt_at__lte=now)
        | Q(status=ReminderStatus.SENDING, lease_expires_at__lt=now)
    )


def record_new(plan: list[Planned], *, now: datetime) -> set[tuple[str, str, str, str]]:
    """Insert the plan's rows the ledger does not hold yet.

    Most of a day's plan is already in the ledger (an item stays at its stage for days), so
    the known keys are read in one query and only new rows are inserted. Two sweeps that both
    find a key new insert it once: the unique constraint and ignore_conflicts see to that.
    Returns the keys it found new.
    """
    if not plan:
        return set()
    dated = [p.due_key for p in plan if p.due_key != "-"]
    known = Reminder.objects.filter(Q(due_key="-") | Q(due_key__gte=min(dated, default="9")))
    existing = set(known.values_list("recipient_key", "item_key", "due_key", "kind"))
    new_rows = [p.to_ledger(now=now) for p in plan if p.natural_key not in existing]
    if new_rows:
        Reminder.objects.bulk_create(new_rows, ignore_conflicts=True, batch_size=2000)
    return {r.natural_key for r in new_rows}


def _local(now: datetime, time_zone: str | None) -> datetime:
    return now.astimezone(zoneinfo.ZoneInfo(time_zone or "UTC"))


def recipients_ready(*, now: datetime, send_from: int, send_until: int) -> tuple[list[str], int]:
    """Recipients with rows to send who may get a message now: inside their sending hours and
    not yet sent a message on their local date. Returns (keys, how many must wait)."""
    candidates = set(
        Reminder.objects.filter(claimable(now))
        .exclude(recipient_key=NOBODY)
        .values_list("recipient_key", "recipient__home_location__time_zone")
        .distinct()
    )
    sent_lately = set(
        Reminder.objects.filter(
            status=ReminderStatus.SENT, sent_on__gte=(now - timedelta(days=1)).date()
        )
        .values_list("recipient_key", "sent_on")
        .distinct()
    )
    ready, waiting = [], 0
    for key, time_zone in sorted(candidates):
        local = _local(now, time_zone)
        if not (send_from <= local.hour < send_until) or (key, local.date()) in sent_lately:
            waiting += 1
        else:
            ready.append(key)
    return ready, waiting


def claim(*, keys: list[str], owner: str, now: datetime, lease_until: datetime) -> list[Reminder]:
    """Take every claimable row of these recipients for this sweep alone, under a lease."""
    with transaction.atomic():
        candidates = Reminder.objects.filter(claimable(now), recipient_key__in=keys)
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True))
        if not ids:
            return []
        # The condition is repeated in the UPDATE, so a row another sweep took meanwhile
        # (possible where skip_locked does not exist) is not taken twice.
        Reminder.objects.filter(claimable(now), pk__in=ids).update(
            status=ReminderStatus.SENDING, lease_owner=owner, lease_expires_at=lease_until
        )
    return list(
        Reminder.objects.filter(pk__in=ids, lease_owner=owner, status=ReminderStatus.SENDING)
        .select_related("recipient__user", "recipient__home_location", "subject__user")
        .select_related("subject__home_location")
        .order_by("recipient_key", "pk")
    )


def release(rows: Iterable[Reminder], *, owner: str) -> None:
    """Give back rows this sweep claimed and did not try, as they were (time ran out)."""
    ids = [r.pk for r in rows]
    mine = Reminder.objects.filter(pk__in=ids, lease_owner=owner, status=ReminderStatus.SENDING)
    with transaction.atomic():
        mine.filter(attempts=0).update(
            status=ReminderStatus.PENDING, lease_owner="", lease_expires_at=None
        )
        mine.filter(attempts__gt=0).update(
            status=ReminderStatus.FAILED, lease_owner="", lease_expires_at=None
        )


def cancel(rows: Iterable[Reminder], *, owner: str) -> None:
    ids = [r.pk for r in rows]
    if ids:
        Reminder.objects.filter(pk__in=ids, lease_owner=owner).update(
            status=ReminderStatus.CANCELLED,
            last_error=NO_LONGER_DUE,
            lease_owner="",
            lease_expires_at=None,
        )


def mark_sent(
    *, rows: list[Reminder], owner: str, now: datetime, sent_on: date, message_id: str
) -> int:
    """One transaction per message, committed right after the server accepted it."""
    with transaction.atomic():
        marked = Reminder.objects.filter(
            pk__in=[r.pk for r in rows], lease_owner=owner, status=ReminderStatus.SENDING
        ).update(
            status=ReminderStatus.SENT,
            sent_at=now,
            sent_on=sent_on,
            message_id=message_id,
            attempts=F("attempts") + 1,
            last_error="",
            lease_owner="",
            lease_expires_at=None,
        )
        AuditEntry.objects.bulk_create(
            [_sent_entry(r, now=now, message_id=message_id) for r in rows]
        )
    if marked != len(rows):
        # Another sweep took them over after this one's lease ran out: it may send them again.
        logger.warning(
            "Lease lost on %d of %d rows of %s", len(rows) - marked, len(rows), message_id
        )
    return marked


def _sent_entry(row: Reminder, *, now: datetime, message_id: str) -> AuditEntry:
    about: StaffProfile = row.subject or row.recipient
    to = row.recipient.display_name
    what = "weekly digest" if row.audience == Audience.DIGEST else row.label
    return AuditEntry(
        staff=about,
        action="reminder.sent",
        summary=f"{row.stage_text}: {what}, sent to {to}."[:300],
        at=now,
        actor=None,
        data={
            "reminder": row.pk,
            "kind": row.kind,
            "due_on": row.due_key,
            "to": to,
            "message_id": message_id,
        },
    )


def mark_failed(
    *,
    rows: list[Reminder],
    owner: str,
    now: datetime,
    error: str,
    permanent: bool,
    max_attempts: int,
) -> list[tuple[Reminder, str]]:
    """Count the attempt; schedule the next with backoff, or give up (undeliverable).
    Returns each row with the status it now has. One UPDATE per number of attempts so far
    (the rows of one message nearly always share it)."""
    by_attempts: dict[int, list[Reminder]] = defaultdict(list)
    for row in rows:
        by_attempts[row.attempts + 1].append(row)
    outcome = []
    with transaction.atomic():
        for attempts, group in by_attempts.items():
            if permanent or attempts >= max_attempts:
                status, next_at = ReminderStatus.UNDELIVERABLE, None
                detail = error if permanent else GAVE_UP.format(attempts=attempts, error=error)
            else:
                status, detail = ReminderStatus.FAILED, error
                next_at = now + backoff_after(attempts)
            Reminder.objects.filter(pk__in=[r.pk for r in group], lease_owner=owner).update(
                status=status,
                attempts=attempts,
                last_error=detail[:500],
                next_attempt_at=next_at,
                lease_owner="",
                lease_expires_at=None,
            )
            outcome.extend((row, status) for row in group)
    return outcome


def raise_alerts(*, now: datetime, chain: Chain | None = None) -> int:
    """Tell the subject's managers (a location item's: that location's) and the medical
    directors of every undeliverable reminder not yet alerted, through the ledger (so they
    arrive in their next message). Alerts never raise alerts: one that cannot be delivered
    stays visible on /manage/."""
    failed = list(
        Reminder.objects.filter(status=ReminderStatus.UNDELIVERABLE, alerted_at__isnull=True)
        .exclude(audience=Audience.ALERT)
        .select_related("recipient__user", "subject__user", "subject__home_location")
    )
    if not failed:
        return 0
    chain = chain or chain_of_command()
    alerts = []
    for row in failed:
        about = f"{row.subject.display_name}'s {row.label}" if row.subject else row.label
        to = row.recipient.display_name if row.recipient else "nobody"
        detail = ALERT.format(to=to, about=about, error=row.last_error)[:500]
        told = {}
        if row.subject is not None:
            for manager in chain.managers_of(row.subject) + chain.regional_managers_of(row.subject):
                told[manager.pk] = manager
        elif row.location_id is not None:
            for manager in chain.managers_at(row.location_id):
                told[manager.pk] = manager
        for director in chain.directors:
            told[director.pk] = director
        told.pop(row.recipient_id, None)  # their own mail is what failed
        for person in told.values():
            alerts.append(
                Reminder(
                    recipient_key=recipient_key(person),
                    item_key=f"alert:{row.pk}",
                    due_key=row.due_key,
                    kind="alert:undeliverable",
                    audience=Audience.ALERT,
                    recipient=person,
                    subject=row.subject,
                    location_id=row.location_id,
                    label=row.label,
                    detail=detail,
                    due_on=row.due_on,
                    url=row.url,
                    planned_on=row.planned_on,
                    created_at=now,
                )
            )
        if not told:
            alerts.append(
                Reminder(
                    recipient_key=NOBODY,
                    item_key=f"alert:{row.pk}",
                    due_key=row.due_key,
                    kind="alert:undeliverable",
                    audience=Audience.ALERT,
                    subject=row.subject,
                    location_id=row.location_id,
                    label=row.label,
                    detail=detail,
                    due_on=row.due_on,
                    planned_on=row.planned_on,
                    status=ReminderStatus.UNDELIVERABLE,
                    last_error="No manager or medical director to alert.",
                    created_at=now,
                )
            )
    with transaction.atomic():
        Reminder.objects.bulk_create(alerts, ignore_conflicts=True, batch_size=2000)
        Reminder.objects.filter(pk__in=[r.pk for r in failed]).update(alerted_at=now)
    return len(alerts)
