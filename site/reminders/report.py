"""What a sweep did, line by line, and its one-line summary."""

from dataclasses import dataclass, field
from datetime import date

from reminders.models import Reminder


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

    @classmethod
    def of(cls, row: Reminder, status: str, error: str = "") -> "SweepLine":
        recipient = row.recipient
        who = "(nobody)" if recipient is None else recipient.user.email or recipient.display_name
        about = f"{row.subject.display_name}: {row.label}" if row.subject else row.label
        return cls(status, row.kind, who, about, row.due_on, error)


@dataclass
class SweepReport:
    dry_run: bool = False
    planned: int = 0
    messages: int = 0
    reclaimed: int = 0  # rows taken over from a sweep whose lease ran out
    left: int = 0  # claimed, not tried: time budget spent or mail server down
    waiting: int = 0  # recipients outside sending hours or already sent to today
    alerts: int = 0
    lines: list[SweepLine] = field(default_factory=list)

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
            f"{self.messages} message(s) sent carrying {self.count('sent')} reminder(s); "
            f"{self.count('failed')} failed (next try scheduled), "
            f"{self.count('undeliverable')} undeliverable ({self.alerts} alert(s) raised), "
            f"{self.count('cancelled')} no longer due, {self.left} left for the next run, "
            f"{self.reclaimed} taken over from an interrupted sweep; {self.waiting} "
            f"recipient(s) outside sending hours or already sent to today; "
            f"{self.planned} due today in all."
        )
