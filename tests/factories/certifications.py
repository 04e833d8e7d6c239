"""Factories for certification types, requirements and records; tiny real card files."""

import datetime

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from certifications.models import (
    CertificationRecord,
    CertificationRequirement,
    CertificationType,
    VerificationStatus,
)
from tests.factories.organisation import JobRoleFactory, StaffProfileFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


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
