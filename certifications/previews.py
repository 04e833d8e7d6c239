"""Card previews: a picture of each card for the verification queue, drawn on the server.

A photo or scan is downscaled; a PDF's first page is rendered by PDFium (pypdfium2, built
without a JavaScript engine). Every preview is a PNG whose longer side is at most
PREVIEW_LONG_SIDE pixels, cached in the private card storage under `previews/`, keyed by the
SHA-256 of the card's bytes: never in public MEDIA, never given a URL of its own, and a file
that changed can never show an old picture. A card that cannot be drawn (a PDF PDFium
refuses, a file missing from the disk) raises NoPreview, and that answer is cached too, so a
broken card is not parsed again at every look.
"""

import contextlib
import hashlib
import logging
import os
import threading
import uuid
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from certifications.files import MAX_CARD_BYTES, PILLOW_FORMATS, sniff_content_type
from certifications.storage import card_storage

NO_PREVIEW = _("No preview – download the card")
# Sharp enough to read a card's name, dates and number at twice the queue's display width,
# small enough for a phone (a photo's preview is a few hundred kB).
PREVIEW_LONG_SIDE = 800
# A wallet card (243 x 153 pt) comes out at 486 px; a huge page is scaled down instead.
MAX_PDF_SCALE = 2.0
CACHE_FOLDER = "previews"
# Part of every cached name: raise it when the drawing changes, and old previews are ignored.
RENDERING = "1"

logger = logging.getLogger(__name__)

# PDFium keeps global state and is not thread-safe; gunicorn's gthread workers serve several
# requests at once in one process, so one rendering at a time per process.
_pdfium_lock = threading.Lock()


class NoPreview(Exception):
    """The card cannot be drawn: the queue offers the download instead."""


def card_preview(record) -> bytes:
    """PNG bytes of `record`'s card preview, from the cache or drawn now and cached.

    Raises NoPreview when the record has no file, the file is gone or cannot be drawn. Reads
    the card once to checksum it; draws at most once per distinct card content.
    """
    if not record.card_file:
        raise NoPreview("no card file")
    try:
        with record.card_file.open("rb") as card:
            content = card.read(MAX_CARD_BYTES + 1)
    except OSError as error:
        raise NoPreview("card file unreadable") from error
    checksum = hashlib.sha256(content).hexdigest()
    cached = _cache_path(checksum, ".png")
    refused = _cache_path(checksum, ".none")
    if cached.is_file():
        return cached.read_bytes()
    if refused.is_file():
        raise NoPreview("cached: cannot be drawn")
    try:
        png = render_preview(content)
    except NoPreview:
        _write_atomically(refused, b"")
        raise
    _write_atomically(cached, png)
    return png


def render_preview(content: bytes) -> bytes:
    """PNG bytes of a card's picture (an image downscaled, a PDF's first page rendered).

    Raises NoPreview for anything that is not a PDF, JPEG or PNG that draws."""
    if len(content) > MAX_CARD_BYTES:
        raise NoPreview("larger than any accepted card")
    content_type = sniff_content_type(content[:16])
    if content_type == "application/pdf":
        picture = _first_page(content)
    elif content_type in PILLOW_FORMATS:
        picture = _downscaled(content, PILLOW_FORMATS[content_type])
    else:
        raise NoPreview("not a PDF, JPEG or PNG")
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return buffer.getvalue()


def _first_page(content: bytes) -> Image.Image:
    with _pdfium_lock:
        try:
            document = pdfium.PdfDocument(content)
            try:
                if len(document) == 0:
                    raise NoPreview("a PDF without pages")
                page = document[0]
                try:
                    width, height = page.get_size()
                    if min(width, height) <= 0:
                        raise NoPreview("a page without a size")
                    scale = min(MAX_PDF_SCALE, PREVIEW_LONG_SIDE / max(width, height))
                    bitmap = page.render(scale=scale)
                    # A copy in Python's memory: the bitmap's buffer goes with the document.
                    return bitmap.to_pil().convert("RGB")
                finally:
                    page.close()
            finally:
                document.close()
        except NoPreview:
            raise
        except Exception as error:  # PDFium reports hostile or damaged input in many ways
            raise NoPreview("PDFium cannot draw it") from error


def _downscaled(content: bytes, image_format: str) -> Image.Image:
    try:
        with Image.open(BytesIO(content), formats=[image_format]) as image:
            # A JPEG decodes straight at a fraction of its size: a 12-megapixel photo in ms.
            image.draft("RGB", (PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE))
            # Phones store a portrait photo sideways with an orientation tag; turn it upright.
            upright = ImageOps.exif_transpose(image)
            upright.thumbnail((PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE))
            return _on_white(upright)
    except Exception as error:  # Pillow raises many types on hostile input; all mean "none"
        raise NoPreview("Pillow cannot draw it") from error


def _on_white(image: Image.Image) -> Image.Image:
    """RGB, with any transparency laid on white (a transparent scan reads as a blank card)."""
    if image.mode in ("RGBA", "LA", "P"):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")


def _cache_path(checksum: str, suffix: str) -> Path:
    name = f"{CACHE_FOLDER}/{checksum[:2]}/{checksum}-r{RENDERING}{suffix}"
    return Path(card_storage().path(name))


def _write_atomically(path: Path, data: bytes) -> None:
    """Two requests drawing the same card at once both write; a reader never sees half.

    A cache that cannot be written (a full or read-only disk) is logged, not fatal: the
    preview is still served, only drawn again next time."""
    partial = path.with_name(f"{path.name}.{uuid.uuid4().hex}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:
        logger.exception("Card preview cache not written: %s", path)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
