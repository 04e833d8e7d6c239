"""A drill run: one staff member's path through a scenario, pinned to the revision they ran."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from drills.graph import GOOD, HARM, PARTIAL
from organisation.models import StaffProfile


class Outcome(models.TextChoices):
    GOOD = GOOD, _("Good")
    PARTIAL = PARTIAL, _("Partial")
    HARM = HARM, _("Harm")


class DrillRun(models.Model):
    staff = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="drill_runs")
    page = models.ForeignKey(
        "drills.DrillScenarioPage", on_delete=models.CASCADE, related_name="runs"
    )
    # The graph is read from this revision for the whole run, so publishing a change mid-run
    # never moves the ground under the learner, and the debrief shows what they saw.
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.RESTRICT, related_name="+"
    )
    current_node = models.CharField(_("current node"), max_length=60)
    current_shown_at = models.DateTimeField(_("current node shown at"))
    started_at = models.DateTimeField(_("started at"))
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    score = models.IntegerField(_("score"), default=0)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)
    all_critical_hit = models.BooleanField(_("all critical actions hit"), default=False)
    steps = models.PositiveSmallIntegerField(_("decisions made"), default=0)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("drill run")
        constraints = [
            # One run in progress per person and scenario: a second "start" resumes it.
            models.UniqueConstraint(
                fields=["staff", "page"],
                condition=Q(finished_at__isnull=True),
                name="drill_run_one_open_per_scenario",
            ),
            models.CheckConstraint(
                condition=Q(finished_at__isnull=True) | ~Q(outcome=""),
                name="drill_run_finished_has_outcome",
            ),
        ]
        indexes = [models.Index(fields=["page", "finished_at"])]

    def __str__(self) -> str:
        return f"{self.staff} · {self.page_id} · {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


class DrillDecision(models.Model):
    """One answered (or timed-out) node of a run, with when it was shown and answered."""

    run = models.ForeignKey(DrillRun, on_delete=models.CASCADE, related_name="decisions")
    sequence = models.PositiveSmallIntegerField(_("step"))
    node_key = models.CharField(_("node"), max_length=60)
    shown_at = models.DateTimeField(_("shown at"))
    answered_at = models.DateTimeField(_("answered at"))
    choice_index = models.PositiveSmallIntegerField(_("choice"), null=True, blank=True)
    choice_label = models.CharField(_("choice label"), max_length=200, blank=True)
    timed_out = models.BooleanField(_("timed out"), default=False)
    next_key = models.CharField(_("next node"), max_length=60)
    points = models.IntegerField(_("points"), default=0)
    critical = models.BooleanField(_("critical action"), default=False)

    class Meta:
        ordering = ["run", "sequence"]
        verbose_name = _("drill decision")
        constraints = [
            models.UniqueConstraint(fields=["run", "sequence"], name="drill_decision_step_unique"),
            models.CheckConstraint(
                condition=Q(timed_out=True, choice_index__isnull=True)
                | Q(timed_out=False, choice_index__isnull=False),
                name="drill_decision_choice_or_timeout",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.node_key} → {self.next_key}"

    @property
    def seconds_taken(self) -> float:
        return (self.answered_at - self.shown_at).total_seconds()
