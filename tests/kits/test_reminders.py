"""Kit reminders go through the reminders ledger and sweep: to the location's managers, once
per item, due date and stage; with no manager, an undeliverable row and an alert."""

import datetime

from django.core import mail
from django.urls import reverse
from reminders.models import Audience, Reminder, ReminderStatus
from reminders.planner import NO_MANAGER
from reminders.sweep import run_sweep

from kits import services
from tests.factories import ManagerFactory
from tests.kits.conftest import all_right, make_kit

# Ten in the morning in New York: inside sending hours.
MORNING = datetime.datetime(2026, 3, 4, 15, 0, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


def _checked_on(kit, person, day: datetime.date):
    at = datetime.datetime.combine(day, datetime.time(15), tzinfo=datetime.UTC)
    return services.record_check(kit=kit, checked_by=person, lines=all_right(kit), notes="", now=at)


def _sweep(at):
    mail.outbox.clear()
    return run_sweep(now=at)


def test_a_due_check_is_told_to_the_manager_once_over_two_sweeps(kit, nadia, maria, policy):
    _checked_on(kit, nadia, datetime.date(2026, 2, 25))  # next due 4 March
    report = _sweep(MORNING - DAY)
    assert report.count("sent") == 0 and not Reminder.objects.exists()

    _sweep(MORNING)
    (message,) = mail.outbox
    assert message.to == [maria.user.email]
    body = message.body
    assert "North" in body and "Anaphylaxis kit, Room 2: weekly check is due today" in body
    assert f"/manage/kits/{kit.pk}/" in body
    row = Reminder.objects.get()
    assert (row.audience, row.kind, row.status) == ("manager", "manager:due-today", "sent")
    assert row.subject is None and row.item_key == f"location:{kit.location_id}:kit:check:{kit.pk}"

    # The next day's sweep, and another the day after: nothing new for the same due date.
    _sweep(MORNING + DAY)
    _sweep(MORNING + 2 * DAY)
    assert mail.outbox == [] and Reminder.objects.count() == 1


def test_a_check_recorded_before_the_send_cancels_the_reminder(kit, nadia, maria, policy):
    _checked_on(kit, nadia, datetime.date(2026, 2, 25))
    night = datetime.datetime(2026, 3, 4, 6, 0, tzinfo=datetime.UTC)  # 1 am in New York
    report = _sweep(night)
    assert report.waiting == 1 and Reminder.objects.get().status == ReminderStatus.PENDING
    _checked_on(kit, nadia, datetime.date(2026, 3, 4))
    _sweep(MORNING)
    assert mail.outbox == []
    assert Reminder.objects.get().status == ReminderStatus.CANCELLED


def test_an_item_is_told_30_days_before_it_expires_and_on_the_day_once_each(
    north, nadia, maria, policy
):
    expires = datetime.date(2026, 4, 3)
    kit = make_kit(
        north, maria, now=MORNING - 30 * DAY, items=[("Hyaluronidase 1500 IU", "HYL-1", expires)]
    )
    for offset in (31, 30, 29, 10):  # days before the expiry; the weekly check kept up
        _checked_on(kit, nadia, (MORNING + (30 - offset) * DAY).date())
        _sweep(datetime.datetime.combine(expires - offset * DAY, datetime.time(15), datetime.UTC))
    expiry = Reminder.objects.filter(item_key__contains=":kit:item:")
    assert list(expiry.values_list("kind", "due_key", "status")) == [
        ("manager:before-30", "2026-04-03", "sent")
    ]
    for offset in (0, -1, -5):
        _sweep(datetime.datetime.combine(expires - offset * DAY, datetime.time(15), datetime.UTC))
    kinds = sorted(expiry.values_list("kind", flat=True))
    assert kinds == ["manager:before-30", "manager:due-today"]


def test_a_replaced_lot_is_a_new_item_to_remind_about(kit, nadia, maria, policy):
    item = kit.items.first()
    item.expires_on = datetime.date(2026, 3, 20)
    item.save()
    _checked_on(kit, nadia, datetime.date(2026, 3, 1))
    _sweep(MORNING)
    services.replace_item_lot(
        item=item,
        lot_number="EAI-2",
        expires_on=datetime.date(2026, 3, 30),
        reason="",
        replaced_by=maria,
        now=MORNING,
    )
    _sweep(MORNING + DAY)
    keys = set(
        Reminder.objects.filter(item_key__endswith=f":item:{item.pk}").values_list(
            "due_key", "status"
        )
    )
    assert keys == {("2026-03-20", "sent"), ("2026-03-30", "sent")}


def test_no_manager_means_an_alert_never_silence(north, nadia, dana, policy):
    kit = make_kit(north, nadia, now=MORNING - 10 * DAY)
    _sweep(MORNING)
    row = Reminder.objects.get(audience=Audience.MANAGER)
    assert row.status == ReminderStatus.UNDELIVERABLE and row.recipient is None
    assert row.last_error == NO_MANAGER.format(locations="North")
    alert = Reminder.objects.get(audience=Audience.ALERT)
    assert alert.recipient == dana and str(kit) in alert.detail
    _sweep(MORNING + DAY)
    assert Reminder.objects.count() == 2


def test_a_regional_manager_hears_where_the_location_has_no_manager_of_its_own(
    north, south, nadia, policy
):
    rachel = ManagerFactory(home_location=north, managed_locations=[north, south])
    make_kit(north, nadia, now=MORNING - 10 * DAY)
    _sweep(MORNING)
    assert Reminder.objects.get().recipient == rachel and len(mail.outbox) == 1


def test_another_locations_manager_hears_nothing(kit, nadia, maria, oscar, policy):
    _sweep(MORNING)
    assert [m.to for m in mail.outbox] == [[maria.user.email]]
    assert not Reminder.objects.filter(recipient=oscar).exists()


def test_an_undelivered_kit_reminder_is_on_its_locations_problem_list_only(
    client, north, nadia, maria, oscar, dana, policy
):
    """Maria manages North but has no email address: the reminder about North's kit reaches
    nobody, and she finds it on /manage/ (the row names the location, not a person); South's
    manager does not."""
    maria.user.email = ""
    maria.user.save()
    kit = make_kit(north, nadia, now=MORNING - 10 * DAY)
    _sweep(MORNING)
    row = Reminder.objects.get(audience=Audience.MANAGER)
    assert row.status == ReminderStatus.UNDELIVERABLE and row.location == north
    assert Reminder.objects.get(audience=Audience.ALERT).location == north

    client.force_login(maria.user)
    problems = client.get(reverse("dashboard:manage")).context["reminder_problems"]
    assert [(r.label, r.location) for r in problems] == [(f"{kit}: weekly check", north)]
    body = client.get(reverse("dashboard:manage")).content.decode()
    assert "Reminders that have not reached their person" in body and ">North</th>" in body

    client.force_login(oscar.user)
    assert client.get(reverse("dashboard:manage")).context["reminder_problems"] == []
