import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from certifications.models import Reminder, ReminderPolicy, ReminderStatus
from certifications.reminders.plan import NO_MANAGER
from certifications.reminders.sweep import run_sweep
from organisation.compliance import ComplianceRow, Status, provider_registered
from organisation.models import AuditEntry
from organisation.services import deactivate_staff
from tests.factories import StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory

EXPIRES = datetime.date(2026, 3, 31)


@pytest.fixture
def bls_of_sam(sam, bls):
    return CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=EXPIRES, card_number="SECRET-CARD-77"
    )


@pytest.fixture(autouse=True)
def no_digest(db):
    """Digests have their own test; elsewhere they would only add a mail to count."""
    policy = ReminderPolicy.load()
    policy.digest_enabled = False
    policy.save()
    return policy


def _sweep(day, now):
    return run_sweep(now=now, as_of=day)


def _sent_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_a_reminder_is_sent_once_with_who_what_when_and_a_link(bls_of_sam, maria, now, settings):
    settings.SITE_URL = "https://readyroom.example"
    report = _sweep(EXPIRES - datetime.timedelta(days=30), now)

    (message,) = _sent_to("sam@clinic.test")
    assert message.subject == "Your Basic Life Support is due on 31 March 2026 (in 30 days)"
    assert "Hello Sam" in message.body
    assert "Tuesday 31 March 2026" in message.body
    assert "upload it" in message.body
    assert "https://readyroom.example/my/certifications/" in message.body
    assert "SECRET-CARD-77" not in message.body and not message.attachments
    assert [line.kind for line in report.lines] == ["staff:before-30"]
    row = Reminder.objects.get(audience="staff")
    assert (row.kind, row.status, row.attempts) == ("staff:before-30", "sent", 1)
    assert AuditEntry.objects.filter(staff=bls_of_sam.staff, action="reminder.sent").count() == 1

    again = _sweep(EXPIRES - datetime.timedelta(days=30), now)
    assert again.count("sent") == 0 and len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_a_sweep_after_missed_days_sends_only_the_latest_stage(bls_of_sam, maria, now):
    # The worker was down from 70 days before until 20 days before: 60 and 30 were missed.
    _sweep(EXPIRES - datetime.timedelta(days=70), now)  # before-90
    _sweep(EXPIRES - datetime.timedelta(days=20), now)
    kinds = list(Reminder.objects.order_by("pk").values_list("kind", flat=True))
    assert kinds == ["staff:before-90", "staff:before-30"]
    assert len(_sent_to("sam@clinic.test")) == 2


def test_managers_hear_from_fourteen_days_before_and_when_overdue(bls_of_sam, maria, now):
    _sweep(EXPIRES - datetime.timedelta(days=20), now)
    assert _sent_to("maria@clinic.test") == []
    _sweep(EXPIRES - datetime.timedelta(days=10), now)
    (escalation,) = _sent_to("maria@clinic.test")
    assert escalation.subject.startswith("Sam ")
    assert "/manage/certifications/" in escalation.body
    assert "SECRET-CARD-77" not in escalation.body
    _sweep(EXPIRES + datetime.timedelta(days=2), now)
    assert [m.subject for m in _sent_to("maria@clinic.test")][-1].endswith("(2 days ago)")


def test_an_escalation_with_no_manager_is_recorded_not_dropped(bls_of_sam, now):
    out = StringIO()
    call_command("send_reminders", "--as-of", str(EXPIRES), stdout=out)
    row = Reminder.objects.get(audience="manager")
    assert row.status == ReminderStatus.UNDELIVERABLE and row.recipient is None
    assert row.last_error == NO_MANAGER.format(locations="Brookline")
    text = out.getvalue()
    assert "undeliverable" in text and "No active manager" in text
    assert "1 undeliverable" in text
    # Reported once, not every day.
    call_command("send_reminders", "--as-of", str(EXPIRES), stdout=StringIO())
    assert Reminder.objects.filter(audience="manager").count() == 1


def test_staff_without_email_are_reported(sam, bls, maria, now):
    sam.user.email = ""
    sam.user.save()
    report = _sweep(EXPIRES, now)
    row = Reminder.objects.get(audience="staff")
    assert row.status == ReminderStatus.UNDELIVERABLE and "no email" in row.last_error
    assert report.count("undeliverable") == 1


def test_people_who_left_or_changed_role_get_nothing(bls_of_sam, maria, injector, now):
    other = StaffProfileFactory(roles=[injector], home_location=maria.home_location)
    CertificationRecordFactory(
        staff=other, certification_type=bls_of_sam.certification_type, expires_on=EXPIRES
    )
    deactivate_staff(profile=bls_of_sam.staff)
    other.roles.clear()
    _sweep(EXPIRES - datetime.timedelta(days=7), now)
    assert mail.outbox == []


