"""The certificate of completion as a one-page PDF (ReportLab: pure Python, no system libs).

Landscape, framed, read top to bottom: who issues it (the clinic's logo and name), what it is,
who earned it, for which module, then the facts a reader checks (date passed, valid until, CE
hours or study time), the medical director's signature line, and where to verify it: a QR code
and the same link printed and clickable, both carrying the absolute /verify/<code>/ address.
"""

import logging
from datetime import date
from io import BytesIO

import qrcode
from PIL import Image
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import ImageReader, simpleSplit
from reportlab.pdfgen import canvas

from content.sample import SAMPLE_LABEL, SAMPLE_NOTICE
from organisation.selectors import Clinic
from training.models import QuizAttempt
from training.templatetags.credit import hours_text

logger = logging.getLogger(__name__)

INK = HexColor("#1f2933")
MUTED = HexColor("#52606d")
BRAND = HexColor("#0f5c63")
GOLD = HexColor("#a8874a")
WARNING = HexColor("#b35c00")
WATERMARK = HexColor("#f3d9bf")

WIDTH, HEIGHT = landscape(A4)
TEXT_WIDTH = WIDTH - 200  # the centred lines keep clear of the frame
LOGO_BOX = (220, 44)  # at most this wide and tall, centred above the clinic's name
LOGO_PIXELS = 600  # the logo is scaled down to this before embedding: a photo stays small
QR_SIZE = 92  # points, quiet zone included
BOTTOM = 56  # baseline of the signature block and the QR code's lower edge


def certificate_pdf(
    attempt: QuizAttempt, *, verify_url: str, clinic: Clinic, sample: bool = False
) -> bytes:
    """The certificate of `attempt` (a pass). `verify_url` must be absolute: it is printed,
    linked and encoded in the QR code. A module flagged as sample content gets "SAMPLE
    CONTENT" across the page and the notice on top."""
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    pdf.setTitle(f"Certificate of completion: {attempt.module_title}")
    pdf.setAuthor(clinic.name)
    pdf.setSubject(f"{attempt.staff.display_name}, {attempt.module_title}")
    pdf.setCreator("ReadyRoom")
    if sample:
        _mark_sample(pdf)
    _frame(pdf)
    y = _heading(pdf, clinic)
    y = _recipient(pdf, attempt, top=y)
    _facts(pdf, attempt, top=y)
    _signature(pdf, clinic)
    _verification(pdf, attempt, verify_url)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def credit_line(attempt: QuizAttempt) -> tuple[str, str] | None:
    """('CE hours', '0.5') or ('Study time', '15 minutes'), as the attempt snapshotted them."""
    if attempt.ce_hours:
        return "CE hours", hours_text(attempt.ce_hours)
    if attempt.study_minutes:
        return "Study time", f"{attempt.study_minutes} minutes"
    return None


