"""A follow-up action: something one person must do by a date, arising from an incident or a
team drill's debrief, tracked until it is done or cancelled."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from incidents.models import Incident

from drills.models import TeamDrillSession
from organisation.models import Location, StaffProfile


class FollowUpStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class FollowUpAction(models.Model):
    what = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(
        StaffProfile, on_delete=models.PROTECT, related_name="follow_up_actions"
    )
    # The source's location: whose managers see the action (followups.policies).
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="+")
    due_on = models.DateField(_("due on"), help_text=_("The owner's local date."))
    status = models.CharField(
        _("status"), max_length=10, choices=FollowUpStatus.choices, default=FollowUpStatus.OPEN
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, null=True, blank=True, related_name="follow_ups"
    )
    drill_session = models.ForeignKey(
        TeamDrillSession,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("team drill"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    sample_content = models.BooleanField(_("sample content"), default=False)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("follow-up action")
        constraints = [
            models.CheckConstraint(
                condition=Q(incident__isnull=False, drill_session__isnull=True)
                | Q(incident__isnull=True, drill_session__isnull=False),
                name="followups_one_source",
            ),
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | (~Q(status="open") & Q(closed_at__isnull=False)),
                name="followups_closed_has_closed_at",
            ),
        ]

    def __str__(self) -> str:
        return self.what

    @property
    def is_open(self) -> bool:
        return self.status == FollowUpStatus.OPEN

    @property
    def source_label(self) -> str:
        if self.incident_id:
            return f"Incident of {self.incident.occurred_on:%-d %b %Y}"
        return f"Team drill of {self.drill_session.held_on:%-d %b %Y}"
