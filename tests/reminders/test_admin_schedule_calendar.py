"""The schedule, the policy in Wagtail admin, the read-only ledger, and the calendar feed."""

import datetime

from django.core import mail
from django.urls import reverse
from django_q.models import Schedule
from icalendar import Calendar
from reminders.models import CalendarToken, Reminder, ReminderPolicy
from reminders.schedule import EVERY_MINUTES, SCHEDULE_NAME, ensure_reminder_schedule
from reminders.tasks import send_reminders

from organisation import groups
from tests.factories import UserFactory
from tests.factories.certifications import CertificationRecordFactory


def test_the_schedule_runs_every_fifteen_minutes_and_exists_once(db):
    ensure_reminder_schedule()
    ensure_reminder_schedule()
    schedule = Schedule.objects.get(name=SCHEDULE_NAME)
    assert schedule.func == "reminders.tasks.send_reminders"
    assert (schedule.schedule_type, schedule.minutes) == (Schedule.MINUTES, EVERY_MINUTES)
    assert Schedule.objects.filter(name=SCHEDULE_NAME).count() == 1


def test_the_task_runs_the_sweep(sam, bls, maria, policy):
    policy.send_from_hour, policy.send_until_hour = 0, 24  # whatever the hour the suite runs
    policy.save()
    CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        expires_on=datetime.date.today() + datetime.timedelta(days=7),
    )
    summary = send_reminders()
    assert "message(s) sent" in summary
    assert any("sam@clinic.test" in m.to for m in mail.outbox)


def test_the_reminder_policy_is_a_wagtail_setting(client, db):
    client.force_login(UserFactory(groups=[groups.MEDICAL_DIRECTORS]))
    url = reverse("wagtailsettings:edit", args=["reminders", "reminderpolicy"])
    url = client.get(url).url  # generic settings redirect to the one instance
    assert client.get(url).status_code == 200
    data = {
        "offsets_before": "60, 30, 7",
        "on_the_day": "on",
        "overdue_every_days": 7,
        "escalate_from_days": 10,
        "escalate_when_overdue": "on",
        "regional_after_days": 7,
        "directors_after_days": 45,
        "digest_weekday": 2,
        "digest_enabled": "on",
        "send_from_hour": 8,
        "send_until_hour": 18,
        "max_attempts": 6,
    }
    assert client.post(url, data).status_code == 302
    policy = ReminderPolicy.load()
    assert policy.offsets == [60, 30, 7] and policy.directors_after_days == 45
    for bad in ({"offsets_before": "soon"}, {"send_from_hour": 18, "send_until_hour": 8}):
        assert client.post(url, {**data, **bad}).status_code == 200
    assert ReminderPolicy.load().send_from_hour == 8


def test_educators_do_not_see_the_reminder_ledger(client, db):
    client.force_login(UserFactory(groups=[groups.EDUCATORS]))
    ledger = reverse("wagtailsnippets_reminders_reminder:list")
    assert client.get(ledger).status_code in (302, 403)


def test_superusers_read_the_ledger_but_nobody_edits_it(client, sam, bls, maria, policy, now):
    from reminders.sweep import run_sweep

    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=now.date() + datetime.timedelta(days=7)
    )
    run_sweep(now=now)
    reminder = Reminder.objects.first()
    assert reminder is not None
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listing = client.get(reverse("wagtailsnippets_reminders_reminder:list"))
    assert listing.status_code == 200
    assert reminder.stage_text in listing.content.decode()  # the kind in words
    inspect = reverse("wagtailsnippets_reminders_reminder:inspect", args=[reminder.pk])
    assert client.get(inspect).status_code == 200
    edit = reverse("wagtailsnippets_reminders_reminder:edit", args=[reminder.pk])
    assert client.get(edit).status_code in (302, 403)
    client.post(reverse("wagtailsnippets_reminders_reminder:delete", args=[reminder.pk]))
    assert Reminder.objects.filter(pk=reminder.pk).exists()


def test_calendar_feed_is_valid_icalendar_with_the_expiry(client, sam, bls):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=datetime.date(2028, 1, 31)
    )
    client.force_login(sam.user)
    page = client.get(reverse("reminders:calendar"))
    assert "token=" in page.context["feed_url"]
    client.logout()
    token = CalendarToken.objects.get(user=sam.user).token
    response = client.get(reverse("reminders:calendar_feed"), {"token": token})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime.date(2028, 1, 31)
    assert str(event["summary"]) == "Basic Life Support expires"
    assert str(event["url"]).endswith("/my/certifications/")
    assert calendar["version"] == "2.0" and calendar["prodid"]


def test_calendar_feed_wrong_or_old_token_is_404(client, sam):
    url = reverse("reminders:calendar_feed")
    assert client.get(url, {"token": "guess"}).status_code == 404
    assert client.get(url).status_code == 404
    client.force_login(sam.user)
    client.get(reverse("reminders:calendar"))
    old = CalendarToken.objects.get(user=sam.user).token
    client.post(reverse("reminders:calendar"))
    client.logout()
    assert client.get(url, {"token": old}).status_code == 404


def test_settings_that_would_break_the_crash_bound_fail_the_checks(settings):
    from reminders.checks import BUDGET_OVER_TIMEOUT, LEASE_TOO_SHORT, sweep_limits

    assert sweep_limits() == []
    settings.REMINDER_LEASE_SECONDS = settings.REMINDER_SWEEP_BUDGET_SECONDS
    settings.REMINDER_SWEEP_BUDGET_SECONDS = settings.Q_CLUSTER["timeout"]
    assert [e.msg for e in sweep_limits()] == [BUDGET_OVER_TIMEOUT, LEASE_TOO_SHORT]
