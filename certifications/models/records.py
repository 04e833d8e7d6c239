"""A staff member's certification records: one per card, renewals chained by `supersedes`."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from certifications.models.types import CertificationType
from certifications.storage import card_storage, card_upload_to
from organisation.models import StaffProfile


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting verification")
    VERIFIED = "verified", _("Verified")
    REJECTED = "rejected", _("Rejected")


class ExpiryRequestStatus(models.TextChoices):
    """A staff member's card says another expiry than the rule's: a manager decides."""

    NONE = "", _("No request")
    PENDING = "pending", _("Awaiting a manager")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class CertificationRecord(models.Model):
    staff = models.ForeignKey(
        StaffProfile, on_delete=models.CASCADE, related_name="certification_records"
    )
    certification_type = models.ForeignKey(
        CertificationType, on_delete=models.PROTECT, related_name="records"
    )
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), help_text=_("The last day the card is valid."))
    expiry_override_reason = models.CharField(
        _("reason the expiry differs from the rule"), max_length=300, blank=True
    )
    card_number = models.CharField(_("card number / eCard code"), max_length=80, blank=True)
    card_file = models.FileField(
        _("card"), storage=card_storage, upload_to=card_upload_to, blank=True, max_length=200
    )
    card_content_type = models.CharField(max_length=40, blank=True)
    verification_status = models.CharField(
        _("verification"),
        max_length=10,
        choices=VerificationStatus.choices,
        default=VerificationStatus.PENDING,
        db_index=True,
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verification_note = models.CharField(_("note"), max_length=500, blank=True)
    supersedes = models.OneToOneField(
        "self",
        # A superseded record cannot be deleted alone (history is kept), but it goes when the
        # whole chain goes (the person is deleted).
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="superseded_by",
        help_text=_("The record this renewal replaces; history is kept."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"))
    # The person never sets their own expiry: a different date on upload is a request, and
    # `expires_on` keeps the rule's date until another manager approves it.
    requested_expires_on = models.DateField(
        _("requested expiry"),
        null=True,
        blank=True,
        help_text=_("The expiry the person says the card shows, when it differs from the rule."),
    )
    expiry_request_reason = models.CharField(
        _("why the expiry differs"), max_length=300, blank=True
    )
    expiry_request_status = models.CharField(
        _("expiry request"),
        max_length=10,
        choices=ExpiryRequestStatus.choices,
        default=ExpiryRequestStatus.NONE,
        blank=True,
        db_index=True,
    )
    expiry_request_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expiry_request_decided_at = models.DateTimeField(
        _("expiry request decided at"), null=True, blank=True
    )
    expiry_request_note = models.CharField(
        _("manager's note on the expiry request"),
        max_length=500,
        blank=True,
        help_text=_("Why a request was refused; the person sees it."),
    )

    class Meta:
        ordering = ["-expires_on", "-pk"]
        verbose_name = _("certification record")
        indexes = [models.Index(fields=["staff", "certification_type", "-expires_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_on__gte=models.F("issued_on")),
                name="cert_record_expires_after_issue",
            ),
            # A request names a date (after the issue date); no request names none.
            models.CheckConstraint(
                condition=(
                    models.Q(expiry_request_status="", requested_expires_on__isnull=True)
                    | (
                        ~models.Q(expiry_request_status="")
                        & models.Q(requested_expires_on__gte=models.F("issued_on"))
                    )
                ),
                name="cert_record_expiry_request_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certification_type.code} for {self.staff} (expires {self.expires_on})"

    @property
    def is_expiry_overridden(self) -> bool:
        return bool(self.expiry_override_reason)

    @property
    def expiry_request_pending(self) -> bool:
        return self.expiry_request_status == ExpiryRequestStatus.PENDING

    @property
    def expiry_request_refused(self) -> bool:
        return self.expiry_request_status == ExpiryRequestStatus.REFUSED
