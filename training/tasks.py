"""django-q2 tasks of the training app: thin, they call a service."""

from training.approval_mail import send_review_request as _send_review_request


def send_review_request(**kwargs) -> int:
    """One message to the approvers about a whole GIFT import (queued after its commit)."""
    return _send_review_request(**kwargs)
