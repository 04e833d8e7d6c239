"""Where a person's calendar feed lives and how each calendar app subscribes to it.

Calendar apps poll the feed from the internet, so every address here is absolute on the
configured site (organisation.links), never the address the page happened to be opened at.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from organisation.links import absolute_url

GOOGLE_ADD = "https://calendar.google.com/calendar/r"
OUTLOOK_ADD = "https://outlook.live.com/calendar/0/addfromweb"
CALENDAR_NAME = "ReadyRoom"


@dataclass(frozen=True)
class Subscription:
    feed_url: str  # http(s): to paste into any app's "subscribe from the web"
    webcal_url: str  # the same feed, opened by the device's own calendar app
    google_url: str
    outlook_url: str


def subscription_for(*, token: str) -> Subscription:
    """The addresses that subscribe to the feed of `token` (the viewer's own)."""
    feed = absolute_url(f"{reverse('reminders:calendar_feed')}?{urlencode({'token': token})}")
    webcal = "webcal://" + feed.split("://", 1)[1]
    return Subscription(
        feed_url=feed,
        webcal_url=webcal,
        # Google takes the feed as a calendar id, in its webcal form.
        google_url=f"{GOOGLE_ADD}?{urlencode({'cid': webcal})}",
        outlook_url=f"{OUTLOOK_ADD}?{urlencode({'url': feed, 'name': CALENDAR_NAME})}",
    )
