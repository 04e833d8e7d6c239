"""Card uploads are judged by parsing: a corpus of real, broken and hostile files.

Every file is generated here (Pillow, ReportLab, pypdf), so the corpus says what each one is.
"""

import io
import os
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from certifications import files
from certifications.files import (
    CARD_EMPTY,
    CARD_IMAGE_TOO_MANY_PIXELS,
    CARD_IMAGE_UNREADABLE,
    CARD_MARKUP,
    CARD_PDF_ACTIVE,
    CARD_PDF_UNREADABLE,
    CARD_TOO_LARGE,
    CARD_WRONG_TYPE,
    MAX_CARD_BYTES,
    check_card_file,
)
from certifications.models import CertificationRecord
from certifications.services import upload_record
from organisation.models import AuditEntry
from tests.factories.certifications import card_image, card_pdf

HTML = b"<!DOCTYPE html><html><body><script>fetch('/manage/')</script></body></html>"


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_declaring(width: int, height: int) -> bytes:
    """A PNG whose header declares width x height but carries one row of data."""
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * (width + 1)))
        + _png_chunk(b"IEND", b"")
    )


def _jpeg_declaring(width: int, height: int) -> bytes:
    """A real JPEG with its frame header (SOF0) patched to declare width x height."""
    data = bytearray(card_image("JPEG", (16, 16)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _jpeg_with_comment(comment: bytes) -> bytes:
    data = card_image("JPEG", (32, 32))
    segment = b"\xff\xfe" + struct.pack(">H", len(comment) + 2) + comment
    return data[:2] + segment + data[2:]


def _png_with_bad_crc() -> bytes:
    data = bytearray(card_image("PNG", (64, 64)))
    idat = data.index(b"IDAT")
    data[idat + 6] ^= 0xFF  # one byte of compressed pixels flipped; the CRC no longer matches
    return bytes(data)


def _pypdf(*, pages: int = 1, change=None, password: str = "") -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=243, height=153)
    if change is not None:
        change(writer)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _action(kind: str, **entries) -> DictionaryObject:
    action = DictionaryObject({NameObject("/Type"): NameObject("/Action")})
    action[NameObject("/S")] = NameObject(kind)
    for key, value in entries.items():
        action[NameObject(f"/{key}")] = TextStringObject(value)
    return action


def _open_action(action: DictionaryObject):
    def change(writer: PdfWriter) -> None:
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return change


def _page_open_action(writer: PdfWriter) -> None:
    # Runs when page 1 is shown: /AA << /O << /S /JavaScript /JS (...) >> >>
    page = writer.pages[0]
    page[NameObject("/AA")] = DictionaryObject(
        {NameObject("/O"): _action("/JavaScript", JS="app.alert(1)")}
    )


def _javascript_name_tree(writer: PdfWriter) -> None:
    # Document-level scripts: /Names << /JavaScript << /Names [(init) action] >> >>
    scripts = ArrayObject(
        [TextStringObject("init"), writer._add_object(_action("/JavaScript", JS="app.alert(1)"))]
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): scripts})}
    )


def _escaped_names(pdf: bytes) -> bytes:
    # /J#61vaScript is /JavaScript in PDF syntax: a scanner of raw bytes misses it.
    return pdf.replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _image(mode: str, size: tuple[int, int], image_format: str, **save) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, 1 if mode == "1" else None).save(buffer, format=image_format, **save)
    return buffer.getvalue()


def _photo(size: tuple[int, int], image_format: str, **save) -> bytes:
    """Noise, so the encoder has real work and the file real size."""
    image = Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **save)
    return buffer.getvalue()


