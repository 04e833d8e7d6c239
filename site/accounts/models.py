from django.db import models
from django.utils.translation import gettext_lazy as _


class PasswordResetMail(models.Model):
    """One password reset mail claimed for sending: the ledger that caps mails per address.

    Written by the worker (accounts.tasks) before it sends, so a failed send still counts;
    rows older than a day are pruned by the same service.
    """

    email = models.EmailField(_("email address"), help_text=_("Stored in lower case."))
    sent_at = models.DateTimeField(_("sent at"))

    class Meta:
        indexes = [models.Index(fields=["email", "sent_at"])]
        verbose_name = _("password reset mail")
        verbose_name_plural = _("password reset mails")

    def __str__(self) -> str:
        return f"{self.sent_at:%Y-%m-%d %H:%M} {self.email}"
