"""Reading progress: which lessons of a module a staff member has read, and when first."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation.models import StaffProfile


class LessonRead(models.Model):
    """One person read one lesson of one module. Written once (the first reading); reading it
    again changes nothing."""

    staff = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="lesson_reads")
    # Progress on a deleted module means nothing (unlike an attempt, which keeps its title).
    module = models.ForeignKey(
        "training.TrainingModulePage", on_delete=models.CASCADE, related_name="lesson_reads"
    )
    lesson_key = models.CharField(
        _("lesson"),
        max_length=64,
        help_text=_("The id of the lesson's first block in the module's lessons (its stable key)."),
    )
    read_at = models.DateTimeField(_("first read at"))

    class Meta:
        verbose_name = _("lesson read")
        constraints = [
            models.UniqueConstraint(
                fields=["staff", "module", "lesson_key"], name="training_lesson_read_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.staff} read lesson {self.lesson_key} of module {self.module_id}"
