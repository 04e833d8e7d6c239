"""What a reminder says: who, what, when it expires, what to do, and an absolute link.

Never the card number or the card image: mail is not a safe place for them.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse

from certifications.models.reminders import Audience
from certifications.reminders.plan import Planned


def absolute(url: str) -> str:
    site = getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    return url if url.startswith(("http://", "https://")) else f"{site}{url}"


def _link(planned: Planned) -> str:
    if planned.audience == Audience.STAFF:
        return absolute(planned.url)
    return absolute(reverse("certifications:manage"))


def _subject(planned: Planned) -> str:
    if planned.audience == Audience.DIGEST:
        return f"Weekly digest: {len(planned.digest_rows)} item(s) need attention"
    days = planned.days_left
    if planned.due_on is None:
        when = "is missing"
    elif days > 0:
        when = f"is due on {planned.due_on:%d %B %Y} (in {days} day{'s' if days != 1 else ''})"
    elif days == 0:
        when = "is due today"
    else:
        when = f"was due on {planned.due_on:%d %B %Y} ({-days} days ago)"
    whose = "Your" if planned.audience == Audience.STAFF else f"{planned.subject.display_name}'s"
    return f"{whose} {planned.label} {when}"


def compose(planned: Planned) -> EmailMessage:
    context = {
        "planned": planned,
        "recipient": planned.recipient,
        "subject_person": planned.subject,
        "link": _link(planned),
        "row": planned.row,
        "is_certification": planned.row is not None and planned.row.kind == "certification",
        "days_late": -planned.days_left if planned.days_left is not None else None,
    }
    template = {
        Audience.STAFF: "certifications/email/reminder.txt",
        Audience.MANAGER: "certifications/email/escalation.txt",
        Audience.DIGEST: "certifications/email/digest.txt",
    }[planned.audience]
    return EmailMessage(
        subject=_subject(planned),
        body=render_to_string(template, context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[planned.recipient.user.email],
    )
