"""What the dashboard keeps of its own: the minimum cover each location must hold."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation.models import JobRole, Location


class CoverageMinimum(models.Model):
    """E.g. "Brookline needs at least two ACLS-current injectors on every day"."""

    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    certification_code = models.CharField(
        _("certification code"),
        max_length=30,
        help_text=_("The certification type's code, e.g. ACLS."),
    )
    role = models.ForeignKey(
        JobRole,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Count only holders with this role; empty counts everyone."),
    )
    minimum = models.PositiveSmallIntegerField(
        _("minimum holders"), validators=[MinValueValidator(1)]
    )

    class Meta:
        ordering = ["location__name", "certification_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["location", "certification_code", "role"], name="one_minimum_per_cover"
            ),
            models.CheckConstraint(condition=models.Q(minimum__gte=1), name="minimum_at_least_one"),
        ]
        verbose_name = _("coverage minimum")

    def __str__(self) -> str:
        who = f"{self.role.name.lower()}s" if self.role else "staff"
        return f"{self.location}: at least {self.minimum} {self.certification_code}-current {who}"
