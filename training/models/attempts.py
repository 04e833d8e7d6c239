"""Quiz attempts in two layers: one row per try, one row per question shown.

The attempt snapshots what it was judged against (questions and choices shown, pass mark,
review mode, the page revision), so a later edit of the bank or the page never changes a
past result.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from organisation.models import StaffProfile


class AttemptStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    SUBMITTED = "submitted", _("Submitted")


class QuizAttempt(models.Model):
    staff = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="quiz_attempts")
    module = models.ForeignKey(
        "training.TrainingModulePage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="attempts",
        help_text=_("Kept empty if the page is deleted; the title below stays."),
    )
    module_title = models.CharField(_("module"), max_length=255)
    page_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    questions = models.JSONField(
        _("questions shown"),
        default=list,
        help_text=_("Snapshot: stem, kind, choices (key, text, weight, feedback), explanation."),
    )
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    review_mode = models.CharField(_("review mode"), max_length=12)
    valid_for_months = models.PositiveSmallIntegerField(_("valid for (months)"))
    # What the certificate says the pass is worth, as the module said when the attempt began.
    ce_hours = models.DecimalField(
        _("CE hours"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    study_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"))
    deadline_at = models.DateTimeField(_("deadline"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=AttemptStatus.choices, default=AttemptStatus.IN_PROGRESS
    )
    score = models.FloatField(_("score (0-1)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)
    late = models.BooleanField(
        _("late"),
        default=False,
        help_text=_("Submitted after the time limit: scored on what was saved in time."),
    )
    passed_on = models.DateField(_("passed on"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    certificate_code = models.CharField(max_length=32, unique=True, null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("quiz attempt")
        indexes = [
            models.Index(fields=["staff", "module", "-started_at"]),
            # Item analysis ranks a module's submitted attempts by score from this index
            # alone: on SQLite the questions snapshot before these columns spills onto
            # overflow pages, so reading them from the table costs a page chain per row.
            models.Index(
                fields=["module", "status", "score", "started_at"], name="training_attempt_ranking"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=0, score__lte=1),
                name="training_attempt_score_range",
            ),
            models.CheckConstraint(
                condition=models.Q(passed=False) | models.Q(passed_on__isnull=False),
                name="training_attempt_pass_dated",
            ),
            # One open attempt per person and module: a second "start" resumes the first.
            models.UniqueConstraint(
                fields=["staff", "module"],
                condition=models.Q(status="in_progress"),
                name="training_one_open_attempt",
            ),
        ]
        permissions = [("view_item_analysis", "Can view quiz item analysis")]

    def __str__(self) -> str:
        return f"{self.module_title} attempt by {self.staff} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.status == AttemptStatus.IN_PROGRESS

    @property
    def percent(self) -> int | None:
        return None if self.score is None else round(self.score * 100)


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="answers")
    position = models.PositiveSmallIntegerField(_("position in the attempt"))
    question = models.ForeignKey(
        "training.Question", on_delete=models.SET_NULL, null=True, related_name="answers"
    )
    selected_keys = models.JSONField(_("answer given"), default=list)
    score = models.FloatField(_("score (0-1)"), default=0)
    answered_at = models.DateTimeField(
        _("answered at"), null=True, blank=True, help_text=_("Empty: left unanswered.")
    )

    class Meta:
        ordering = ["attempt", "position"]
        verbose_name = _("attempt answer")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "position"], name="training_answer_once"),
            models.CheckConstraint(
                condition=models.Q(score__gte=0, score__lte=1), name="training_answer_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"Q{self.position + 1} of attempt {self.attempt_id}"