GOOD = {
    "png-2x2": (card_image("PNG", (2, 2)), "image/png"),
    "png-rgba-640x400": (_image("RGBA", (640, 400), "PNG"), "image/png"),
    "png-palette-300x200": (_image("P", (300, 200), "PNG"), "image/png"),
    "png-photo-800x500": (_photo((800, 500), "PNG"), "image/png"),
    "jpeg-2x2": (card_image("JPEG", (2, 2)), "image/jpeg"),
    "jpeg-photo-1600x1000": (_photo((1600, 1000), "JPEG", quality=85), "image/jpeg"),
    "jpeg-progressive": (_photo((400, 250), "JPEG", progressive=True), "image/jpeg"),
    "jpeg-greyscale": (_image("L", (320, 200), "JPEG"), "image/jpeg"),
    "pdf-reportlab-1-page": (card_pdf(), "application/pdf"),
    "pdf-reportlab-3-pages": (card_pdf("Front and back", pages=3), "application/pdf"),
    "pdf-pypdf-blank": (_pypdf(), "application/pdf"),
    "pdf-with-a-plain-link": (
        # A URI action is not JavaScript: eCards link to the issuer's verification page.
        _pypdf(change=_open_action(_action("/URI", URI="https://ecards.heart.org/"))),
        "application/pdf",
    ),
}

BAD = {
    "zero-bytes": (b"", CARD_EMPTY),
    "too-large": (b"%PDF-" + b"0" * MAX_CARD_BYTES, CARD_TOO_LARGE),
    "garbage": (os.urandom(4096), CARD_WRONG_TYPE),
    "html-page": (HTML, CARD_WRONG_TYPE),
    "svg-image": (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>',
        CARD_WRONG_TYPE,
    ),
    "gif-image": (card_image("GIF", (20, 20)), CARD_WRONG_TYPE),
    "webp-image": (card_image("WEBP", (200, 120)), CARD_WRONG_TYPE),
    "windows-program": (b"MZ\x90\x00" + os.urandom(512), CARD_WRONG_TYPE),
    "png-truncated": (_truncated(_photo((300, 200), "PNG")), CARD_IMAGE_UNREADABLE),
    "png-magic-only": (b"\x89PNG\r\n\x1a\n", CARD_IMAGE_UNREADABLE),
    "png-bad-checksum": (_png_with_bad_crc(), CARD_IMAGE_UNREADABLE),
    "jpeg-truncated": (_truncated(_photo((300, 200), "JPEG")), CARD_IMAGE_UNREADABLE),
    "jpeg-magic-then-garbage": (b"\xff\xd8\xff" + os.urandom(2048), CARD_IMAGE_UNREADABLE),
    "pdf-truncated": (_truncated(card_pdf(pages=2)), CARD_PDF_UNREADABLE),
    "pdf-magic-then-garbage": (b"%PDF-1.7\n" + os.urandom(2048), CARD_PDF_UNREADABLE),
    "pdf-without-pages": (_pypdf(pages=0), CARD_PDF_UNREADABLE),
    "pdf-password-protected": (_pypdf(password="secret"), CARD_PDF_UNREADABLE),
    "png-magic-then-html": (b"\x89PNG\r\n\x1a\n" + HTML, CARD_MARKUP),
    "png-real-then-html": (card_image("PNG", (40, 40)) + HTML, CARD_MARKUP),
    "jpeg-magic-then-script": (b"\xff\xd8\xff\xe0<script>alert(1)</script>", CARD_MARKUP),
    "jpeg-script-in-comment": (_jpeg_with_comment(b"<SCRIPT>alert(1)</SCRIPT>"), CARD_MARKUP),
    "jpeg-svg-in-comment": (_jpeg_with_comment(b"<svg onload=alert(1)>"), CARD_MARKUP),
    "pdf-magic-then-html": (b"%PDF-1.4\n" + HTML, CARD_MARKUP),
    "pdf-real-then-html": (card_pdf() + b"\n<HTML><body>hi</body></HTML>", CARD_MARKUP),
    "pdf-javascript-open-action": (
        _pypdf(change=_open_action(_action("/JavaScript", JS="app.alert(1)"))),
        CARD_PDF_ACTIVE,
    ),
    "pdf-javascript-name-tree": (
        _pypdf(change=_javascript_name_tree),
        CARD_PDF_ACTIVE,
    ),
    "pdf-javascript-on-page-open": (_pypdf(change=_page_open_action), CARD_PDF_ACTIVE),
    "pdf-javascript-escaped-names": (
        _escaped_names(_pypdf(change=_open_action(_action("/JavaScript", JS="app.alert(1)")))),
        CARD_PDF_ACTIVE,
    ),
    "pdf-launch-action": (
        _pypdf(change=_open_action(_action("/Launch", F="C:\\Windows\\calc.exe"))),
        CARD_PDF_ACTIVE,
    ),
    "png-decompression-bomb": (
        # A real, valid PNG: 8,000 x 7,000 one-bit pixels compress to a few kilobytes.
        _image("1", (8000, 7000), "PNG"),
        CARD_IMAGE_TOO_MANY_PIXELS,
    ),
    "png-declaring-60000x60000": (_png_declaring(60000, 60000), CARD_IMAGE_TOO_MANY_PIXELS),
    "jpeg-declaring-65000x65000": (_jpeg_declaring(65000, 65000), CARD_IMAGE_TOO_MANY_PIXELS),
}


