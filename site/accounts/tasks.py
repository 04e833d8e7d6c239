"""django-q2 tasks for logging in: thin, they call services."""

from django.utils import timezone

from accounts import services


def send_password_reset(email: str) -> int:
    """Queued by the password reset page for every address asked about."""
    return services.send_password_reset(email=email, now=timezone.now())
