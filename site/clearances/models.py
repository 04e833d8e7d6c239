"""Clearances: what a person must hold to perform a procedure or use a device, and the API
tokens a scheduling system asks the roster gate with.

A clearance, its requirements and its per-location minimums go through the medical
director's approval as one snippet: while a clearance is live, Wagtail saves an edit as a
revision only and leaves the rows as approved, so the rows with `live=True` (and their inline
requirements and minimums) are the approved version that judging reads.
"""

import hashlib
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)

from organisation.models import JobRole, Location

ONE_TARGET = _("Name exactly one of a certification type, a training module or a drill.")
MONTHS_NEEDED = _("Say within how many months a module must be passed or a drill completed.")


class Clearance(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    """A procedure or device ("Dermal fillers", "Nd:YAG vein laser") and what performing it
    takes. Judged only in its live (approved) version."""

    name = models.CharField(_("procedure or device"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Short and stable: the roster gate and scheduling systems ask by it."),
    )
    description = models.TextField(_("description"), blank=True)
    roles = ParentalManyToManyField(
        JobRole,
        blank=True,
        related_name="+",
        verbose_name=_("performed by"),
        help_text=_("Job roles that perform it; empty: anyone at the location is considered."),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="clearance")

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("roles"),
        InlinePanel("requirements", heading=_("Requirements"), label=_("requirement")),
        InlinePanel("minimums", heading=_("Minimum cleared per location"), label=_("minimum")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("clearance")

    def __str__(self) -> str:
        return self.name


class ClearanceRequirement(Orderable):
    """One thing a clearance needs: a current verified card of a type, a module passed within
    N months, or a drill completed within N months; optionally only for one job role.

    The target's foreign key is SET_NULL so deleting a module or scenario never silently
    weakens a clearance: a requirement that names nothing any more is judged unmet."""

    clearance = ParentalKey(Clearance, on_delete=models.CASCADE, related_name="requirements")
    certification_type = models.ForeignKey(
        "certifications.CertificationType",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("certification type"),
        help_text=_("A card of this type, verified by a manager and not expired."),
    )
    module = models.ForeignKey(
        "training.TrainingModulePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("training module"),
    )
    scenario = models.ForeignKey(
        "drills.DrillScenarioPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("drill scenario"),
        help_text=_("A run that hit every critical action, or a team drill with its checklist."),
    )
    within_months = models.PositiveSmallIntegerField(
        _("within (months)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_("A module passed, or a drill completed, within this many months."),
    )
    role = models.ForeignKey(
        JobRole,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("only for role"),
        help_text=_("Empty: asked of everyone the clearance considers."),
    )

    panels = [
        FieldPanel("certification_type"),
        PageChooserPanel("module", page_type="training.TrainingModulePage"),
        PageChooserPanel("scenario", page_type="drills.DrillScenarioPage"),
        FieldPanel("within_months"),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("clearance requirement")

    def __str__(self) -> str:
        target = self.certification_type or self.module or self.scenario
        return str(target) if target is not None else "?"

    def clean(self) -> None:
        targets = [self.certification_type_id, self.module_id, self.scenario_id]
        if sum(t is not None for t in targets) != 1:
            raise ValidationError(ONE_TARGET)
        if self.certification_type_id is None and not self.within_months:
            raise ValidationError({"within_months": MONTHS_NEEDED})


class ClearanceMinimum(Orderable):
    """E.g. "Brookline needs at least two people cleared for fillers on every day"."""

    clearance = ParentalKey(Clearance, on_delete=models.CASCADE, related_name="minimums")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="+")
    minimum = models.PositiveSmallIntegerField(
        _("minimum cleared"), validators=[MinValueValidator(1)]
    )

    panels = [FieldPanel("location"), FieldPanel("minimum")]

    class Meta(Orderable.Meta):
        verbose_name = _("minimum cleared")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum__gte=1), name="clearance_minimum_at_least_one"
            )
        ]

    def __str__(self) -> str:
        return f"{self.location}: at least {self.minimum}"


def hash_token(secret: str) -> str:
    """What is stored of a token: its SHA-256. A token is 256 random bits, so a fast hash is
    enough (no dictionary to guess from) and lets a request find its row by an index."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_token_secret() -> str:
    return "rrg_" + secrets.token_urlsafe(32)


class GateToken(models.Model):
    """A scheduling system's key to /api/gate/ for one clinic's locations. Shown once when
    made; only its hash is kept."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("Who uses it, e.g. the booking system.")
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(
        _("starts with"), max_length=12, editable=False, help_text=_("To recognise it.")
    )
    locations = models.ManyToManyField(Location, related_name="+", verbose_name=_("locations"))
    created_at = models.DateTimeField(_("created at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("roster gate API token")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
