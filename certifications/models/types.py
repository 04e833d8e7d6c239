"""Certification types and which job roles must hold them."""

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certifications import expiry
from organisation.models import JobRole


class ExpiryRule(models.TextChoices):
    END_OF_MONTH = expiry.END_OF_MONTH, _("End of the month (AHA cards)")
    EXACT_DATE = expiry.EXACT_DATE, _("Exact date")


class RenewalBasis(models.TextChoices):
    FROM_PREVIOUS_EXPIRY = expiry.FROM_PREVIOUS_EXPIRY, _("From the previous expiry (AHA cards)")
    FROM_COMPLETION = expiry.FROM_COMPLETION, _("From the completion date")


class CertificationType(models.Model):
    name = models.CharField(_("name"), max_length=120)
    code = models.SlugField(
        _("code"),
        max_length=30,
        unique=True,
        allow_unicode=False,
        help_text=_("Short and stable, e.g. BLS, ACLS, RN-licence. Reminders are keyed by it."),
    )
    issuing_body = models.CharField(_("issuing body"), max_length=120, blank=True)
    validity_months = models.PositiveSmallIntegerField(
        _("validity (months)"), default=24, help_text=_("How long a card is valid once issued.")
    )
    expiry_rule = models.CharField(
        _("expiry rule"),
        max_length=20,
        choices=ExpiryRule.choices,
        default=ExpiryRule.END_OF_MONTH,
        help_text=_(
            "AHA cards are valid through the last day of the month they expire in; "
            "others expire on the exact date."
        ),
    )
    renewal_window_days = models.PositiveSmallIntegerField(
        _("renewal window (days)"),
        default=90,
        help_text=_(
            "How many days before expiry the certification shows as due soon; a renewal "
            "completed from then on keeps the anniversary when renewals count from the "
            "previous expiry."
        ),
    )
    grace_days = models.PositiveSmallIntegerField(
        _("clinic grace period (days)"),
        default=0,
        help_text=_(
            "The clinic's own policy, not the card's: days after expiry before it counts as "
            "overdue. Cards themselves have no grace period; leave 0 unless your policy says so."
        ),
    )
    pending_counts_as_current_days = models.PositiveSmallIntegerField(
        _("unverified card counts for (days)"),
        default=0,
        help_text=_(
            "The clinic's own policy: for how many days after upload a card nobody has "
            "verified yet counts as if it were verified. Leave 0 so that only a card a manager "
            "has checked makes someone current."
        ),
    )
    renewal_basis = models.CharField(
        _("renewal counts from"),
        max_length=20,
        choices=RenewalBasis.choices,
        default=RenewalBasis.FROM_PREVIOUS_EXPIRY,
        help_text=_(
            "From the previous expiry: a renewal completed inside the renewal window (or the "
            "grace period) keeps the anniversary, e.g. a BLS card expiring 31 March 2027 "
            "renewed on 10 February 2027 runs to 31 March 2029. A renewal completed before "
            "the window opens or after the card lapsed counts from its completion date, as "
            "does a first card. From the completion date: always from the day the course "
            "was completed."
        ),
    )
    minimum_active_months = models.PositiveSmallIntegerField(
        _("minimum active period (months)"),
        default=0,
        help_text=_(
            "A renewed card never runs out sooner than this many months after its completion "
            "date; where the rule gives an earlier date, this one counts. 0: no minimum."
        ),
    )
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("certification type")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(validity_months__gte=1), name="cert_type_validity_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def renewal_rule(self) -> expiry.RenewalRule:
        return expiry.RenewalRule(
            validity_months=self.validity_months,
            rule=self.expiry_rule,
            basis=self.renewal_basis,
            renewal_window_days=self.renewal_window_days,
            grace_days=self.grace_days,
            minimum_active_months=self.minimum_active_months,
        )

    def expiry_for(self, issued_on: date, *, previous_expires_on: date | None = None) -> date:
        """The rule's expiry of a card completed on `issued_on`, renewing a card that expires
        on `previous_expires_on` (None: a first card). See expiry.renewed_expiry."""
        return expiry.renewed_expiry(
            completed_on=issued_on, previous_expires_on=previous_expires_on, rule=self.renewal_rule
        )


class CertificationRequirement(models.Model):
    """A job role must hold a certification type; shows up in every holder's compliance rows."""

    role = models.ForeignKey(
        JobRole, on_delete=models.CASCADE, related_name="certification_requirements"
    )
    certification_type = models.ForeignKey(
        CertificationType, on_delete=models.CASCADE, related_name="requirements"
    )
    # When the role began to require the type: a card missing since then is chased from then
    # (or from the person's hire date, if later). Empty for requirements older than this
    # field, whose start nobody recorded: those are chased from the hire date.
    added_at = models.DateTimeField(
        _("required since"), default=timezone.now, null=True, editable=False
    )

    class Meta:
        ordering = ["role__name", "certification_type__name"]
        verbose_name = _("certification requirement")
        constraints = [
            models.UniqueConstraint(
                fields=["role", "certification_type"], name="cert_requirement_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.role} requires {self.certification_type.code}"
