"""Card files: what we accept, judged by parsing the bytes, never by the name.

A card is accepted only when it is what its first bytes say and nothing else: an image that
Pillow decodes to the last pixel, within a pixel budget checked before decoding, or a PDF
that pypdf parses, whose object graph holds no JavaScript and no launch action. A file with
HTML or SVG markup anywhere after its magic bytes (a polyglot a browser might render) is
refused whatever it parses as.
"""

import re
from io import BytesIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

MAX_CARD_BYTES = 10 * 1024 * 1024
# A 50-megapixel photo of a card is already generous; decoding one takes about 150 MB.
MAX_CARD_PIXELS = 50_000_000
# Objects walked in a PDF's graph; a one- or two-page card has a few hundred.
MAX_PDF_OBJECTS = 100_000
SIGNATURES = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
EXTENSIONS = {content_type: ext for _, content_type, ext in SIGNATURES}
PILLOW_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG"}
# Tags that make a browser treat bytes as a document, followed by what may end a tag name.
# Short tags (`<a`, `<img`) are left out and the delimiter is required so that compressed
# image or PDF data does not match by chance (`<svg` alone would in a few percent of 10 MB
# files; `<svg` plus a delimiter in about one in two thousand).
MARKUP = re.compile(
    rb"<(?:!doctype|html|head|body|script|svg|iframe|object|embed)[\s/>]",
    re.IGNORECASE,
)
PDF_ACTION_KEYS = {"/JS", "/JavaScript", "/Launch"}
PDF_ACTION_TYPES = {"/JavaScript", "/Launch"}

CARD_TOO_LARGE = _("The card file is larger than 10 MB. Scan or photograph it at a lower size.")
CARD_WRONG_TYPE = _("The card must be a PDF, JPEG or PNG file.")
CARD_EMPTY = _("The card file is empty.")
CARD_MARKUP = _(
    "The card file contains web page code (HTML, SVG or script). Upload a plain scan or photo."
)
CARD_IMAGE_UNREADABLE = _(
    "The card image is damaged or incomplete and cannot be opened. Take the photo again."
)
CARD_IMAGE_TOO_MANY_PIXELS = _(
    "The card image is larger than 50 megapixels. Photograph or scan it at a lower resolution."
)
CARD_PDF_UNREADABLE = _(
    "The card PDF is damaged, incomplete or password-protected and cannot be opened."
)
CARD_PDF_ACTIVE = _(
    "The card PDF contains JavaScript or an action that launches a program. Print it to a new "
    "PDF or scan the card instead."
)


def sniff_content_type(head: bytes) -> str | None:
    """The content type the first bytes announce, or None when not PDF, JPEG or PNG."""
    for signature, content_type, _ext in SIGNATURES:
        if head.startswith(signature):
            return content_type
    return None


def check_card_file(upload) -> str:
    """The upload's real content type, after parsing the whole file.

    Raises ValidationError (one of the CARD_* messages) when the file is empty, too large, not
    a PDF, JPEG or PNG, carries markup, is an image that does not decode completely or
    declares more than MAX_CARD_PIXELS, or is a PDF that does not parse or holds JavaScript or
    a launch action. Leaves the upload at position 0.
    """
    if upload.size == 0:
        raise ValidationError(CARD_EMPTY, code="empty")
    if upload.size > MAX_CARD_BYTES:
        raise ValidationError(CARD_TOO_LARGE, code="too_large")
    upload.seek(0)
    content = upload.read(MAX_CARD_BYTES + 1)
    upload.seek(0)
    if len(content) > MAX_CARD_BYTES:  # the declared size lied
        raise ValidationError(CARD_TOO_LARGE, code="too_large")
    content_type = sniff_content_type(content[:16])
    if content_type is None:
        raise ValidationError(CARD_WRONG_TYPE, code="wrong_type")
    if MARKUP.search(content):
        raise ValidationError(CARD_MARKUP, code="markup")
    if content_type == "application/pdf":
        _check_pdf(content)
    else:
        _check_image(content, PILLOW_FORMATS[content_type])
    return content_type


def _check_image(content: bytes, expected_format: str) -> None:
    if ImageFile.LOAD_TRUNCATED_IMAGES:  # a global someone may set; it would let halves in
        raise RuntimeError("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False.")
    try:
        with Image.open(BytesIO(content), formats=[expected_format]) as image:
            width, height = image.size  # read from the header, before any pixel is decoded
            if width * height > MAX_CARD_PIXELS:
                raise ValidationError(CARD_IMAGE_TOO_MANY_PIXELS, code="too_many_pixels")
            image.verify()  # chunk checksums (PNG) and structure
        with Image.open(BytesIO(content), formats=[expected_format]) as image:
            image.load()  # decodes every pixel: a truncated file fails here
    except ValidationError:
        raise
    except Image.DecompressionBombError as error:
        raise ValidationError(CARD_IMAGE_TOO_MANY_PIXELS, code="too_many_pixels") from error
    except Exception as error:  # Pillow raises many types on hostile input; all mean "refuse"
        raise ValidationError(CARD_IMAGE_UNREADABLE, code="image_unreadable") from error


def _check_pdf(content: bytes) -> None:
    try:
        reader = PdfReader(BytesIO(content), strict=False)
        if reader.is_encrypted:
            raise ValidationError(CARD_PDF_UNREADABLE, code="pdf_unreadable")
        if len(reader.pages) == 0:
            raise ValidationError(CARD_PDF_UNREADABLE, code="pdf_unreadable")
        active = _has_active_content(reader)
    except ValidationError:
        raise
    except Exception as error:  # pypdf raises many types on hostile input; all mean "refuse"
        raise ValidationError(CARD_PDF_UNREADABLE, code="pdf_unreadable") from error
    if active:
        raise ValidationError(CARD_PDF_ACTIVE, code="pdf_active")


def _has_active_content(reader: PdfReader) -> bool:
    """Whether any object reachable from the trailer is JavaScript or a launch action.

    Walks the whole graph (catalog, names, pages, annotations, fields, outlines, additional
    actions) rather than a list of known places, so an /OpenAction, a page's /AA or a link
    annotation are all found; names written with #-escapes arrive decoded from pypdf.
    """
    seen: set[tuple[int, int]] = set()
    pending: list = [reader.trailer]
    walked = 0
    while pending:
        node = pending.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        walked += 1
        if walked > MAX_PDF_OBJECTS:
            raise ValueError("PDF object graph too large")
        if isinstance(node, DictionaryObject):
            if PDF_ACTION_KEYS & set(node.keys()) or node.get("/S") in PDF_ACTION_TYPES:
                return True
            pending.extend(node.values())
        elif isinstance(node, ArrayObject):
            pending.extend(node)
    return False
