"""Two nudges, or two exemptions, of the same item at the same moment in separate connections:
one is made, the other refused with its message (PostgreSQL only: the ledger's unique key and
the lock on the person decide)."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from reminders.models import Reminder

from actions import exemptions, nudges
from actions.models import Exemption
from organisation.models import AuditEntry
from tests.actions.test_exemptions import clinic  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Concurrency is decided by PostgreSQL's locks and unique index; this test runs in "
    "the PostgreSQL pass (DATABASE_URL=postgres://...).",
)
MORNING = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)


def at_once(*calls) -> tuple[list, list[ValidationError]]:
    start = threading.Barrier(len(calls))
    made, refused, errors = [], [], []

    def run(call):
        try:
            start.wait(timeout=10)
            made.append(call())
        except ValidationError as error:
            refused.append(error)
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return made, refused


@pytest.mark.django_db(transaction=True)
def test_two_nudges_at_once_make_one_ledger_row(clinic):  # noqa: F811
    def nudge():
        return nudges.send_nudge(
            staff=clinic["sam"],
            kind="certification",
            requirement_key="BLS",
            actor=clinic["manager"].user,
            now=MORNING,
        )

    made, refused = at_once(nudge, nudge)
    assert len(made) == 1 and len(refused) == 1
    assert "already been sent a reminder" in str(refused[0])
    assert Reminder.objects.filter(kind="staff:nudge").count() == 1
    assert AuditEntry.objects.filter(action="reminder.nudged").count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_exemptions_at_once_make_one(clinic):  # noqa: F811
    def grant():
        return exemptions.grant_exemption(
            staff=clinic["sam"],
            kind="certification",
            requirement_key="BLS",
            ends_on=datetime.date(2026, 3, 31),
            reason="Leave",
            actor=clinic["manager"].user,
            now=MORNING,
        )

    made, refused = at_once(grant, grant)
    assert len(made) == 1 and len(refused) == 1
    assert Exemption.objects.count() == 1
    assert AuditEntry.objects.filter(action="exemption.granted").count() == 1