def test_the_corpus_has_at_least_twenty_files_good_and_bad():
    assert len(GOOD) >= 10 and len(BAD) >= 20
    assert all(len(content) < MAX_CARD_BYTES for content, _type in GOOD.values())


@pytest.mark.parametrize(("content", "content_type"), GOOD.values(), ids=GOOD.keys())
def test_real_cards_are_accepted_with_their_type(content, content_type):
    upload = SimpleUploadedFile("whatever.bin", content)
    assert check_card_file(upload) == content_type
    assert upload.tell() == 0


@pytest.mark.parametrize(("content", "message"), BAD.values(), ids=BAD.keys())
def test_bad_cards_are_refused_with_a_clear_message(content, message):
    with pytest.raises(ValidationError) as error:
        check_card_file(SimpleUploadedFile("card.pdf", content))
    assert error.value.messages == [str(message)]


@pytest.mark.parametrize(("content", "message"), BAD.values(), ids=BAD.keys())
def test_a_refused_card_stores_nothing(sam, bls, now, private_storage, content, message):
    with pytest.raises(ValidationError) as error:
        upload_record(
            staff=sam,
            certification_type=bls,
            issued_on=now.date().replace(day=1),
            card_file=SimpleUploadedFile("card.png", content),
            actor=sam.user,
            now=now,
        )
    assert error.value.messages == [str(message)]
    assert not CertificationRecord.objects.exists()
    assert not AuditEntry.objects.exists()
    assert not private_storage.exists() or not any(p.is_file() for p in private_storage.rglob("*"))


@pytest.mark.parametrize(("content", "content_type"), GOOD.values(), ids=GOOD.keys())
def test_a_real_card_is_stored_as_uploaded(sam, bls, now, content, content_type):
    record = upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=now.date().replace(day=1),
        card_file=SimpleUploadedFile("card", content),
        actor=sam.user,
        now=now,
    )
    assert record.card_content_type == content_type
    with record.card_file.open("rb") as stored:
        assert stored.read() == content


def test_the_pixel_limit_is_checked_before_decoding(monkeypatch):
    """The bomb is refused from its header: Pillow never gets to decode its pixels."""
    bomb, good = _png_declaring(60000, 60000), card_image("PNG")
    decoded = []
    monkeypatch.setattr(Image.Image, "load", lambda self: decoded.append(self.size) or None)
    with pytest.raises(ValidationError):
        check_card_file(SimpleUploadedFile("bomb.png", bomb))
    assert decoded == []
    check_card_file(SimpleUploadedFile("ok.png", good))
    assert (2, 2) in decoded  # the patched load is the one a good file goes through


def test_a_global_that_lets_truncated_images_in_is_not_honoured(monkeypatch):
    monkeypatch.setattr("PIL.ImageFile.LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(RuntimeError):
        check_card_file(SimpleUploadedFile("card.png", card_image("PNG")))


def test_markup_pattern_needs_a_tag_not_a_few_letters():
    # "<svg" inside compressed pixels is chance; "<svg " or "<svg>" is a tag.
    assert not files.MARKUP.search(b"\x00<svgz\x01<scripted<htmlx")
    assert files.MARKUP.search(b"\x00<SvG/onload=x>")