def _day(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _frame(pdf: canvas.Canvas) -> None:
    pdf.saveState()
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(3)
    pdf.rect(22, 22, WIDTH - 44, HEIGHT - 44)
    pdf.setStrokeColor(GOLD)
    pdf.setLineWidth(0.8)
    pdf.rect(30, 30, WIDTH - 60, HEIGHT - 60)
    pdf.restoreState()


def _heading(pdf: canvas.Canvas, clinic: Clinic) -> float:
    """Logo, clinic name, title; returns the baseline below which the recipient starts."""
    if clinic.logo is not None:
        _draw_logo(pdf, clinic.logo, top=HEIGHT - 78)
    pdf.setFillColor(BRAND)
    _centred(pdf, clinic.name.upper(), "Helvetica-Bold", 12, HEIGHT - 142, min_size=8, spacing=1.5)
    pdf.setFillColor(INK)
    pdf.setFont("Times-Bold", 34)
    pdf.drawCentredString(WIDTH / 2, HEIGHT - 184, "Certificate of Completion")
    pdf.setStrokeColor(GOLD)
    pdf.setLineWidth(1)
    pdf.line(WIDTH / 2 - 70, HEIGHT - 198, WIDTH / 2 + 70, HEIGHT - 198)
    return HEIGHT - 226


def _recipient(pdf: canvas.Canvas, attempt: QuizAttempt, *, top: float) -> float:
    pdf.setFillColor(MUTED)
    pdf.setFont("Times-Italic", 14)
    pdf.drawCentredString(WIDTH / 2, top, "This certifies that")
    pdf.setFillColor(INK)
    y = _centred_lines(pdf, attempt.staff.display_name, "Times-Bold", 30, top - 42, min_size=18)
    pdf.setFillColor(MUTED)
    pdf.setFont("Times-Italic", 14)
    pdf.drawCentredString(WIDTH / 2, y - 34, "has passed the training module")
    pdf.setFillColor(BRAND)
    return _centred_lines(pdf, attempt.module_title, "Helvetica-Bold", 19, y - 68, min_size=12)


def _facts(pdf: canvas.Canvas, attempt: QuizAttempt, *, top: float) -> None:
    facts = [
        ("Date passed", _day(attempt.passed_on)),
        ("Valid until", _day(attempt.valid_until)),
    ]
    if credit := credit_line(attempt):
        facts.append(credit)
    column = 170
    first = WIDTH / 2 - column * (len(facts) - 1) / 2
    for index, (label, value) in enumerate(facts):
        x = first + index * column
        pdf.setFillColor(MUTED)
        pdf.setFont("Helvetica", 8.5)
        pdf.drawCentredString(x, top - 50, label.upper(), charSpace=1)
        pdf.setFillColor(INK)
        pdf.setFont("Helvetica-Bold", 13)
        pdf.drawCentredString(x, top - 68, value)


def _signature(pdf: canvas.Canvas, clinic: Clinic) -> None:
    left, right = 80, 320
    line_y = BOTTOM + 44
    pdf.setStrokeColor(INK)
    pdf.setLineWidth(0.7)
    pdf.line(left, line_y, right, line_y)
    centre = (left + right) / 2
    pdf.setFillColor(INK)
    y = line_y - 15
    if clinic.director:
        size = _fit(pdf, clinic.director, "Helvetica-Bold", 11, right - left, 7)
        pdf.setFont("Helvetica-Bold", size)
        pdf.drawCentredString(centre, y, clinic.director)
        y -= 13
    pdf.setFillColor(MUTED)
    pdf.setFont("Helvetica", 9)
    pdf.drawCentredString(centre, y, "Medical director")


def _verification(pdf: canvas.Canvas, attempt: QuizAttempt, verify_url: str) -> None:
    qr_left = WIDTH - 72 - QR_SIZE
    pdf.drawImage(
        ImageReader(qr_image(verify_url)), qr_left, BOTTOM - 14, QR_SIZE, QR_SIZE, mask=None
    )
    pdf.linkURL(
        verify_url, (qr_left, BOTTOM - 14, qr_left + QR_SIZE, BOTTOM - 14 + QR_SIZE), thickness=0
    )
    right = qr_left - 6
    room = right - (WIDTH / 2 - 40)
    pdf.setFillColor(INK)
    pdf.setFont("Helvetica-Bold", 9.5)
    pdf.drawRightString(right, BOTTOM + 46, "Verify this certificate")
    size = _fit(pdf, verify_url, "Helvetica", 9, room, 6)
    width = pdf.stringWidth(verify_url, "Helvetica", size)
    pdf.setFillColor(BRAND)
    pdf.setFont("Helvetica", size)
    pdf.drawRightString(right, BOTTOM + 31, verify_url)
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(0.5)
    pdf.line(right - width, BOTTOM + 29, right, BOTTOM + 29)
    pdf.linkURL(verify_url, (right - width, BOTTOM + 27, right, BOTTOM + 31 + size), thickness=0)
    pdf.setFillColor(MUTED)
    pdf.setFont("Helvetica", 8)
    pdf.drawRightString(right, BOTTOM + 17, f"Code {attempt.certificate_code}")
    pdf.drawRightString(
        right, BOTTOM + 5, "Open the link or scan the code to see what our records say."
    )


def qr_image(url: str) -> Image.Image:
    """The QR code of `url` as a black-on-white image with its four-module quiet zone."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=8, border=4)
    code.add_data(url)
    code.make(fit=True)
    return code.make_image(fill_color="black", back_color="white").get_image().convert("L")


def _draw_logo(pdf: canvas.Canvas, logo, *, top: float) -> None:
    # A logo that cannot be read (a missing file, a format Pillow lacks) leaves the space
    # empty: the certificate itself must still be issued.
    try:
        with logo.open_file() as file:
            picture = Image.open(file)
            picture.load()
    except (OSError, ValueError):
        logger.warning("The clinic's logo (image %s) could not be read.", logo.pk)
        return
    picture.thumbnail((LOGO_PIXELS, LOGO_PIXELS))
    if picture.mode not in ("RGB", "RGBA", "L", "LA"):
        picture = picture.convert("RGBA")
    box_width, box_height = LOGO_BOX
    scale = min(box_width / picture.width, box_height / picture.height)
    width, height = picture.width * scale, picture.height * scale
    pdf.drawImage(
        ImageReader(picture), (WIDTH - width) / 2, top - height, width, height, mask="auto"
    )


def _fit(pdf: canvas.Canvas, text: str, font: str, size: float, room: float, min_size: float):
    while size > min_size and pdf.stringWidth(text, font, size) > room:
        size -= 0.5
    return size


def _centred(
    pdf: canvas.Canvas, text: str, font: str, size: float, y: float, *, min_size, spacing=0.0
) -> None:
    room = TEXT_WIDTH - spacing * len(text)
    pdf.setFont(font, _fit(pdf, text, font, size, room, min_size))
    pdf.drawCentredString(WIDTH / 2, y, text, charSpace=spacing)


def _centred_lines(
    pdf: canvas.Canvas, text: str, font: str, size: float, y: float, *, min_size: float
) -> float:
    """`text` centred at baseline `y`, shrunk to fit; still too long at `min_size`, it wraps
    onto a second line (and a third part is cut with an ellipsis). Returns the last baseline."""
    size = _fit(pdf, text, font, size, TEXT_WIDTH, min_size)
    lines = simpleSplit(text, font, size, TEXT_WIDTH)
    if len(lines) > 2:
        lines = [lines[0], _clipped(pdf, " ".join(lines[1:]), font, size)]
    pdf.setFont(font, size)
    for index, line in enumerate(lines):
        if index:
            y -= size * 1.2
        pdf.drawCentredString(WIDTH / 2, y, line)
    return y


def _clipped(pdf: canvas.Canvas, text: str, font: str, size: float) -> str:
    while pdf.stringWidth(f"{text}…", font, size) > TEXT_WIDTH and text:
        text = text[:-1]
    return f"{text.rstrip()}…"


def _mark_sample(pdf: canvas.Canvas) -> None:
    # Drawn first, so the certificate's own text stays legible on top of the watermark.
    label = str(SAMPLE_LABEL).upper()
    pdf.saveState()
    pdf.setFillColor(WATERMARK)
    pdf.setFont("Helvetica-Bold", 80)
    pdf.translate(WIDTH / 2, HEIGHT / 2)
    pdf.rotate(25)
    pdf.drawCentredString(0, -30, label)
    pdf.restoreState()
    pdf.setFillColor(WARNING)
    pdf.setFont("Helvetica-Bold", 11)
    pdf.drawCentredString(WIDTH / 2, HEIGHT - 50, label)
    pdf.setFont("Helvetica", 8.5)
    pdf.drawCentredString(WIDTH / 2, HEIGHT - 62, str(SAMPLE_NOTICE))
