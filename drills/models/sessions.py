"""In-person team drills (mock codes), logged by a manager."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation.models import Location, StaffProfile


class TeamDrillSession(models.Model):
    page = models.ForeignKey(
        "drills.DrillScenarioPage",
        on_delete=models.PROTECT,
        related_name="team_sessions",
        verbose_name=_("scenario"),
    )
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="team_drills")
    held_on = models.DateField(_("held on"))
    participants = models.ManyToManyField(StaffProfile, related_name="team_drills")
    # Snapshots of what the scenario asked for at the time, with what was recorded, so a later
    # edit of the scenario never rewrites a logged drill.
    milestone_times = models.JSONField(
        _("milestone times"), default=list, help_text=_("[{label, seconds}] from the start.")
    )
    checklist = models.JSONField(
        _("checklist"), default=list, help_text=_("[{item, required, done}]")
    )
    checklist_complete = models.BooleanField(_("required checklist items done"), default=False)
    debrief_notes = models.TextField(_("debrief notes"), blank=True)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    logged_at = models.DateTimeField(_("logged at"))

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("team drill")

    def __str__(self) -> str:
        return f"{self.page} at {self.location} on {self.held_on}"
