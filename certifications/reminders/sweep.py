"""The daily sweep: record what is due in the ledger, claim rows, re-check, send, mark.

Exactly once: planning inserts ledger rows under a unique natural key (a second sweep, or a
concurrent one, inserts nothing new); rows are claimed in a short transaction with
`select_for_update(skip_locked=True)` on PostgreSQL and a conditional UPDATE everywhere, so
two sweeps never hold the same row; mail goes out after that transaction has committed. A
crash while sending leaves rows in SENDING, visible and reported, never silently resent.
"""

import logging
import smtplib
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, Q

from certifications.models import Reminder, ReminderStatus
from certifications.models.reminders import Audience
from certifications.reminders.mail import compose
from certifications.reminders.plan import Planned, plan_reminders
from organisation.models import AuditEntry, StaffProfile

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
BATCH_SIZE = 2000  # rows claimed, sent and marked together; see the module docstring
STALE_SENDING = timedelta(hours=1)
NO_LONGER_DUE = "No longer due when it came to be sent (renewed, left, or a later stage)."


@dataclass
class SweepLine:
    status: str
    kind: str
    recipient: str
    label: str
    due_on: date | None
    error: str = ""

    def __str__(self) -> str:
        due = self.due_on.isoformat() if self.due_on else "no date"
        text = f"{self.status:<13} {self.kind:<26} {self.recipient:<32} {self.label} (due {due})"
        return f"{text}: {self.error}" if self.error else text


@dataclass
class SweepReport:
    dry_run: bool = False
    planned: int = 0
    lines: list[SweepLine] = field(default_factory=list)
    stale_sending: int = 0

    def count(self, status: str) -> int:
        return sum(1 for line in self.lines if line.status == status)

    @property
    def summary(self) -> str:
        if self.dry_run:
            return (
                f"Dry run: {self.planned} reminder(s) due today, {self.count('would-send')} "
                f"not sent yet, {self.count('undeliverable')} with nobody to send to. "
                "Nothing was recorded or sent."
            )
        return (
            f"{self.count(ReminderStatus.SENT)} sent, {self.count(ReminderStatus.FAILED)} "
            f"failed (will retry), {self.count(ReminderStatus.UNDELIVERABLE)} undeliverable, "
            f"{self.count(ReminderStatus.CANCELLED)} no longer due, "
            f"{self.stale_sending} stuck in sending; {self.planned} due today in all."
        )


def _recipient_label(planned: Planned | None, row: Reminder) -> str:
    recipient = planned.recipient if planned else row.recipient
    if recipient is None:
        return "(nobody)"
    return recipient.user.email or recipient.display_name


def _line(row: Reminder, status: str, error: str = "") -> SweepLine:
    return SweepLine(
        status=status,
        kind=row.kind,
        recipient=_recipient_label(None, row),
        label=f"{row.subject.display_name}: {row.label}" if row.subject else row.label,
        due_on=row.due_on,
        error=error,
    )


def run_sweep(
    *,
    now: datetime,
    as_of: date | None = None,
    dry_run: bool = False,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[SweepLine], None] | None = None,
) -> SweepReport:
    """Send every reminder due on the day exactly once; return what happened, line by line."""
    report = SweepReport(dry_run=dry_run)
    emit = progress or (lambda line: None)
    plan = plan_reminders(now=now, as_of=as_of)
    report.planned = len(plan)
    if dry_run:
        return _dry_run(plan, report, emit)

    _record_new(plan, now=now)
    for planned in plan:
        if planned.problem:
            line = _planned_line(planned, ReminderStatus.UNDELIVERABLE)
            report.lines.append(line)
            emit(line)

    token = uuid.uuid4().hex
    while True:
        claimed = _claim(token=token, now=now, limit=batch_size)
        if not claimed:
            break
        for line in _send_batch(claimed, now=now, as_of=as_of):
            report.lines.append(line)
            emit(line)
    report.stale_sending = (
        Reminder.objects.filter(status=ReminderStatus.SENDING, claimed_at__lt=now - STALE_SENDING)
        .exclude(claim_token=token)
        .count()
    )
    return report


def _record_new(plan: list[Planned], *, now: datetime) -> None:
    """Insert the plan's rows the ledger does not hold yet.

    Most of a day's plan is already in the ledger (an item stays at its stage for days), so
    the known keys are read in one query and only new rows are inserted. Two sweeps that both
    find a key new insert it once: the unique constraint and ignore_conflicts see to that.
    """
    if not plan:
        return
    dated = [p.due_key for p in plan if p.due_key != "-"]
    known = Reminder.objects.filter(Q(due_key="-") | Q(due_key__gte=min(dated, default="9")))
    existing = set(known.values_list("recipient_key", "item_key", "due_key", "kind"))
    new_rows = [p.to_ledger(now=now) for p in plan if p.natural_key not in existing]
    if new_rows:
        Reminder.objects.bulk_create(new_rows, ignore_conflicts=True)


