"""The sweep against Django's in-memory outbox: who hears of what, once, in one message."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from reminders.models import Reminder, ReminderPolicy, ReminderStatus
from reminders.planner import NO_MANAGER, plan_reminders
from reminders.sweep import run_sweep

from organisation.compliance import ComplianceRow, Status, provider_registered
from organisation.models import AuditEntry
from organisation.services import deactivate_staff
from tests.factories import StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory

EXPIRES = datetime.date(2026, 3, 31)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def bls_of_sam(sam, bls, policy):
    return CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=EXPIRES, card_number="SECRET-CARD-77"
    )


def _sweep(day, now):
    """A sweep judging everyone on `day`, at a moment inside sending hours on that day."""
    return run_sweep(now=now.replace(year=day.year, month=day.month, day=day.day), as_of=day)


def _sent_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_a_reminder_is_sent_once_with_who_what_when_and_a_link(bls_of_sam, maria, now, settings):
    settings.SITE_URL = "https://readyroom.example"
    report = _sweep(EXPIRES - 30 * DAY, now)

    (message,) = _sent_to("sam@clinic.test")
    assert (
        message.subject == "Your Basic Life Support expires on Tuesday 31 March 2026 (in 30 days)"
    )
    assert "Hello Sam" in message.body
    assert "What to do:" in message.body
    assert "https://readyroom.example/my/certifications/" in message.body
    assert "SECRET-CARD-77" not in message.body and not message.attachments
    assert [line.kind for line in report.lines] == ["staff:before-30"]
    row = Reminder.objects.get(audience="staff")
    assert (row.kind, row.status, row.attempts) == ("staff:before-30", "sent", 1)
    assert row.message_id == message.extra_headers["Message-ID"]
    entry = AuditEntry.objects.get(staff=bls_of_sam.staff, action="reminder.sent")
    assert entry.data["message_id"] == row.message_id
    assert entry.summary == (
        f"Reminder 30 days before the due date: Basic Life Support, sent to {row.recipient}."
    )

    again = _sweep(EXPIRES - 30 * DAY, now)
    assert again.count("sent") == 0 and len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_a_sweep_after_missed_days_sends_only_the_latest_stage(bls_of_sam, maria, now):
    # The worker was down from 70 days before until 20 days before: 60 and 30 were missed.
    _sweep(EXPIRES - 70 * DAY, now)  # before-90
    _sweep(EXPIRES - 20 * DAY, now)
    kinds = list(Reminder.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["staff:before-90", "staff:before-30"]
    assert len(_sent_to("sam@clinic.test")) == 2


def test_managers_hear_from_fourteen_days_before_and_when_overdue(bls_of_sam, maria, now):
    _sweep(EXPIRES - 20 * DAY, now)
    assert _sent_to("maria@clinic.test") == []
    _sweep(EXPIRES - 10 * DAY, now)
    (escalation,) = _sent_to("maria@clinic.test")
    assert "People you manage" in escalation.body and "Sam " in escalation.body
    assert f"/manage/staff/{bls_of_sam.staff_id}/" in escalation.body
    assert "SECRET-CARD-77" not in escalation.body
    _sweep(EXPIRES + 2 * DAY, now)
    assert "(2 days ago)" in _sent_to("maria@clinic.test")[-1].body


def test_everything_due_for_a_person_goes_in_one_message(sam, bls, injector, maria, policy, now):
    acls = CertificationRecordFactory(staff=sam, expires_on=EXPIRES).certification_type
    injector.certification_requirements.create(certification_type=acls)
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRES + DAY)
    colleague = StaffProfileFactory(roles=[injector], home_location=maria.home_location)
    CertificationRecordFactory(staff=colleague, certification_type=bls, expires_on=EXPIRES)
    _sweep(EXPIRES - 5 * DAY, now)

    (to_sam,) = _sent_to("sam@clinic.test")
    assert to_sam.subject == "ReadyRoom: 2 items of yours"
    assert to_sam.body.index(acls.name) < to_sam.body.index("Basic Life Support")
    (to_maria,) = _sent_to("maria@clinic.test")
    assert "Brookline" in to_maria.body
    assert to_maria.body.count("Basic Life Support") == 2  # Sam's and the colleague's
    ids = set(Reminder.objects.filter(recipient=sam).values_list("message_id", flat=True))
    assert ids == {to_sam.extra_headers["Message-ID"]}


def test_nobody_gets_a_second_message_the_same_local_day(bls_of_sam, maria, now):
    day = EXPIRES - 30 * DAY
    _sweep(day, now)

    # Later that day something new falls due for Sam: it waits for tomorrow's message.
    def extra(*, staff, now, as_of):
        return [
            ComplianceRow(p.pk, "extra", "1", "Laser refresher", Status.DUE_SOON, day, "/x/")
            for p in staff
        ]

    with provider_registered("extra", extra):
        report = run_sweep(now=now.replace(month=3, day=1, hour=20), as_of=day)
        assert len(_sent_to("sam@clinic.test")) == 1 and report.waiting == 1
        run_sweep(now=now.replace(month=3, day=2), as_of=day)
    assert len(_sent_to("sam@clinic.test")) == 2


def test_mail_waits_for_the_recipients_working_hours(bls_of_sam, maria, now):
    day = EXPIRES - 30 * DAY
    night = datetime.datetime(2026, 3, 1, 4, 0, tzinfo=datetime.UTC)  # 23:00 in New York
    report = run_sweep(now=night, as_of=day)
    assert mail.outbox == [] and report.waiting == 1
    assert Reminder.objects.get().status == ReminderStatus.PENDING
    morning = datetime.datetime(2026, 3, 1, 12, 5, tzinfo=datetime.UTC)  # 07:05 there
    run_sweep(now=morning, as_of=day)
    assert len(mail.outbox) == 1


def test_an_escalation_with_no_manager_is_recorded_and_alerted(bls_of_sam, dana, now):
    out = StringIO()
    call_command("send_reminders", "--as-of", str(EXPIRES), stdout=out)
    row = Reminder.objects.get(audience="manager")
    assert row.status == ReminderStatus.UNDELIVERABLE and row.recipient is None
    assert row.last_error == NO_MANAGER.format(locations="Brookline")
    assert "No active manager" in out.getvalue()
    alert = Reminder.objects.get(audience="alert")
    assert alert.recipient == dana and "could not be delivered" in alert.detail
    # Reported once, not every run.
    again = StringIO()
    call_command("send_reminders", "--as-of", str(EXPIRES), stdout=again)
    assert Reminder.objects.filter(audience__in=["manager", "alert"]).count() == 2
    assert "No active manager" not in again.getvalue() and "0 undeliverable" in again.getvalue()


def test_staff_without_email_are_reported_to_their_manager(sam, bls, maria, policy, now):
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRES)
    sam.user.email = ""
    sam.user.save()
    _sweep(EXPIRES, now)
    row = Reminder.objects.get(audience="staff")
    assert row.status == ReminderStatus.UNDELIVERABLE and "no email" in row.last_error
    (to_maria,) = _sent_to("maria@clinic.test")
    assert "could not be delivered" in to_maria.body and "has no email" in to_maria.body


def test_tiers_regional_after_seven_days_and_directors_after_thirty(
    bls_of_sam, maria, rachel, dana, now
):
    _sweep(EXPIRES + 7 * DAY, now)
    assert _sent_to("rachel@clinic.test") == [] and _sent_to("dana@clinic.test") == []
    _sweep(EXPIRES + 8 * DAY, now)
    assert len(_sent_to("rachel@clinic.test")) == 1 and _sent_to("dana@clinic.test") == []
    _sweep(EXPIRES + 31 * DAY, now)
    (to_dana,) = _sent_to("dana@clinic.test")
    assert "Sam " in to_dana.body and "31 days ago" in to_dana.body
    kinds = set(Reminder.objects.values_list("kind", flat=True))
    assert {"regional:overdue-7", "director:overdue-28"} <= kinds


def test_a_regional_manager_is_the_manager_where_nobody_else_is(
    sam, bls, rachel, pasadena, policy, now
):
    sam.locations.set([pasadena])
    CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRES)
    _sweep(EXPIRES - 10 * DAY, now)
    assert len(_sent_to("rachel@clinic.test")) == 1
    assert Reminder.objects.get(recipient=rachel).kind == "manager:before-14"


def test_people_who_left_or_changed_role_get_nothing(bls_of_sam, maria, injector, now):
    other = StaffProfileFactory(roles=[injector], home_location=maria.home_location)
    CertificationRecordFactory(
        staff=other, certification_type=bls_of_sam.certification_type, expires_on=EXPIRES
    )
    deactivate_staff(profile=bls_of_sam.staff, now=now)
    other.roles.clear()
    _sweep(EXPIRES - 7 * DAY, now)
    assert mail.outbox == []


def test_a_renewal_between_planning_and_sending_cancels_the_reminder(bls_of_sam, maria, now):
    day = EXPIRES - 7 * DAY
    for planned in plan_reminders(now=now, as_of=day):
        planned.to_ledger(now=now).save()
    CertificationRecordFactory(
        staff=bls_of_sam.staff,
        certification_type=bls_of_sam.certification_type,
        expires_on=datetime.date(2028, 3, 31),
    )
    report = _sweep(day, now)
    assert mail.outbox == []
    assert report.count("cancelled") == 2  # the staff reminder and the escalation
    assert set(Reminder.objects.values_list("status", flat=True)) == {"cancelled"}


def test_providers_supply_the_words_and_the_sweep_does_not_branch_on_kind(sam, policy, now):
    sam.roles.clear()  # nothing but the test provider's row

    def training(*, staff, now, as_of):
        return [
            ComplianceRow(
                staff_id=p.pk,
                kind="anything",
                requirement_key="42",
                label="Laser safety refresher",
                status=Status.DUE_SOON,
                due_on=datetime.date(2026, 3, 15),
                url="/my/training/42/",
                action="Read the three lessons and pass the quiz.",
                note="Your last attempt timed out.",
            )
            for p in staff
        ]

    with provider_registered("anything", training):
        _sweep(datetime.date(2026, 3, 8), now)
    (message,) = _sent_to("sam@clinic.test")
    assert (
        message.subject == "Your Laser safety refresher is due on Sunday 15 March 2026 (in 7 days)"
    )
    assert "/my/training/42/" in message.body
    assert "Read the three lessons and pass the quiz." in message.body
    assert "Your last attempt timed out." in message.body


def test_weekly_digest_folds_into_the_days_message(bls_of_sam, maria, now):
    policy = ReminderPolicy.load()
    policy.digest_enabled = True
    policy.digest_weekday = 0  # Monday
    policy.save()
    monday = datetime.date(2026, 3, 16)
    _sweep(monday, now)
    (first,) = _sent_to("maria@clinic.test")
    assert "This week at the locations you manage" in first.body
    assert "Basic Life Support - Due soon" in first.body
    _sweep(monday + 3 * DAY, now)  # same week: escalation perhaps, digest not again
    assert all("This week" not in m.body for m in _sent_to("maria@clinic.test")[1:])
    _sweep(monday + 7 * DAY, now)
    assert "This week" in _sent_to("maria@clinic.test")[-1].body
    assert Reminder.objects.filter(kind="digest:weekly", status="sent").count() == 2


def test_dry_run_records_and_sends_nothing(bls_of_sam, maria, now):
    out = StringIO()
    call_command("send_reminders", "--as-of", "2026-03-25", "--dry-run", stdout=out)
    assert mail.outbox == [] and not Reminder.objects.exists()
    assert "would-send" in out.getvalue() and "Dry run" in out.getvalue()


def test_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--as-of", "31/03/2026")


def test_sweep_query_count_is_flat(
    injector, bls, maria, policy, now, django_assert_max_num_queries
):
    def add(count):
        for _ in range(count):
            person = StaffProfileFactory(roles=[injector], home_location=maria.home_location)
            CertificationRecordFactory(staff=person, certification_type=bls, expires_on=EXPIRES)

    counts = []
    for size, day in ((3, 20), (20, 10)):
        add(size)
        mail.outbox.clear()
        with django_assert_max_num_queries(200) as captured:
            _sweep(EXPIRES - day * DAY, now)
        counts.append((len(captured), len(mail.outbox)))
    # A fixed cost plus four queries for each message, which is marked sent in a transaction
    # of its own (a savepoint here, inside the test's transaction): the update, the audit
    # entries, and the savepoint's two statements.
    (small, small_messages), (large, large_messages) = counts
    assert large - small <= 4 * (large_messages - small_messages) + 2, counts


def test_sent_reminders_appear_in_the_audit_trail_on_the_record(client, bls_of_sam, maria, now):
    from django.urls import reverse

    _sweep(EXPIRES - 7 * DAY, now)
    client.force_login(maria.user)
    page = client.get(reverse("dashboard:staff_record", args=[bls_of_sam.staff_id]))
    summaries = [entry.summary for entry in page.context["audit"]]
    assert any(
        s.startswith("Reminder 7 days before the due date:") and "sent to Sam" in s
        for s in summaries
    )
    assert any(s.startswith("Told the manager 7 days before the due date:") for s in summaries)
    assert not any("before-7" in s for s in summaries)  # words, not the ledger's codes


def test_a_message_that_cannot_be_composed_fails_alone(
    bls_of_sam, maria, injector, monkeypatch, now
):
    from reminders import sweep

    colleague = StaffProfileFactory(roles=[injector], home_location=maria.home_location)
    CertificationRecordFactory(
        staff=colleague, certification_type=bls_of_sam.certification_type, expires_on=EXPIRES
    )
    real = sweep.compose

    def compose(*, recipient, items):
        if recipient == bls_of_sam.staff:
            raise ValueError("a template went wrong")
        return real(recipient=recipient, items=items)

    monkeypatch.setattr(sweep, "compose", compose)
    report = _sweep(EXPIRES - 10 * DAY, now)
    row = Reminder.objects.get(recipient=bls_of_sam.staff)
    assert row.status == ReminderStatus.FAILED and "a template went wrong" in row.last_error
    assert report.messages == 2  # the colleague and Maria still heard
    assert _sent_to("maria@clinic.test") and _sent_to(colleague.user.email)
