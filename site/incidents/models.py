"""Incidents: a complication at a location, what was done and when, and its review.

No patient identifiers, by design: there is no field for a name, a date of birth or a record
number, and the form says not to write one anywhere (tests/incidents/test_models.py holds the
model to that). An incident is about the clinic's practice, not about the patient.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from content.models import ProtocolPage
from organisation.models import Location, StaffProfile


class Procedure(models.TextChoices):
    LASER_VEIN = "laser_vein", _("Laser vein treatment")
    LASER_HAIR = "laser_hair", _("Laser hair removal")
    IPL = "ipl", _("IPL photofacial")
    FILLERS = "fillers", _("Dermal fillers")
    NEUROTOXIN = "neurotoxin", _("Neurotoxin injection")
    PEEL = "peel", _("Chemical peel")
    MICRONEEDLING = "microneedling", _("Microneedling")
    SCLEROTHERAPY = "sclerotherapy", _("Sclerotherapy")
    IV_THERAPY = "iv_therapy", _("IV therapy")
    OTHER = "other", _("Other")


class Complication(models.TextChoices):
    BURN = "burn", _("Burn")
    ANAPHYLAXIS = "anaphylaxis", _("Anaphylaxis")
    VASOVAGAL = "vasovagal", _("Vasovagal episode")
    VASCULAR_OCCLUSION = "vascular_occlusion", _("Vascular occlusion")
    INFECTION = "infection", _("Infection")
    HYPERPIGMENTATION = "hyperpigmentation", _("Hyperpigmentation")
    ALLERGIC = "allergic", _("Allergic reaction (not anaphylaxis)")
    LA_TOXICITY = "la_toxicity", _("Local anaesthetic toxicity")
    OTHER = "other", _("Other")


class ProtocolFollowed(models.TextChoices):
    YES = "yes", _("Yes")
    PARTLY = "partly", _("Partly")
    NO = "no", _("No")
    NONE = "none", _("No protocol applies")


class IncidentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Incident(models.Model):
    location = models.ForeignKey(Location, on_delete=models.PROTECT, related_name="incidents")
    occurred_at = models.DateTimeField(_("when"), help_text=_("Stored in UTC."))
    occurred_on = models.DateField(_("date"), help_text=_("The location's local date."))
    procedure = models.CharField(_("procedure"), max_length=30, choices=Procedure.choices)
    complication = models.CharField(_("complication"), max_length=30, choices=Complication.choices)
    complication_detail = models.CharField(_("complication, in words"), max_length=200, blank=True)
    protocol = models.ForeignKey(
        ProtocolPage,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("protocol"),
    )
    protocol_followed = models.CharField(
        _("protocol followed"), max_length=10, choices=ProtocolFollowed.choices
    )
    outcome = models.TextField(_("outcome"))
    follow_up_plan = models.TextField(_("follow-up plan"), blank=True)
    staff_involved = models.ManyToManyField(
        StaffProfile, related_name="incidents", verbose_name=_("staff involved")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=IncidentStatus.choices, default=IncidentStatus.OPEN
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    review = models.TextField(_("review"), blank=True)
    # The demo's incidents: written by us for the medical director to review (content.sample).
    sample_content = models.BooleanField(_("sample content"), default=False)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("incident")
        constraints = [
            models.CheckConstraint(
                condition=Q(status="open", closed_at__isnull=True)
                | Q(status="closed", closed_at__isnull=False),
                name="incidents_closed_has_closed_at",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_complication_display()}, {self.get_procedure_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == IncidentStatus.OPEN

    @property
    def local_occurred_at(self):
        """When it happened, on the location's clock."""
        return self.occurred_at.astimezone(ZoneInfo(self.location.time_zone))


class IncidentStep(models.Model):
    """One thing done during the incident, at the location's local time."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="steps")
    at = models.TimeField(_("time"))
    action = models.CharField(_("action"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["incident", "position", "pk"]
        verbose_name = _("action taken")

    def __str__(self) -> str:
        return f"{self.at:%H:%M} {self.action}"
