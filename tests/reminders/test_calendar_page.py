"""The calendar page: subscribe links for the viewer's own feed (webcal, Google, Outlook), the
address in a readonly field and a Copy button that copy.js reveals."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from reminders.models import CalendarToken
from reminders.subscribe import subscription_for

from tests.factories import StaffProfileFactory

SITE = "https://readyroom.example"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def _links(html: str) -> dict[str, str]:
    """{link text: href} of the page's links."""
    return {
        unescape(re.sub(r"<[^>]+>", "", text)).strip(): unescape(href)
        for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)
    }


def test_subscribe_links_carry_the_viewers_own_feed(client, sam):
    other = StaffProfileFactory()
    CalendarToken.objects.create(user=other.user, created_at="2026-03-01T00:00Z")
    client.force_login(sam.user)
    html = client.get(reverse("reminders:calendar")).content.decode()
    token = CalendarToken.objects.get(user=sam.user).token
    feed = f"{SITE}/my/calendar.ics?token={token}"
    links = _links(html)

    assert (
        links["Subscribe in your calendar app"]
        == f"webcal://readyroom.example/my/calendar.ics?token={token}"
    )
    google = urlsplit(links["Subscribe in Google Calendar"])
    assert (google.scheme, google.netloc, google.path) == (
        "https",
        "calendar.google.com",
        "/calendar/r",
    )
    assert parse_qs(google.query) == {
        "cid": [f"webcal://readyroom.example/my/calendar.ics?token={token}"]
    }
    outlook = urlsplit(links["Subscribe in Outlook.com"])
    assert (outlook.netloc, outlook.path) == ("outlook.live.com", "/calendar/0/addfromweb")
    assert parse_qs(outlook.query) == {"url": [feed], "name": ["ReadyRoom"]}
    assert CalendarToken.objects.get(user=other.user).token not in html


def test_the_address_is_readonly_and_the_copy_button_waits_for_its_script(client, sam):
    client.force_login(sam.user)
    html = client.get(reverse("reminders:calendar")).content.decode()
    token = CalendarToken.objects.get(user=sam.user).token
    field = re.search(r'<input [^>]*id="feed-url"[^>]*>', html).group(0)
    assert "readonly" in field and f'value="{SITE}/my/calendar.ics?token={token}"' in field
    button = re.search(r'<button [^>]*data-copy="feed-url"[^>]*>(.*?)</button>', html)
    assert 'type="button"' in button.group(0) and " hidden" in button.group(0)
    assert button.group(1) == "Copy address"
    assert 'role="status" data-copy-status="feed-url"' in html
    assert re.search(r'<script src="[^"]*reminders/copy\.js" defer></script>', html)


def test_a_token_needing_escapes_is_encoded_in_every_link(settings):
    links = subscription_for(token="a+b/c=")
    assert links.feed_url == f"{SITE}/my/calendar.ics?token=a%2Bb%2Fc%3D"
    assert links.webcal_url == "webcal://readyroom.example/my/calendar.ics?token=a%2Bb%2Fc%3D"
    assert parse_qs(urlsplit(links.google_url).query)["cid"] == [links.webcal_url]
    assert parse_qs(urlsplit(links.outlook_url).query)["url"] == [links.feed_url]


def test_a_new_address_changes_every_link(client, sam):
    client.force_login(sam.user)
    before = client.get(reverse("reminders:calendar")).context["subscription"]
    client.post(reverse("reminders:calendar"))
    after = client.get(reverse("reminders:calendar")).context["subscription"]
    assert all(
        getattr(before, f) != getattr(after, f)
        for f in ("feed_url", "webcal_url", "google_url", "outlook_url")
    )
