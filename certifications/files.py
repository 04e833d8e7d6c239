"""Card files: what we accept, judged by the bytes, not the name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_CARD_BYTES = 10 * 1024 * 1024
SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
EXTENSIONS = {content_type: ext for _, content_type, ext in SIGNATURES}

CARD_TOO_LARGE = _("The card file is larger than 10 MB. Scan or photograph it at a lower size.")
CARD_WRONG_TYPE = _("The card must be a PDF, JPEG or PNG file.")
CARD_EMPTY = _("The card file is empty.")


def sniff_content_type(head: bytes) -> str | None:
    """The content type the first bytes announce, or None when not PDF, JPEG or PNG."""
    for signature, content_type, _ext in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def check_card_file(upload) -> str:
    """The upload's real content type; ValidationError when empty, too large or not allowed."""
    if upload.size == 0:
        raise ValidationError(CARD_EMPTY, code="empty")
    if upload.size > MAX_CARD_BYTES:
        raise ValidationError(CARD_TOO_LARGE, code="too_large")
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff_content_type(head)
    if content_type is None:
        raise ValidationError(CARD_WRONG_TYPE, code="wrong_type")
    return content_type
