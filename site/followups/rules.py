"""How an open follow-up action stands on its owner's date: pure, no database. In the status
toolkit's words, so it reads as every other thing with a due date."""

from datetime import date

from organisation.status import Status, judge_due

DUE_SOON_DAYS = 7


def status(*, due_on: date, today: date) -> Status:
    return judge_due(due_on=due_on, as_of=today, due_soon_days=DUE_SOON_DAYS)