def _dry_run(plan: list[Planned], report: SweepReport, emit) -> SweepReport:
    # One query for what the ledger already holds about today's plan's recipients.
    keys = {p.recipient_key for p in plan}
    done = set(
        Reminder.objects.filter(recipient_key__in=keys)
        .exclude(status__in=[ReminderStatus.PENDING, ReminderStatus.FAILED])
        .values_list("recipient_key", "item_key", "due_key", "kind")
    )
    for planned in plan:
        if planned.natural_key in done:
            continue
        status = "undeliverable" if planned.problem else "would-send"
        line = _planned_line(planned, status)
        report.lines.append(line)
        emit(line)
    return report


def _planned_line(planned, status: str) -> SweepLine:
    """The printed line for a reminder that is not (or not yet) being sent."""
    about = f"{planned.subject.display_name}: {planned.label}" if planned.subject else planned.label
    return SweepLine(
        status,
        planned.kind,
        _recipient_label(planned, None),
        about,
        planned.due_on,
        planned.problem,
    )


def _claim(*, token: str, now: datetime, limit: int) -> list[Reminder]:
    """Take up to `limit` sendable rows for this sweep alone, in a short transaction."""
    claimable = Q(status=ReminderStatus.PENDING) | (
        Q(status=ReminderStatus.FAILED, attempts__lt=MAX_ATTEMPTS) & ~Q(claim_token=token)
    )
    with transaction.atomic():
        candidates = Reminder.objects.filter(claimable).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:limit])
        if not ids:
            return []
        # The condition is repeated in the UPDATE, so a row another sweep took meanwhile
        # (possible where skip_locked does not exist) is not taken twice.
        Reminder.objects.filter(claimable, pk__in=ids).update(
            status=ReminderStatus.SENDING,
            claim_token=token,
            claimed_at=now,
            attempts=F("attempts") + 1,
        )
    return list(
        Reminder.objects.filter(pk__in=ids, claim_token=token, status=ReminderStatus.SENDING)
        .select_related("recipient__user", "subject__user")
        .order_by("pk")
    )


def _send_batch(rows: list[Reminder], *, now: datetime, as_of: date | None) -> list[SweepLine]:
    """Re-check each claimed row against a fresh plan, send the ones still due, mark them."""
    subjects = {r.subject_id for r in rows if r.subject_id}
    digest_for = {r.recipient_id for r in rows if r.audience == Audience.DIGEST}
    fresh = {
        p.natural_key: p
        for p in plan_reminders(now=now, as_of=as_of, staff_ids=subjects, digest_for=digest_for)
        if not p.problem
    }
    lines, sent, cancelled, audits = [], [], [], []
    mail = get_connection()
    try:
        for row in rows:
            planned = fresh.get(row.natural_key)
            if planned is None:
                cancelled.append(row.pk)
                lines.append(_line(row, ReminderStatus.CANCELLED, NO_LONGER_DUE))
                continue
            try:
                mail.send_messages([compose(planned)])
            except (smtplib.SMTPException, OSError) as error:
                message = f"{type(error).__name__}: {error}"[:500]
                logger.warning("Reminder %s failed: %s", row.pk, message)
                Reminder.objects.filter(pk=row.pk, claim_token=row.claim_token).update(
                    status=ReminderStatus.FAILED, last_error=message
                )
                lines.append(_line(row, ReminderStatus.FAILED, message))
                mail.close()  # a dropped connection is reopened for the next message
                continue
            sent.append(row.pk)
            audits.append(_audit_entry(row, planned, now=now))
            lines.append(_line(row, ReminderStatus.SENT))
    finally:
        mail.close()
        with transaction.atomic():
            if sent:
                Reminder.objects.filter(pk__in=sent).update(
                    status=ReminderStatus.SENT, sent_at=now, last_error=""
                )
                AuditEntry.objects.bulk_create(audits)
            if cancelled:
                Reminder.objects.filter(pk__in=cancelled).update(
                    status=ReminderStatus.CANCELLED, last_error=NO_LONGER_DUE
                )
    return lines


def _audit_entry(row: Reminder, planned: Planned, *, now: datetime) -> AuditEntry:
    # Built here and written in bulk with the batch's "sent" marks (record_audit writes one
    # row per call; a batch of 200 would cost 200 queries).
    about: StaffProfile = planned.subject or planned.recipient
    to = planned.recipient.display_name
    what = planned.label if planned.audience != Audience.DIGEST else "weekly digest"
    return AuditEntry(
        staff=about,
        action="reminder.sent",
        summary=f"Reminder ({row.kind}) about {what} sent to {to}."[:300],
        at=now,
        actor=None,
        data={"reminder": row.pk, "kind": row.kind, "due_on": row.due_key, "to": to},
    )
