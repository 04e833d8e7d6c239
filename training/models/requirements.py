"""Which roles must complete which modules, and how often."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel

from organisation.models import JobRole


class TrainingRequirement(models.Model):
    role = models.ForeignKey(
        JobRole, on_delete=models.CASCADE, related_name="training_requirements"
    )
    module = models.ForeignKey(
        "training.TrainingModulePage", on_delete=models.CASCADE, related_name="requirements"
    )
    valid_for_months = models.PositiveSmallIntegerField(
        _("recurrence (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Empty: the module's own 'valid for' applies."),
    )

    panels = [
        FieldPanel("role"),
        PageChooserPanel("module", page_type="training.TrainingModulePage"),
        FieldPanel("valid_for_months"),
    ]

    class Meta:
        ordering = ["role", "module"]
        verbose_name = _("training requirement")
        constraints = [
            models.UniqueConstraint(fields=["role", "module"], name="training_requirement_once")
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.module}"
