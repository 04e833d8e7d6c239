"""Nudge: a manager's one-off reminder about one requirement, through the reminders ledger:
audited, sent exactly once by the sweep, refused the same day, cancelled if done first."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from reminders.models import Reminder, ReminderStatus
from reminders.sweep import run_sweep

from actions import exemptions, nudges
from organisation.models import AuditEntry
from tests.actions.test_exemptions import clinic  # noqa: F401 - the fixture

# 10:00 in New York on 4 March: inside the sending hours; Sam's BLS is 32 days overdue.
MORNING = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)
NEXT_MORNING = MORNING + datetime.timedelta(days=1)


def nudge(clinic, now, **kwargs):  # noqa: F811
    values = {
        "staff": clinic["sam"],
        "kind": "certification",
        "requirement_key": "BLS",
        "actor": clinic["manager"].user,
        "now": now,
    }
    return nudges.send_nudge(**(values | kwargs))


def to_sam(clinic):  # noqa: F811
    return [m for m in mail.outbox if clinic["sam"].user.email in m.to]


def test_a_nudge_is_audited_and_sent_exactly_once(clinic):  # noqa: F811
    run_sweep(now=MORNING)  # the regular overdue reminder goes today
    assert len(to_sam(clinic)) == 1
    reminder = nudge(clinic, NEXT_MORNING)
    entry = AuditEntry.objects.get(action="reminder.nudged")
    assert entry.actor == clinic["manager"].user and entry.data["reminder"] == reminder.pk
    assert entry.summary.startswith("Reminder about Basic Life Support (overdue) asked for by")

    run_sweep(now=NEXT_MORNING)
    run_sweep(now=NEXT_MORNING + datetime.timedelta(hours=1))
    sent = to_sam(clinic)
    assert len(sent) == 2  # yesterday's reminder and the nudge, once
    assert "Basic Life Support" in sent[1].body and "/my/certifications/" in sent[1].body
    reminder.refresh_from_db()
    assert reminder.status == ReminderStatus.SENT and reminder.kind == "staff:nudge"
    assert reminder.stage_text == "Reminder sent at a manager's request"


def test_a_second_nudge_the_same_day_is_refused_from_anyone(clinic):  # noqa: F811
    nudge(clinic, MORNING)
    with pytest.raises(ValidationError) as refused:
        nudge(clinic, MORNING + datetime.timedelta(hours=3))
    assert "already been sent a reminder about Basic Life Support today" in str(refused.value)
    assert Reminder.objects.filter(kind="staff:nudge").count() == 1
    assert AuditEntry.objects.filter(action="reminder.nudged").count() == 1
    nudge(clinic, NEXT_MORNING)  # the next day it may be asked again
    assert Reminder.objects.filter(kind="staff:nudge").count() == 2


def test_a_nudge_about_an_item_exempted_before_sending_is_cancelled(clinic):  # noqa: F811
    run_sweep(now=MORNING)
    reminder = nudge(clinic, NEXT_MORNING)
    exemptions.grant_exemption(
        staff=clinic["sam"],
        kind="certification",
        requirement_key="BLS",
        ends_on=datetime.date(2026, 6, 30),
        reason="Leave",
        actor=clinic["manager"].user,
        now=NEXT_MORNING,
    )
    run_sweep(now=NEXT_MORNING)
    reminder.refresh_from_db()
    assert reminder.status == ReminderStatus.CANCELLED and len(to_sam(clinic)) == 1


def test_nothing_to_nudge_about_an_exempt_requirement(clinic):  # noqa: F811
    exemptions.grant_exemption(
        staff=clinic["sam"],
        kind="certification",
        requirement_key="BLS",
        ends_on=datetime.date(2026, 6, 30),
        reason="Leave",
        actor=clinic["manager"].user,
        now=MORNING,
    )
    with pytest.raises(ValidationError) as refused:
        nudge(clinic, MORNING)
    assert "needs nothing done (Exempt until)" in str(refused.value)


def test_another_locations_manager_cannot_nudge(client, clinic):  # noqa: F811
    with pytest.raises(PermissionDenied):
        nudge(clinic, MORNING, actor=clinic["other_manager"].user)
    client.force_login(clinic["other_manager"].user)
    url = reverse("actions:nudge", args=[clinic["sam"].pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"requirement": "certification|BLS"}).status_code == 404
    assert not Reminder.objects.filter(kind="staff:nudge").exists()


def test_the_page_sends_it_and_a_double_click_says_why_not(client, clinic):  # noqa: F811
    client.force_login(clinic["manager"].user)
    url = reverse("actions:nudge", args=[clinic["sam"].pk])
    assert 'value="certification|BLS"' in client.get(url).content.decode()
    assert client.post(url, {"requirement": "certification|BLS"}).status_code == 302
    again = client.post(url, {"requirement": "certification|BLS"})
    assert again.status_code == 400
    assert "already been sent a reminder" in again.content.decode()
    assert Reminder.objects.filter(kind="staff:nudge").count() == 1
