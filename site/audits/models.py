"""Post-treatment record audits: a checklist per procedure (approved by the medical director),
and rounds that score a sample of treatment records against it.

A record is named only by the clinic's own reference (audits.references), never by anything
that identifies the patient. A round copies the checklist's items and pass mark when it
starts, so editing a checklist later never rewrites a round already scored.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from audits.references import REFERENCE_HELP, validate_reference
from organisation.bounds import validate_date_in_range
from organisation.models import Location, StaffProfile


class AuditChecklist(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel
):
    """A procedure's audit: the standard items plus the protocol's own. Under the medical
    director's approval: while a checklist is live, Wagtail saves an edit as a revision only
    and leaves the rows as approved, so a round starts from the approved items."""

    name = models.CharField(
        _("procedure"), max_length=120, unique=True, help_text=_("e.g. Laser vein treatment")
    )
    protocol = models.ForeignKey(
        "content.ProtocolPage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("protocol"),
        help_text=_("The protocol the treatment records are audited against."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("An item scoring below this in a round is failing."),
    )
    # The demo's checklists: their items are for the medical director to review.
    sample_content = models.BooleanField(_("sample content"), default=False)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="audit_checklist")

    panels = [
        FieldPanel("name"),
        PageChooserPanel("protocol", page_type="content.ProtocolPage"),
        FieldPanel("pass_mark"),
        InlinePanel(
            "items",
            heading=_("The protocol's own items"),
            label=_("item"),
            help_text=_(
                "Asked after the standard five: aftercare instructions given, consent present, "
                "settings recorded, photos taken, follow-up booked."
            ),
        ),
        FieldPanel("sample_content"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("audit checklist")

    def __str__(self) -> str:
        return self.name


class ChecklistItem(Orderable):
    checklist = ParentalKey(AuditChecklist, on_delete=models.CASCADE, related_name="items")
    text = models.CharField(
        _("item"), max_length=200, help_text=_("e.g. Test patch result recorded")
    )

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("checklist item")

    def __str__(self) -> str:
        return self.text


class AuditRound(models.Model):
    """An auditor's sample of one procedure's treatment records at one location on a date."""

    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="audit_rounds")
    checklist = models.ForeignKey(AuditChecklist, on_delete=models.PROTECT, related_name="rounds")
    procedure = models.CharField(_("procedure"), max_length=120)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"))
    audited_on = models.DateField(
        _("audited on"),
        validators=[validate_date_in_range],
        help_text=_("The location's date."),
    )
    auditor = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="audit_rounds")
    started_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    sample_content = models.BooleanField(_("sample content"), default=False)

    class Meta:
        ordering = ["-audited_on", "-pk"]
        verbose_name = _("audit round")
        indexes = [
            models.Index(fields=["location", "checklist", "audited_on"], name="audits_round_trend")
        ]

    def __str__(self) -> str:
        return f"{self.procedure}, {self.location.name}, {self.audited_on:%-d %b %Y}"

    @property
    def completed(self) -> bool:
        return self.completed_at is not None


class RoundItem(models.Model):
    """One checklist item as the round asked it."""

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=200)

    class Meta:
        ordering = ["round", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position"], name="audits_item_position")
        ]

    def __str__(self) -> str:
        return self.text


class AuditedRecord(models.Model):
    """One treatment record in the sample: the clinic's reference and who treated."""

    round = models.ForeignKey(AuditRound, on_delete=models.CASCADE, related_name="records")
    reference = models.CharField(
        _("record reference"),
        max_length=20,
        validators=[validate_reference],
        help_text=REFERENCE_HELP,
    )
    treated_by = models.ForeignKey(
        StaffProfile, on_delete=models.PROTECT, related_name="audited_records"
    )
    scored_at = models.DateTimeField()

    class Meta:
        ordering = ["round", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "reference"], name="audits_record_once")
        ]

    def __str__(self) -> str:
        return self.reference


class Outcome(models.TextChoices):
    MET = "met", _("Met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "na", _("Not applicable")


class ItemScore(models.Model):
    record = models.ForeignKey(AuditedRecord, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(RoundItem, on_delete=models.CASCADE, related_name="scores")
    outcome = models.CharField(max_length=8, choices=Outcome.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["record", "item"], name="audits_one_score_per_item"),
            models.CheckConstraint(
                condition=models.Q(outcome__in=Outcome.values), name="audits_outcome_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.get_outcome_display()}"


class Retraining(models.Model):
    """Retraining set for a failing item: the module or drill, due date, who set it."""

    item = models.ForeignKey(RoundItem, on_delete=models.CASCADE, related_name="retrainings")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=255)
    due_on = models.DateField()
    people = models.PositiveSmallIntegerField()
    assigned_by = models.ForeignKey(
        StaffProfile, on_delete=models.PROTECT, related_name="audit_retrainings"
    )
    assigned_at = models.DateTimeField()

    class Meta:
        ordering = ["item", "assigned_at"]

    def __str__(self) -> str:
        return f"{self.title}, due {self.due_on}"
