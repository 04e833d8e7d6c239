"""The reminder policy (Wagtail admin, Settings), the ledger of every reminder, feed tokens."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from organisation.models import Location, StaffProfile
from reminders.stages import describe

DEFAULT_OFFSETS = "90, 60, 30, 14, 7, 1"
WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
BAD_OFFSETS = _("Write whole numbers of days between 1 and 730, separated by commas.")
BAD_HOURS = _("The sending window must start before it ends (hours 0 to 24).")


def parse_offsets(value: str) -> list[int]:
    """'90, 60, 30' -> [90, 60, 30] (largest first, no repeats); ValueError when malformed."""
    parts = [p.strip() for p in value.split(",") if p.strip()]
    days = sorted({int(p) for p in parts}, reverse=True)  # int() raises ValueError
    if not days or any(d < 1 or d > 730 for d in days):
        raise ValueError(value)
    return days


def validate_offsets(value: str) -> None:
    try:
        parse_offsets(value)
    except ValueError:
        raise ValidationError(BAD_OFFSETS) from None


@register_setting(icon="mail")
class ReminderPolicy(BaseGenericSetting):
    """When reminders go out, to whom, and how hard the sweep tries. One policy per clinic."""

    offsets_before = models.CharField(
        _("days before the due date"),
        max_length=100,
        default=DEFAULT_OFFSETS,
        validators=[validate_offsets],
        help_text=_("Remind the person this many days before, e.g. 90, 60, 30, 14, 7, 1."),
    )
    on_the_day = models.BooleanField(_("remind on the due date"), default=True)
    overdue_every_days = models.PositiveSmallIntegerField(
        _("after the due date, remind every (days)"),
        default=7,
        help_text=_("0 sends nothing after the due date."),
    )
    escalate_from_days = models.PositiveSmallIntegerField(
        _("tell the person's managers from (days before)"),
        default=14,
        help_text=_("Their managers hear from this many days before the due date."),
    )
    escalate_when_overdue = models.BooleanField(_("tell managers when overdue"), default=True)
    regional_after_days = models.PositiveSmallIntegerField(
        _("tell regional managers when overdue more than (days)"),
        default=7,
        help_text=_("A regional manager manages more than one location. 0 turns this tier off."),
    )
    directors_after_days = models.PositiveSmallIntegerField(
        _("tell the medical directors when overdue more than (days)"),
        default=30,
        help_text=_("0 turns this tier off."),
    )
    digest_weekday = models.PositiveSmallIntegerField(
        _("weekly manager digest on"), choices=WEEKDAYS, default=0
    )
    digest_enabled = models.BooleanField(
        _("add the weekly digest to managers' message"), default=True
    )
    send_from_hour = models.PositiveSmallIntegerField(
        _("send from (hour, recipient's time)"),
        default=7,
        validators=[MaxValueValidator(23)],
        help_text=_("Mail goes out only inside this window of the recipient's home time zone."),
    )
    send_until_hour = models.PositiveSmallIntegerField(
        _("send until (hour, recipient's time)"),
        default=19,
        validators=[MaxValueValidator(24)],
        help_text=_("Exclusive: 19 means the last mail goes before 19:00. 24 means midnight."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("delivery attempts before giving up"),
        default=8,
        help_text=_(
            "Retries wait 15 minutes, 1 hour, 4 hours, 12 hours, then a day. After the last, "
            "the reminder is undeliverable and its managers and the medical directors are told."
        ),
    )

    class Meta:
        verbose_name = _("reminder policy")

    def clean(self):
        if self.send_from_hour >= self.send_until_hour:
            raise ValidationError({"send_until_hour": BAD_HOURS})
        if self.max_attempts < 1:
            raise ValidationError({"max_attempts": _("At least one attempt.")})

    @property
    def offsets(self) -> list[int]:
        return parse_offsets(self.offsets_before)


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not delivered yet; will try again")
    UNDELIVERABLE = "undeliverable", _("Undeliverable")
    CANCELLED = "cancelled", _("No longer due")


class Audience(models.TextChoices):
    STAFF = "staff", _("The staff member")
    MANAGER = "manager", _("Their manager")
    REGIONAL = "regional", _("Their regional manager")
    DIRECTOR = "director", _("The medical directors")
    DIGEST = "digest", _("Weekly manager digest")
    ALERT = "alert", _("Alert: a reminder could not be delivered")


NOBODY = "nobody"


class Reminder(models.Model):
    """One reminder about one item to one recipient, sent at most once.

    Its natural key (recipient, item, due date, kind) is unique, so sweeps planning the same
    reminder insert one row. Rows are claimed under a lease; a row whose lease ran out (its
    sweep died) is claimed again. Several rows for one recipient go out in one message, whose
    Message-ID each row keeps. A row with nobody to send to is kept as UNDELIVERABLE and
    raises an alert: it is reported, never dropped.
    """

    recipient_key = models.CharField(max_length=40)  # "staff:<pk>" or "nobody"
    item_key = models.CharField(max_length=200)  # "<staff pk>:<kind>:<requirement>", "digest"
    due_key = models.CharField(max_length=10)  # ISO due date, or "-" when there is none
    kind = models.CharField(max_length=40)  # e.g. "staff:before-30", "manager:overdue-14"

    audience = models.CharField(max_length=10, choices=Audience.choices)
    recipient = models.ForeignKey(
        StaffProfile, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    subject = models.ForeignKey(
        StaffProfile,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders_about",
        help_text=_("Whose requirement it is (empty for a digest)."),
    )
    # A location's own item (a kit's weekly check) is about no one person: its rows, and the
    # alerts about them, name the location so its managers see them among their problems.
    location = models.ForeignKey(
        Location,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Whose item it is when it is a location's, not a person's (a kit's check)."),
    )
    label = models.CharField(max_length=200)
    detail = models.CharField(max_length=500, blank=True)  # an alert's "what went wrong"
    due_on = models.DateField(null=True, blank=True)
    url = models.CharField(max_length=300, blank=True)
    planned_on = models.DateField(help_text=_("The date the sweep judged it due on."))

    status = models.CharField(
        max_length=15, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    lease_owner = models.CharField(max_length=64, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_on = models.DateField(
        null=True, blank=True, help_text=_("The recipient's local date when it was sent.")
    )
    message_id = models.CharField(max_length=200, blank=True)
    alerted_at = models.DateTimeField(
        null=True, blank=True, help_text=_("When managers and directors were told it failed.")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient_key", "item_key", "due_key", "kind"],
                name="reminders_natural_key_unique",
            )
        ]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="reminders_claimable"),
            models.Index(fields=["recipient_key", "status"], name="reminders_by_recipient"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.label} to {self.recipient_key} ({self.status})"

    @property
    def natural_key(self) -> tuple[str, str, str, str]:
        return (self.recipient_key, self.item_key, self.due_key, self.kind)

    @property
    def stage_text(self) -> str:
        """The kind in words: "manager:overdue-35" reads "Escalated to the manager, 35 days
        overdue" (reminders.stages.describe)."""
        return describe(self.kind)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    """The secret in each person's calendar feed URL."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("calendar feed token")

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
