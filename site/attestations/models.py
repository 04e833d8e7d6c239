"""Protocol revisions as published, and the attestations staff sign about protocols.

Both are append-only records: a revision row is written once per Wagtail revision published
(its unique revision makes a repeated signal a no-op), and an attestation, once signed, is
never changed.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisation.models import StaffProfile


class ProtocolRevision(models.Model):
    """One publish of a protocol, with what its editor said of it."""

    # Kept when the page is deleted (empty then): the title below and the audit trail stay.
    protocol = models.ForeignKey(
        "content.ProtocolPage", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revision = models.OneToOneField(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    title = models.CharField(_("protocol"), max_length=255, help_text=_("As it read then."))
    significant = models.BooleanField(_("clinically significant change"))
    what_changed = models.TextField(_("what changed"), blank=True)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("protocol revision")

    def __str__(self) -> str:
        return f"{self.title}, published {self.published_at:%-d %b %Y}"


class AttestationKind(models.TextChoices):
    REVISION = "revision", _("Read the revised protocol")
    YEARLY = "yearly", _("Yearly attestation")


class Attestation(models.Model):
    """A person's "I have read it" about a protocol.

    A revision attestation is asked for when a significant revision is published (a row with
    `requested_at` and `due_on`) and signed later (`attested_at`). A yearly one is a row
    written when signed: the next falls due 12 months after `attested_on`."""

    staff = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="attestations")
    kind = models.CharField(_("kind"), max_length=10, choices=AttestationKind.choices)
    # Empty once the page is deleted: a deleted protocol asks nothing more of anyone.
    protocol = models.ForeignKey(
        "content.ProtocolPage", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The revision asked about (revision kind), or the one live when a yearly one was signed.
    protocol_revision = models.ForeignKey(
        ProtocolRevision, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("asked at"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    attested_at = models.DateTimeField(_("attested at"), null=True, blank=True)
    attested_on = models.DateField(
        _("attested on"), null=True, blank=True, help_text=_("The person's local date.")
    )

    class Meta:
        ordering = ["-attested_at", "due_on", "pk"]
        verbose_name = _("attestation")
        constraints = [
            models.UniqueConstraint(
                fields=["staff", "protocol_revision"],
                condition=Q(kind="revision"),
                name="attestation_once_per_revision",
            ),
            models.UniqueConstraint(
                fields=["staff", "protocol", "attested_on"],
                condition=Q(kind="yearly"),
                name="attestation_yearly_once_a_day",
            ),
            models.CheckConstraint(
                condition=~Q(kind="revision")
                | Q(protocol_revision__isnull=False, due_on__isnull=False),
                name="attestation_revision_asked_with_due_date",
            ),
            models.CheckConstraint(
                condition=Q(attested_at__isnull=True, attested_on__isnull=True)
                | Q(attested_at__isnull=False, attested_on__isnull=False),
                name="attestation_signed_with_date",
            ),
            models.CheckConstraint(
                condition=~Q(kind="yearly") | Q(attested_at__isnull=False),
                name="attestation_yearly_is_signed",
            ),
        ]
        indexes = [models.Index(fields=["staff", "protocol"], name="attestation_by_staff")]

    def __str__(self) -> str:
        signed = f"signed {self.attested_on:%-d %b %Y}" if self.signed else "not signed yet"
        return f"{self.get_kind_display()}, {signed}"

    @property
    def signed(self) -> bool:
        return self.attested_at is not None
