"""An open follow-up action reminds its owner through the ledger: once per stage, and nothing
more once it is done."""

import datetime

from django.core import mail
from followups import services
from reminders.models import Audience, Reminder, ReminderStatus
from reminders.sweep import run_sweep

from tests.followups.conftest import add_action

# Ten in the morning in New York: inside sending hours.
MORNING = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


def _sweep(at):
    mail.outbox.clear()
    return run_sweep(now=at)


def _to_owner(person):
    return Reminder.objects.filter(
        audience=Audience.STAFF, recipient=person, item_key__contains=":followup:"
    )


def test_the_owner_hears_once_per_stage_and_not_after_it_is_done(incident, maria, nadia, policy):
    action = add_action(incident, nadia, maria, due_on=datetime.date(2026, 3, 10))  # 6 days on
    _sweep(MORNING)
    sent = [m for m in mail.outbox if m.to == [nadia.user.email]]
    assert len(sent) == 1 and "Restock burn gel" in sent[0].body
    assert "/my/follow-ups/" in sent[0].body
    (row,) = _to_owner(nadia)
    assert row.status == ReminderStatus.SENT and row.kind == "staff:before-7"
    assert row.item_key == f"{nadia.pk}:followup:action:{action.pk}"

    # Later the same stage: nothing more.
    _sweep(MORNING + DAY)
    assert [m for m in mail.outbox if m.to == [nadia.user.email]] == []
    assert _to_owner(nadia).count() == 1

    # The due day is a new stage: one more.
    _sweep(MORNING + 6 * DAY)
    assert len([m for m in mail.outbox if m.to == [nadia.user.email]]) == 1
    assert sorted(_to_owner(nadia).values_list("kind", flat=True)) == [
        "staff:before-7",
        "staff:due-today",
    ]

    # Done: overdue stages never come.
    services.mark_done(action=action, note="", actor=nadia.user, now=MORNING + 6 * DAY)
    _sweep(MORNING + 14 * DAY)
    assert [m for m in mail.outbox if m.to == [nadia.user.email]] == []
    assert _to_owner(nadia).count() == 2


def test_a_cancelled_action_is_not_reminded(incident, maria, nadia, policy):
    action = add_action(incident, nadia, maria, due_on=datetime.date(2026, 3, 10))
    services.cancel(action=action, note="Not needed", actor=maria.user, now=MORNING)
    _sweep(MORNING)
    assert not _to_owner(nadia).exists()
