"""Settings the sweep's guarantees rest on: checked at start-up, not discovered in a crash."""

from django.conf import settings
from django.core.checks import Error, register

BUDGET_OVER_TIMEOUT = "REMINDER_SWEEP_BUDGET_SECONDS must be below django-q2's task timeout."
LEASE_TOO_SHORT = (
    "REMINDER_LEASE_SECONDS must exceed the sweep budget plus one SMTP timeout, or a live "
    "sweep's rows could be taken over and sent twice."
)


@register()
def sweep_limits(app_configs=None, **kwargs):
    budget = settings.REMINDER_SWEEP_BUDGET_SECONDS
    errors = []
    if budget >= settings.Q_CLUSTER["timeout"]:
        errors.append(Error(BUDGET_OVER_TIMEOUT, id="reminders.E001"))
    if settings.REMINDER_LEASE_SECONDS <= budget + settings.EMAIL_TIMEOUT:
        errors.append(Error(LEASE_TOO_SHORT, id="reminders.E002"))
    return errors
