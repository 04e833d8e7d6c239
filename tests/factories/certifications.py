"""Factories for certification types, requirements and records; tiny real card files."""

import datetime
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image
from reportlab.pdfgen import canvas

from certifications.models import (
    CertificationRecord,
    CertificationRequirement,
    CertificationType,
    VerificationStatus,
)
from tests.factories.organisation import JobRoleFactory, StaffProfileFactory


def card_pdf(text: str = "BLS Provider card", *, pages: int = 1) -> bytes:
    """A real PDF (ReportLab) that pypdf parses: what a scanner or an eCard export gives."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(243, 153))  # a wallet card, in points
    for page in range(pages):
        pdf.drawString(12, 120, f"{text} ({page + 1}/{pages})")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def card_image(image_format: str = "PNG", size: tuple[int, int] = (2, 2), **save) -> bytes:
    """A real image (Pillow) of `size`, in `image_format` (PNG, JPEG, WEBP, GIF...)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format=image_format, **save)
    return buffer.getvalue()


PDF_BYTES = card_pdf()
PNG_BYTES = card_image("PNG")
JPEG_BYTES = card_image("JPEG")


def pdf_upload(name="card.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


class CertificationTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificationType
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"CERT{n}")
    name = factory.LazyAttribute(lambda t: f"{t.code} certification")
    issuing_body = "American Heart Association"
    validity_months = 24
    expiry_rule = "end_of_month"
    renewal_window_days = 90
    grace_days = 0


class CertificationRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificationRequirement
        django_get_or_create = ("role", "certification_type")

    role = factory.SubFactory(JobRoleFactory)
    certification_type = factory.SubFactory(CertificationTypeFactory)


class CertificationRecordFactory(factory.django.DjangoModelFactory):
    """A verified record; pass expires_on to place it, else the type's rule decides."""

    class Meta:
        model = CertificationRecord

    staff = factory.SubFactory(StaffProfileFactory)
    certification_type = factory.SubFactory(CertificationTypeFactory)
    issued_on = datetime.date(2025, 1, 10)
    expires_on = factory.LazyAttribute(lambda r: r.certification_type.expiry_for(r.issued_on))
    card_number = "AHA-1234-5678"
    verification_status = VerificationStatus.VERIFIED
    uploaded_at = factory.LazyFunction(timezone.now)
    card_content_type = ""

    class Params:
        # CertificationRecordFactory(pending=True): uploaded, nobody has checked it yet.
        pending = factory.Trait(verification_status=VerificationStatus.PENDING)
        # CertificationRecordFactory(rejected=True): a manager turned it down, with a reason.
        rejected = factory.Trait(
            verification_status=VerificationStatus.REJECTED,
            verification_note="The card number cannot be read",
        )
