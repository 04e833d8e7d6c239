"""The sweep: record what is due, then send each recipient one message, inside a budget.

Exactly once per item: planning inserts ledger rows under a unique natural key; rows are
claimed per recipient under a lease (`select_for_update(skip_locked=True)` on PostgreSQL and
a conditional UPDATE everywhere), re-checked against a fresh plan, sent as one message, and
marked sent in a transaction of their own as soon as the server accepts it. A sweep killed
mid-send leaves its rows leased; once the lease runs out the next sweep takes them over, so
only the message in flight at the moment of the crash can be sent twice.

Mail goes out inside each recipient's sending hours, at most one message per recipient per
local date; failures are retried with backoff and, after the policy's last attempt, become
undeliverable and raise an alert. The sweep stops starting messages when its time budget is
spent, or after several connection failures in a row: what is left goes in the next run.
"""

import logging
import os
import socket
import time
import uuid
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta

from django.conf import settings

from reminders import ledger
from reminders.delivery import Mailer, Outcome, describe
from reminders.mail import Item, compose
from reminders.models import Audience, Reminder, ReminderPolicy, ReminderStatus
from reminders.planner import Planned, chain_of_command, location_of_item, plan_reminders
from reminders.report import SweepLine, SweepReport

logger = logging.getLogger(__name__)

RECIPIENTS_PER_BATCH = 200
CONNECTION_FAILURES_TO_STOP = 3


def run_sweep(
    *,
    now: datetime,
    as_of: date | None = None,
    dry_run: bool = False,
    budget_seconds: float | None = None,
    batch_recipients: int = RECIPIENTS_PER_BATCH,
    progress: Callable[[SweepLine], None] | None = None,
) -> SweepReport:
    """Send what is due, each item once; return what happened, line by line."""
    budget = settings.REMINDER_SWEEP_BUDGET_SECONDS if budget_seconds is None else budget_seconds
    deadline = time.monotonic() + budget  # planning counts against the budget too
    report = SweepReport(dry_run=dry_run)
    emit = progress or (lambda line: None)
    chain = chain_of_command()  # who manages where: read once for the whole sweep
    plan = plan_reminders(now=now, as_of=as_of, chain=chain)
    report.planned = len(plan)
    if dry_run:
        return _dry_run(plan, report, emit)

    recorded = ledger.record_new(plan, now=now)
    for planned in plan:
        # Reported the day it is found; after that it is on /manage/ and in the alerts.
        if planned.problem and planned.natural_key in recorded:
            _add(report, emit, _planned_line(planned, ReminderStatus.UNDELIVERABLE))
    report.alerts += ledger.raise_alerts(now=now, chain=chain)

    policy = ReminderPolicy.load()
    sending = _Sending(
        owner=f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}",
        now=now,
        as_of=as_of,
        policy=policy,
        deadline=deadline,
        lease_until=now + timedelta(seconds=settings.REMINDER_LEASE_SECONDS),
        report=report,
        emit=emit,
        chain=chain,
    )
    report.reclaimed = Reminder.objects.filter(
        status=ReminderStatus.SENDING, lease_expires_at__lt=now
    ).count()
    keys, report.waiting = ledger.recipients_ready(
        now=now, send_from=policy.send_from_hour, send_until=policy.send_until_hour
    )
    try:
        for start in range(0, len(keys), batch_recipients):
            rows = ledger.claim(
                keys=keys[start : start + batch_recipients],
                owner=sending.owner,
                now=now,
                lease_until=sending.lease_until,
            )
            sending.send(rows)
    finally:
        sending.mailer.close()
    report.alerts += ledger.raise_alerts(now=now, chain=chain)
    return report


def _add(report: SweepReport, emit, line: SweepLine) -> None:
    report.lines.append(line)
    emit(line)


