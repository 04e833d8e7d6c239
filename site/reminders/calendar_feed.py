"""A person's due dates as an RFC 5545 calendar (built with the icalendar package)."""

from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event

from organisation.compliance import compliance_rows
from organisation.links import absolute_url
from organisation.models import StaffProfile
from organisation.status import Status


def build_calendar(*, profile: StaffProfile, now: datetime) -> bytes:
    """Every dated compliance row of `profile` (certifications, training, drills) as an
    all-day event with a reminder a week before. UIDs are stable, so calendars update."""
    calendar = Calendar()
    calendar.add("prodid", "-//ReadyRoom//Certifications and due dates//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"ReadyRoom: {profile.display_name}")
    for row in compliance_rows(staff=[profile], now=now):
        if row.due_on is None or row.status is Status.MISSING:
            continue  # a missing item's date is the day it went missing: nothing to come
        if row.status is Status.EXEMPT:
            continue  # its date is the exemption's end, not a due date; the real one returns
        event = Event()
        event.add("uid", f"{row.kind}-{row.requirement_key}-{row.staff_id}@readyroom")
        event.add("dtstamp", now)
        event.add("dtstart", row.due_on)
        event.add("dtend", row.due_on + timedelta(days=1))
        event.add("summary", f"{row.label} {row.due_word}")
        link = absolute_url(row.url)
        what = f" {row.action}" if row.action else ""
        event.add(
            "description", f"{row.label} {row.due_word} on {row.due_on:%d %B %Y}.{what} {link}"
        )
        event.add("url", link)
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{row.label} {row.due_word} in a week")
        alarm.add("trigger", timedelta(days=-7))
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar.to_ical()