def test_a_renewal_between_planning_and_sending_cancels_the_reminder(bls_of_sam, maria, now):
    day = EXPIRES - datetime.timedelta(days=7)
    Reminder.objects.bulk_create([])  # nothing up my sleeve
    from certifications.reminders.plan import plan_reminders

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


def test_training_rows_get_reminders_through_the_same_sweep(sam, now):
    def training(*, staff, now, as_of):
        return [
            ComplianceRow(
                staff_id=p.pk,
                kind="training",
                requirement_key="42",
                label="Laser safety refresher",
                status=Status.DUE_SOON,
                due_on=datetime.date(2026, 3, 15),
                url="/my/training/42/",
            )
            for p in staff
        ]

    with provider_registered("training", training):
        _sweep(datetime.date(2026, 3, 8), now)
    subjects = [m.subject for m in _sent_to("sam@clinic.test")]
    assert "Your Laser safety refresher is due on 15 March 2026 (in 7 days)" in subjects
    body = next(m.body for m in mail.outbox if "Laser" in m.subject)
    assert "/my/training/42/" in body


def test_weekly_digest_once_per_week(bls_of_sam, maria, now):
    policy = ReminderPolicy.load()
    policy.digest_enabled = True
    policy.digest_weekday = 0  # Monday
    policy.save()
    monday = datetime.date(2026, 3, 16)
    _sweep(monday, now)
    digests = [m for m in _sent_to("maria@clinic.test") if m.subject.startswith("Weekly digest")]
    assert len(digests) == 1
    assert "Basic Life Support - Due soon" in digests[0].body
    _sweep(monday + datetime.timedelta(days=3), now)  # same week: nothing new
    digests = [m for m in _sent_to("maria@clinic.test") if m.subject.startswith("Weekly digest")]
    assert len(digests) == 1
    _sweep(monday + datetime.timedelta(days=7), now)
    digests = [m for m in _sent_to("maria@clinic.test") if m.subject.startswith("Weekly digest")]
    assert len(digests) == 2


def test_dry_run_records_and_sends_nothing(bls_of_sam, maria, now):
    out = StringIO()
    call_command("send_reminders", "--as-of", "2026-03-25", "--dry-run", stdout=out)
    assert mail.outbox == [] and not Reminder.objects.exists()
    assert "would-send" in out.getvalue() and "Dry run" in out.getvalue()


def test_command_prints_a_line_per_reminder_and_a_summary(bls_of_sam, maria, now):
    out = StringIO()
    call_command("send_reminders", "--as-of", "2026-03-25", stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert len([line for line in lines if line.startswith("sent")]) == len(mail.outbox) == 2
    assert lines[-1].startswith("2 sent, 0 failed")


def test_command_refuses_a_bad_date():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--as-of", "31/03/2026")


def test_sweep_query_count_is_flat(injector, bls, maria, now, django_assert_max_num_queries):
    def add(count):
        for _ in range(count):
            person = StaffProfileFactory(roles=[injector], home_location=maria.home_location)
            CertificationRecordFactory(staff=person, certification_type=bls, expires_on=EXPIRES)

    counts = []
    for size, day in ((3, 20), (20, 10)):
        add(size)
        with django_assert_max_num_queries(60) as captured:
            _sweep(EXPIRES - datetime.timedelta(days=day), now)
        counts.append(len(captured))
    assert counts[1] <= counts[0] + 2, counts


def test_a_sweep_that_died_mid_send_leaves_a_visible_row_not_a_resend(bls_of_sam, maria, now):
    day = EXPIRES - datetime.timedelta(days=30)
    _sweep(day, now)
    row = Reminder.objects.get(audience="staff")
    # As if a worker had claimed it and died before marking it sent.
    Reminder.objects.filter(pk=row.pk).update(
        status=ReminderStatus.SENDING,
        claim_token="dead-worker",
        claimed_at=now - datetime.timedelta(hours=3),
    )
    mail.outbox.clear()
    report = _sweep(day, now)
    assert mail.outbox == []
    assert report.stale_sending == 1 and "1 stuck in sending" in report.summary
    from certifications.selectors import undeliverable_reminders

    assert list(undeliverable_reminders(maria.user)) == [Reminder.objects.get(pk=row.pk)]


def test_sent_reminders_appear_in_the_audit_trail_on_the_record(client, bls_of_sam, maria, now):
    from django.urls import reverse

    _sweep(EXPIRES - datetime.timedelta(days=7), now)
    client.force_login(maria.user)
    page = client.get(reverse("certifications:record", args=[bls_of_sam.pk]))
    summaries = [entry.summary for entry in page.context["audit"]]
    assert any("staff:before-7" in s and "sent to Sam" in s for s in summaries)
    assert any("manager:before-7" in s for s in summaries)