class _Sending:
    """One sweep's sending state: its lease, its connection, its budget, its breaker."""

    def __init__(self, *, owner, now, as_of, policy, deadline, lease_until, report, emit, chain):
        self.owner, self.now, self.as_of, self.policy = owner, now, as_of, policy
        self.chain = chain
        self.deadline, self.lease_until = deadline, lease_until
        self.report, self.emit = report, emit
        self.mailer = Mailer()
        self.connection_failures = 0

    @property
    def stopped(self) -> bool:
        out_of_time = time.monotonic() + self.mailer.timeout > self.deadline
        return out_of_time or self.connection_failures >= CONNECTION_FAILURES_TO_STOP

    def send(self, rows: list[Reminder]) -> None:
        if not rows:
            return
        if self.stopped:
            self._leave(rows)
            return
        fresh = self._still_due(rows)
        by_recipient: dict[str, list[Reminder]] = defaultdict(list)
        for row in rows:
            by_recipient[row.recipient_key].append(row)
        for group in by_recipient.values():
            if self.stopped:
                self._leave(group)
                continue
            self._send_one(group, fresh)

    def _leave(self, rows: list[Reminder]) -> None:
        ledger.release(rows, owner=self.owner)
        self.report.left += len(rows)

    def _still_due(self, rows: list[Reminder]) -> dict[tuple, Planned]:
        """A fresh plan for the claimed rows' people: what is due now, not when planned."""
        subjects = {r.subject_id for r in rows if r.subject_id and r.audience != Audience.ALERT}
        digest_for = {r.recipient_id for r in rows if r.audience == Audience.DIGEST}
        locations = {location_of_item(r.item_key) for r in rows if r.audience != Audience.ALERT}
        locations.discard(None)
        plan = plan_reminders(
            now=self.now,
            as_of=self.as_of,
            staff_ids=subjects,
            digest_for=digest_for,
            chain=self.chain,
            location_ids=locations or None,
        )
        return {p.natural_key: p for p in plan if not p.problem}

    def _send_one(self, group: list[Reminder], fresh: dict[tuple, Planned]) -> None:
        recipient = group[0].recipient
        # Read at claim time: someone who left since the sweep began gets nothing.
        still_here = recipient.is_active and recipient.user.is_active
        items, gone = [], []
        for row in group:
            if not still_here:
                gone.append(Item(row, None))
            elif row.audience == Audience.ALERT:
                items.append(Item(row, None))
            elif row.natural_key in fresh:
                items.append(Item(row, fresh[row.natural_key]))
            else:
                gone.append(Item(row, None))
        if gone:
            ledger.cancel([i.row for i in gone], owner=self.owner)
            for item in gone:
                _add(
                    self.report,
                    self.emit,
                    SweepLine.of(item.row, "cancelled", ledger.NO_LONGER_DUE),
                )
        if not items:
            return
        rows = [i.row for i in items]
        try:
            message = compose(recipient=recipient, items=items)
        except Exception as problem:  # noqa: BLE001 - one bad message must not stop the rest
            logger.exception("Could not compose the message to %s", recipient)
            self._failed(rows, f"Could not compose the message: {describe(problem)}", False)
            return
        outcome, error = self.mailer.send(message)
        if outcome is Outcome.SENT:
            self.connection_failures = 0
            sent_on = recipient.local_date(self.now)
            ledger.mark_sent(
                rows=rows,
                owner=self.owner,
                now=self.now,
                sent_on=sent_on,
                message_id=message.extra_headers["Message-ID"],
            )
            self.report.messages += 1
            for row in rows:
                _add(self.report, self.emit, SweepLine.of(row, "sent"))
            return
        if outcome is Outcome.CONNECTION:
            self.connection_failures += 1
        self._failed(rows, error, outcome is Outcome.PERMANENT)

    def _failed(self, rows: list[Reminder], error: str, permanent: bool) -> None:
        for row, status in ledger.mark_failed(
            rows=rows,
            owner=self.owner,
            now=self.now,
            error=error,
            permanent=permanent,
            max_attempts=self.policy.max_attempts,
        ):
            _add(self.report, self.emit, SweepLine.of(row, str(status), error))


def _dry_run(plan: list[Planned], report: SweepReport, emit) -> SweepReport:
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
        _add(report, emit, _planned_line(planned, status))
    return report


def _planned_line(planned: Planned, status: str) -> SweepLine:
    """The printed line for a reminder that is not (or not yet) being sent."""
    recipient = planned.recipient
    who = "(nobody)" if recipient is None else recipient.user.email or recipient.display_name
    about = f"{planned.subject.display_name}: {planned.label}" if planned.subject else planned.label
    return SweepLine(status, planned.kind, who, about, planned.due_on, planned.problem)
