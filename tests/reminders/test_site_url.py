"""Links read away from the site (reminder mail, the calendar feed and its page, the approval
and password reset mails) lead to SITE_URL, whatever address a request came in on."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar
from reminders.models import CalendarToken
from reminders.sweep import run_sweep

from tests.factories.certifications import CertificationRecordFactory

SITE = "http://127.0.0.1:8123"
EXPIRES = datetime.date(2026, 3, 31)


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    # The request's own host differs, as behind a proxy or on another port.
    settings.ALLOWED_HOSTS = ["testserver", "intranet.local"]


@pytest.fixture
def bls_of_sam(sam, bls, policy):
    return CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=EXPIRES)


def test_a_reminder_mail_links_to_the_site_url(bls_of_sam, maria, now):
    run_sweep(now=now.replace(day=1), as_of=EXPIRES - datetime.timedelta(days=30))
    (message,) = [m for m in mail.outbox if "sam@clinic.test" in m.to]
    assert f"{SITE}/my/certifications/" in message.body
    assert "8000" not in message.body


def test_the_calendar_feed_and_its_page_give_the_site_url(client, bls_of_sam):
    client.force_login(bls_of_sam.staff.user)
    page = client.get(reverse("reminders:calendar"), HTTP_HOST="intranet.local")
    token = CalendarToken.objects.get(user=bls_of_sam.staff.user).token
    assert page.context["feed_url"] == f"{SITE}/my/calendar.ics?token={token}"
    assert "intranet.local" not in page.content.decode()
    client.logout()
    feed = client.get(reverse("reminders:calendar_feed"), {"token": token})
    (event,) = Calendar.from_ical(feed.content).walk("VEVENT")
    assert str(event["url"]) == f"{SITE}/my/certifications/"
    assert f"{SITE}/my/certifications/" in str(event["description"])


def test_the_approval_mail_links_to_the_site_url():
    from training.approval_mail import review_request_text

    _, body = review_request_text(count=2, bank_name="Peels", requested_by="Evan")
    assert f"{SITE}/admin/" in body


def test_the_password_reset_mail_links_to_the_site_url(client, sam):
    client.post("/accounts/password_reset/", {"email": sam.user.email})
    (message,) = mail.outbox
    assert f"{SITE}/accounts/reset/" in message.body
