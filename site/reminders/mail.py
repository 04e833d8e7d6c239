"""One message to one recipient: their own items first, then the people they manage grouped
by location, then alerts and, on its day, the weekly digest. Each item carries its link.

Never the card number or the card image: mail is not a safe place for them.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from organisation.compliance import MISSING_SINCE_WORD, PAST_DUE_WORDS
from organisation.links import absolute_url
from organisation.location_items import LocationItem
from organisation.models import StaffProfile
from organisation.status import Status
from reminders.models import Audience, Reminder
from reminders.planner import Planned

ESCALATED = (Audience.MANAGER, Audience.REGIONAL, Audience.DIRECTOR)


@dataclass
class Item:
    """One line of a message, from a claimed ledger row and, where there is one, the fresh
    plan that confirmed it is still due."""

    row: Reminder
    planned: Planned | None

    @property
    def label(self) -> str:
        return self.row.label

    @property
    def person(self) -> StaffProfile | None:
        return self.row.subject

    @property
    def when(self) -> str:
        """'expires on Tuesday 31 March 2026 (in 30 days)' and the like."""
        compliance = self.planned.row if self.planned else None
        word = compliance.due_word if compliance else "due"
        due_on = self.row.due_on
        if compliance is not None and compliance.waits_on_manager:
            return "has a card awaiting verification"
        if due_on is None:
            return "is missing: none on record"
        days = (due_on - self.row.planned_on).days
        day = f"{due_on:%A} {due_on.day} {due_on:%B %Y}"
        if compliance is not None and compliance.status is Status.MISSING:
            # A missing item's date is the day it has been missing since.
            late = max(-days, 0)
            return (
                f"is missing: none on record {MISSING_SINCE_WORD} {day} "
                f"({late} day{'s' if late != 1 else ''})"
            )
        past = PAST_DUE_WORDS.get(word, f"was {word}")
        now = {"due": "is due", "expires": "expires"}.get(word, f"is {word}")
        if days > 0:
            return f"{now} on {day} (in {days} day{'s' if days != 1 else ''})"
        if days == 0:
            return f"{now} today, {day}"
        return f"{past} on {day} ({-days} day{'s' if days != -1 else ''} ago)"

    @property
    def action(self) -> str:
        compliance = self.planned.row if self.planned else None
        if compliance is None:
            return ""
        return compliance.manager_action if self.row.audience in ESCALATED else compliance.action

    @property
    def note(self) -> str:
        compliance = self.planned.row if self.planned else None
        return compliance.note if compliance and self.row.audience == Audience.STAFF else ""

    @property
    def link(self) -> str:
        compliance = self.planned.row if self.planned else None
        if self.row.audience in ESCALATED:
            if compliance is not None and compliance.manager_url:
                return absolute_url(compliance.manager_url)
            return absolute_url(reverse("dashboard:staff_record", args=[self.row.subject_id]))
        if self.row.audience == Audience.ALERT and self.row.subject_id:
            return absolute_url(reverse("dashboard:staff_record", args=[self.row.subject_id]))
        return absolute_url(self.row.url or "/")


@dataclass
class Section:
    heading: str
    items: list[Item]


def _location_name(person: StaffProfile | None) -> str:
    if person is None or person.home_location is None:
        return "Other locations"
    return person.home_location.name


def _heading(item: Item) -> str:
    """Where an escalated item is listed: its person's home location, or for a location's own
    item (an emergency kit's) that location."""
    row = item.planned.row if item.planned else None
    if item.person is None and isinstance(row, LocationItem):
        return row.location_name
    return _location_name(item.person)


def sections_for(items: list[Item]) -> tuple[list[Item], list[Section], list[Item], Planned | None]:
    """Own items; escalations grouped by location; alerts; the digest (if due)."""
    own, alerts, digest = [], [], None
    by_location: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        audience = item.row.audience
        if audience == Audience.STAFF:
            own.append(item)
        elif audience == Audience.ALERT:
            alerts.append(item)
        elif audience == Audience.DIGEST:
            digest = item.planned
        else:
            by_location[_heading(item)].append(item)
    key = lambda i: (i.row.due_on or date.min, i.label)  # noqa: E731
    own.sort(key=key)
    groups = [
        Section(
            name,
            sorted(found, key=lambda i: (i.person.display_name if i.person else "", *key(i))),
        )
        for name, found in sorted(by_location.items())
    ]
    return own, groups, alerts, digest


def _subject(own: list[Item], groups: list[Section], alerts: list[Item], digest) -> str:
    escalated = sum(len(g.items) for g in groups)
    if len(own) == 1 and not escalated and not alerts and digest is None:
        return f"Your {own[0].label} {own[0].when}"
    parts = []
    if own:
        parts.append(f"{len(own)} item{'s' if len(own) != 1 else ''} of yours")
    if escalated:
        parts.append(f"{escalated} about people you manage")
    if alerts:
        parts.append(f"{len(alerts)} undelivered reminder{'s' if len(alerts) != 1 else ''}")
    if digest is not None:
        parts.append("your weekly digest")
    return "ReadyRoom: " + ", ".join(parts)


def compose(*, recipient: StaffProfile, items: list[Item]) -> EmailMessage:
    """The day's one message to `recipient`, with a Message-ID set before it is sent so the
    ledger can record which message carried each item."""
    own, groups, alerts, digest = sections_for(items)
    digest_groups: dict[str, list] = defaultdict(list)
    if digest is not None:
        for person, row in digest.digest_rows:
            digest_groups[_location_name(person)].append((person, row))
    body = render_to_string(
        "reminders/email/message.txt",
        {
            "recipient": recipient,
            "own": own,
            "groups": groups,
            "alerts": alerts,
            "digest": digest,
            "digest_groups": sorted(digest_groups.items()),
            "manage_link": absolute_url(reverse("dashboard:manage")),
            "my_link": absolute_url("/"),
        },
    )
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip("> ") or "readyroom"
    message = EmailMessage(
        subject=_subject(own, groups, alerts, digest),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[recipient.user.email],
        headers={"Message-ID": make_msgid(idstring="reminder", domain=domain)},
    )
    return message
