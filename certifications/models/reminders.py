"""The reminder policy (edited in Wagtail admin) and the ledger of every reminder."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from organisation.models import StaffProfile

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
    """When reminders go out. One policy for the whole clinic."""

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
        _("tell managers from (days before)"),
        default=14,
        help_text=_("Managers get a copy of reminders from this many days before, and overdue."),
    )
    escalate_when_overdue = models.BooleanField(_("tell managers when overdue"), default=True)
    digest_weekday = models.PositiveSmallIntegerField(
        _("weekly manager digest on"), choices=WEEKDAYS, default=0
    )
    digest_enabled = models.BooleanField(_("send the weekly manager digest"), default=True)

    class Meta:
        verbose_name = _("reminder policy")

    @property
    def offsets(self) -> list[int]:
        return parse_offsets(self.offsets_before)


class ReminderStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENDING = "sending", _("Sending (outcome unknown if it stays here)")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will retry")
    UNDELIVERABLE = "undeliverable", _("Nobody to send it to")
    CANCELLED = "cancelled", _("No longer due")


class Audience(models.TextChoices):
    STAFF = "staff", _("The staff member")
    MANAGER = "manager", _("Their manager")
    DIGEST = "digest", _("Weekly manager digest")


NOBODY = "nobody"


class Reminder(models.Model):
    """One reminder to one recipient, sent at most once.

    Its natural key (recipient, item, due date, kind) is unique, so two sweeps planning the
    same reminder insert one row; the sweep claims rows before sending and re-checks them.
    A row with nobody to send to is kept as UNDELIVERABLE: it is reported, never dropped.
    """

    recipient_key = models.CharField(max_length=40)  # "staff:<pk>" or "nobody"
    item_key = models.CharField(max_length=200)  # "<staff pk>:<kind>:<requirement>" or "digest"
    due_key = models.CharField(max_length=10)  # ISO due date, or "-" when there is none
    kind = models.CharField(max_length=40)  # e.g. "staff:before-30", "manager:overdue-1"

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
    label = models.CharField(max_length=200)
    due_on = models.DateField(null=True, blank=True)
    url = models.CharField(max_length=300, blank=True)
    planned_on = models.DateField(help_text=_("The date the sweep judged it due on."))

    status = models.CharField(
        max_length=15, choices=ReminderStatus.choices, default=ReminderStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    claim_token = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField()
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("reminder")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient_key", "item_key", "due_key", "kind"],
                name="reminder_natural_key_unique",
            )
        ]
        indexes = [models.Index(fields=["status", "attempts"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.label} to {self.recipient_key} ({self.status})"

    @property
    def natural_key(self) -> tuple[str, str, str, str]:
        return (self.recipient_key, self.item_key, self.due_key, self.kind)
