"""A manager's standing decisions about one person's requirements: exemptions, assignments."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from organisation.models import StaffProfile


class Exemption(models.Model):
    """One person excused from one requirement (any kind's, keyed as its ComplianceRow is)
        from `starts_on` through `ends_on`, both their local dates. While in force the requirement
        reads "Exempt until <ends_on>" and is not reminded; afterwards it is judged as before.

        Never deleted: revoking stamps `revoked_at`, and a revoked exemption is in force on no
        date. At most one exemption per person and requirement is in force or still to end (the
    granting service holds that, under a lock on the person: the rule turns on a date)."""

    staff = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="exemptions")
    kind = models.CharField(_("requirement kind"), max_length=40)
    requirement_key = models.CharField(_("requirement"), max_length=100)
    label = models.CharField(
        _("requirement name"), max_length=200, help_text=_("As it read when granted.")
    )
    reason = models.TextField(_("reason"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    granted_at = models.DateTimeField(_("granted at"))
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        ordering = ["ends_on", "pk"]
        verbose_name = _("exemption")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="exemption_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["staff", "ends_on"], name="exemption_by_staff")]

    def __str__(self) -> str:
        return f"{self.label}: exempt until {self.ends_on:%-d %b %Y}"

    def in_force_on(self, day) -> bool:
        return self.revoked_at is None and self.starts_on <= day <= self.ends_on
