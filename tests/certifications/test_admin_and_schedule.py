import datetime

from django.core import mail
from django.urls import reverse
from django_q.models import Schedule

from certifications.models import CertificationRecord, CertificationType, Reminder, ReminderPolicy
from certifications.schedule import SCHEDULE_NAME, ensure_reminder_schedule
from certifications.tasks import send_reminders
from organisation import groups
from tests.factories import StaffProfileFactory, UserFactory
from tests.factories.certifications import CertificationRecordFactory


def test_the_daily_schedule_exists_once_after_migrate(db):
    ensure_reminder_schedule()
    ensure_reminder_schedule()
    schedule = Schedule.objects.get(name=SCHEDULE_NAME)
    assert schedule.func == "certifications.tasks.send_reminders"
    assert schedule.schedule_type == Schedule.DAILY
    assert Schedule.objects.filter(name=SCHEDULE_NAME).count() == 1


def test_the_task_runs_the_sweep(sam, bls, maria):
    CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        expires_on=datetime.date.today() + datetime.timedelta(days=7),
    )
    summary = send_reminders()
    assert "sent" in summary
    assert any("sam@clinic.test" in m.to for m in mail.outbox)


def test_educators_edit_types_in_wagtail_admin(client, db):
    educator = UserFactory(groups=[groups.EDUCATORS])
    client.force_login(educator)
    listing = reverse("wagtailsnippets_certifications_certificationtype:list")
    assert client.get(listing).status_code == 200
    add = reverse("wagtailsnippets_certifications_certificationtype:add")
    response = client.post(
        add,
        {
            "name": "Basic Life Support",
            "code": "BLS",
            "issuing_body": "AHA",
            "validity_months": 24,
            "expiry_rule": "end_of_month",
            "renewal_window_days": 90,
            "grace_days": 0,
            "description": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert CertificationType.objects.filter(code="BLS").exists()


def test_staff_cannot_reach_the_admin_viewsets(client, sam):
    client.force_login(sam.user)
    listing = reverse("wagtailsnippets_certifications_certificationtype:list")
    assert client.get(listing).status_code in (302, 403)


def test_the_reminder_policy_is_a_wagtail_setting(client, db):
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    url = reverse("wagtailsettings:edit", args=["certifications", "reminderpolicy"])
    url = client.get(url).url  # generic settings redirect to the one instance
    assert client.get(url).status_code == 200
    data = {
        "offsets_before": "60, 30, 7",
        "on_the_day": "on",
        "overdue_every_days": 7,
        "escalate_from_days": 10,
        "escalate_when_overdue": "on",
        "digest_weekday": 2,
        "digest_enabled": "on",
    }
    assert client.post(url, data).status_code == 302
    assert ReminderPolicy.load().offsets == [60, 30, 7]
    bad = client.post(url, {**data, "offsets_before": "soon"})
    assert bad.status_code == 200 and ReminderPolicy.load().offsets == [60, 30, 7]


def test_deleting_a_person_removes_their_renewal_chain(sam, bls):
    first = CertificationRecordFactory(staff=sam, certification_type=bls)
    CertificationRecordFactory(staff=sam, certification_type=bls, supersedes=first)
    sam.user.delete()
    assert not CertificationRecord.objects.exists()
    assert StaffProfileFactory()  # the database is still usable


def test_educators_do_not_see_the_reminder_ledger(client, db):
    educator = UserFactory(groups=[groups.EDUCATORS])
    client.force_login(educator)
    ledger = reverse("wagtailsnippets_certifications_reminder:list")
    assert client.get(ledger).status_code in (302, 403)


def test_superusers_read_the_ledger_but_nobody_edits_it(client, sam, bls, maria):
    CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        expires_on=datetime.date.today() + datetime.timedelta(days=7),
    )
    send_reminders()
    reminder = Reminder.objects.first()
    assert reminder is not None
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get(reverse("wagtailsnippets_certifications_reminder:list")).status_code == 200
    inspect = reverse("wagtailsnippets_certifications_reminder:inspect", args=[reminder.pk])
    assert client.get(inspect).status_code == 200
    edit = reverse("wagtailsnippets_certifications_reminder:edit", args=[reminder.pk])
    assert client.get(edit).status_code in (302, 403)
    delete = reverse("wagtailsnippets_certifications_reminder:delete", args=[reminder.pk])
    client.post(delete)
    assert Reminder.objects.filter(pk=reminder.pk).exists()
