"""The certificate of completion as a one-page PDF (ReportLab: pure Python, no system libs)."""

from io import BytesIO

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from content.sample import SAMPLE_LABEL, SAMPLE_NOTICE
from training.models import QuizAttempt

INK = HexColor("#1f2933")
BRAND = HexColor("#0f5c63")
WARNING = HexColor("#b35c00")
WATERMARK = HexColor("#f3d9bf")


def certificate_pdf(attempt: QuizAttempt, *, verify_url: str, sample: bool = False) -> bytes:
    """Name, module, date passed, valid until and where to verify it; nothing else. A module
    flagged as sample content gets "SAMPLE CONTENT" across the page and the notice on top."""
    buffer = BytesIO()
    width, height = landscape(A4)
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.setTitle(f"Certificate of completion: {attempt.module_title}")
    pdf.setAuthor("ReadyRoom")
    if sample:
        _mark_sample(pdf, width, height)
    pdf.setStrokeColor(BRAND)
    pdf.setLineWidth(4)
    pdf.rect(30, 30, width - 60, height - 60)
    pdf.setFillColor(BRAND)
    pdf.setFont("Helvetica-Bold", 30)
    pdf.drawCentredString(width / 2, height - 120, "Certificate of completion")
    pdf.setFillColor(INK)
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(width / 2, height - 170, "This certifies that")
    pdf.setFont("Helvetica-Bold", 24)
    pdf.drawCentredString(width / 2, height - 210, attempt.staff.display_name)
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(width / 2, height - 250, "passed the training module")
    pdf.setFont("Helvetica-Bold", 20)
    pdf.drawCentredString(width / 2, height - 285, attempt.module_title)
    pdf.setFont("Helvetica", 14)
    pdf.drawCentredString(
        width / 2,
        height - 330,
        f"Passed on {attempt.passed_on:%d %B %Y}  ·  valid until {attempt.valid_until:%d %B %Y}",
    )
    pdf.setFont("Helvetica", 10)
    pdf.drawCentredString(width / 2, 80, f"Verify this certificate at {verify_url}")
    pdf.drawCentredString(width / 2, 64, f"Code {attempt.certificate_code}")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _mark_sample(pdf: canvas.Canvas, width: float, height: float) -> None:
    # Drawn first, so the certificate's own text stays legible on top of the watermark.
    label = str(SAMPLE_LABEL).upper()
    pdf.saveState()
    pdf.setFillColor(WATERMARK)
    pdf.setFont("Helvetica-Bold", 80)
    pdf.translate(width / 2, height / 2)
    pdf.rotate(25)
    pdf.drawCentredString(0, -30, label)
    pdf.restoreState()
    pdf.setFillColor(WARNING)
    pdf.setFont("Helvetica-Bold", 14)
    pdf.drawCentredString(width / 2, height - 60, label)
    pdf.setFont("Helvetica", 10)
    pdf.drawCentredString(width / 2, height - 76, str(SAMPLE_NOTICE))
