"""Month-end snapshots: each location's compliance matrix frozen at its month end, with its PDF.

A snapshot keeps what was judged, not references to it: each person's name and roles and each
requirement's label, status and date as they stood, and the PDF drawn from them when it was
taken. Later edits (a card verified, a person renamed, a requirement removed) never change it.
No code updates a snapshot once written.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation.models import Location


class MonthEndSnapshot(models.Model):
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="month_end_snapshots"
    )
    month_end = models.DateField(
        _("month end"), help_text=_("The last day of the month, the location's date judged on.")
    )
    taken_at = models.DateTimeField(_("taken at"))
    staff_count = models.PositiveIntegerField(_("active staff"))
    compliant_count = models.PositiveIntegerField(_("fully compliant"))
    # [{"name", "roles", "rows": [{"label", "kind", "status", "due_on", "detail"}]}]
    matrix = models.JSONField(_("matrix"))
    pdf = models.BinaryField(_("PDF"))

    class Meta:
        ordering = ["-month_end", "location__name"]
        verbose_name = _("month-end snapshot")
        constraints = [
            models.UniqueConstraint(
                fields=["location", "month_end"], name="snapshots_one_per_location_and_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.location} at {self.month_end:%B %Y}"
