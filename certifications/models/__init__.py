from certifications.models.records import (
    CertificationRecord,
    ExpiryRequestStatus,
    VerificationStatus,
)
from certifications.models.types import CertificationRequirement, CertificationType, ExpiryRule

__all__ = [
    "CertificationRecord",
    "CertificationRequirement",
    "CertificationType",
    "ExpiryRequestStatus",
    "ExpiryRule",
    "VerificationStatus",
]
