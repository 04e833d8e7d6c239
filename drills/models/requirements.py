"""Which job roles must complete which drill scenario, how often and how well."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation.models import JobRole


class DrillRequirement(models.Model):
    role = models.ForeignKey(JobRole, on_delete=models.CASCADE, related_name="drill_requirements")
    page = models.ForeignKey(
        "drills.DrillScenarioPage",
        on_delete=models.CASCADE,
        related_name="requirements",
        verbose_name=_("scenario"),
    )
    every_months = models.PositiveSmallIntegerField(
        _("every (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    min_score = models.IntegerField(
        _("minimum score"),
        null=True,
        blank=True,
        help_text=_("A run with at least this score counts. Leave empty to not use a score."),
    )
    all_critical = models.BooleanField(
        _("or all critical actions hit"),
        default=False,
        help_text=_("A run that hits every critical action counts, whatever its score."),
    )

    class Meta:
        ordering = ["role__name", "page__title"]
        verbose_name = _("drill requirement")
        constraints = [
            models.UniqueConstraint(fields=["role", "page"], name="drill_requirement_unique"),
            models.CheckConstraint(
                condition=models.Q(every_months__gte=1), name="drill_requirement_months_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.page} every {self.every_months} months"

    def counts(self, *, score: int, all_critical_hit: bool) -> bool:
        """Whether a finished run meets this requirement's bar (a score, or every critical
        action, or simply finishing when neither is set)."""
        if self.min_score is None and not self.all_critical:
            return True
        if self.min_score is not None and score >= self.min_score:
            return True
        return self.all_critical and all_critical_hit
