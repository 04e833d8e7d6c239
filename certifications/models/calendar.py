"""The secret in each person's calendar feed URL."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarToken(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certification_calendar"
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("calendar feed token")

    def __str__(self) -> str:
        return f"Calendar feed of {self.user}"
