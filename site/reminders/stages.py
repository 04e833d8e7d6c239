"""Which reminder stage an item has reached on a date: pure, no database.

A sweep sends only the most recent stage reached, so a sweep that missed days (or a bulk
change that made many items due at once) sends one reminder per item, never a backlog.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Schedule:
    offsets: tuple[int, ...]  # days before the due date, any order
    on_the_day: bool = True
    overdue_every_days: int = 7  # 0: nothing after the due date
    escalate_from_days: int = 14
    escalate_when_overdue: bool = True
    regional_after_days: int = 7  # 0: no regional tier
    directors_after_days: int = 30  # 0: no directors tier


def _missing_for(*, since_on: date, today: date, schedule: Schedule) -> str:
    """A missing item's stage, counted from the day it went missing: "missing" from that day,
    then "missing-7", "missing-14"... stepping as overdue items do, so it is chased until
    it is held, each stage once."""
    late = (today - since_on).days
    every = schedule.overdue_every_days or 7
    return f"missing-{late // every * every}" if late >= every else "missing"


def _as_missing(stage: str | None) -> str | None:
    """An overdue tier's stage ("overdue-14") said of a missing item ("missing-14")."""
    if stage is not None and stage.startswith("overdue-"):
        return "missing-" + stage.removeprefix("overdue-")
    return stage


def staff_stage(
    *, due_on: date | None, today: date, schedule: Schedule, missing: bool = False
) -> str | None:
    """The latest stage of the person's own reminders reached by `today`, or None.

    "before-30" once 30 days or fewer remain, "due-today" on the day (and until the first
    overdue stage), "overdue-7" a week late, "overdue-14"... and "missing" when nothing is held.
    `missing` with a `due_on`: nothing is held since that day (see _missing_for).
    """
    if due_on is None:
        return "missing"
    if missing and today >= due_on:
        if not schedule.overdue_every_days:
            return "missing"  # nothing after the first, as for an item past its due date
        return _missing_for(since_on=due_on, today=today, schedule=schedule)
    days_left = (due_on - today).days
    if days_left > 0:
        reached = [o for o in schedule.offsets if days_left <= o]
        return f"before-{min(reached)}" if reached else None
    late = -days_left
    if schedule.overdue_every_days and late >= schedule.overdue_every_days:
        every = schedule.overdue_every_days
        return f"overdue-{late // every * every}"
    if schedule.on_the_day:
        return "due-today"
    # No on-the-day reminder: the last offset before it still stands as the latest reached.
    return f"before-{min(schedule.offsets)}" if schedule.offsets else None


def manager_stage(
    *, due_on: date | None, today: date, schedule: Schedule, missing: bool = False
) -> str | None:
    """The latest escalation stage reached: from `escalate_from_days` before, and overdue;
    for a missing item from the day it went missing (`missing` with a `due_on`)."""
    if due_on is None:
        return "missing" if schedule.escalate_when_overdue else None
    if missing and today >= due_on:
        if not schedule.escalate_when_overdue:
            return None
        return _missing_for(since_on=due_on, today=today, schedule=schedule)
    days_left = (due_on - today).days
    if days_left < 0:
        if not schedule.escalate_when_overdue:
            return None
        every = schedule.overdue_every_days or 7
        late = -days_left
        return f"overdue-{late // every * every}" if late >= every else "overdue"
    if days_left == 0:
        return "due-today"
    if days_left > schedule.escalate_from_days:
        return None
    reached = [o for o in schedule.offsets if days_left <= o <= schedule.escalate_from_days]
    return f"before-{min(reached)}" if reached else f"before-{schedule.escalate_from_days}"


def _overdue_stage(*, due_on: date | None, today: date, after_days: int, every: int) -> str | None:
    """ "overdue-N" once more than `after_days` late, stepping every `every` days."""
    if due_on is None or not after_days:
        return None
    late = (today - due_on).days
    if late <= after_days:
        return None
    every = every or 7
    return f"overdue-{late // every * every}"


def regional_stage(
    *, due_on: date | None, today: date, schedule: Schedule, missing: bool = False
) -> str | None:
    """Regional managers hear of an item overdue (or missing) more than
    `regional_after_days`."""
    stage = _overdue_stage(
        due_on=due_on,
        today=today,
        after_days=schedule.regional_after_days,
        every=schedule.overdue_every_days,
    )
    return _as_missing(stage) if missing else stage


def director_stage(
    *, due_on: date | None, today: date, schedule: Schedule, missing: bool = False
) -> str | None:
    """The medical directors hear of an item overdue (or missing) more than
    `directors_after_days`."""
    stage = _overdue_stage(
        due_on=due_on,
        today=today,
        after_days=schedule.directors_after_days,
        every=schedule.overdue_every_days,
    )
    return _as_missing(stage) if missing else stage


# What a reminder's kind ("<audience>:<stage>[:n<note hash>]", as the planner writes it) means,
# in the words a manager reads on a staff record and in the audit trail.
AUDIENCE_WORDS = {
    # (when the item is not yet due, once it is late or missing)
    "staff": ("Reminder", "Reminder"),
    "manager": ("Told the manager", "Escalated to the manager"),
    "regional": ("Told the regional manager", "Escalated to the regional manager"),
    "director": ("Told the medical directors", "Escalated to the medical directors"),
}
OTHER_KINDS = {
    "digest:weekly": "In the manager's weekly digest",
    "alert:undeliverable": "Alert: a reminder could not be delivered",
    "staff:nudge": "Reminder sent at a manager's request",
}
NOTE_ONLY = "Note to the person: something new to know, such as why a card was rejected"
WITH_NOTE = ", with a new note"


def describe(kind: str) -> str:
    """A reminder's kind as a sentence: "manager:overdue-35" reads "Escalated to the manager,
    35 days overdue", "staff:before-30" "Reminder 30 days before the due date"."""
    if kind in OTHER_KINDS:
        return OTHER_KINDS[kind]
    audience, _, rest = kind.partition(":")
    stage, _, note = rest.partition(":")
    if stage == "notice":
        return NOTE_ONLY
    early, late = AUDIENCE_WORDS.get(audience, ("Reminder", "Reminder"))
    if stage.startswith("before-"):
        days = int(stage.removeprefix("before-"))
        text = f"{early} {days} day{'' if days == 1 else 's'} before the due date"
    elif stage == "due-today":
        text = f"{early} on the due date"
    elif stage.startswith("overdue-"):
        text = f"{late}, {int(stage.removeprefix('overdue-'))} days overdue"
    elif stage == "overdue":
        text = f"{late}, overdue"
    elif stage == "missing":
        text = f"{late}: nothing on record"
    elif stage.startswith("missing-"):
        days = int(stage.removeprefix("missing-"))
        text = f"{late}: nothing on record for {days} days"
    elif stage == "awaiting":
        text = f"{early}: a card awaits verification"
    else:
        text = early
    return text + WITH_NOTE if note else text
