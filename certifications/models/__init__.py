from certifications.models.records import (
    CertificationRecord,
    ExpiryRequestStatus,
    VerificationStatus,
)
from certifications.models.types import (
    CertificationRequirement,
    CertificationType,
    ExpiryRule,
    RenewalBasis,
)

__all__ = [
    "CertificationRecord",
    "CertificationRequirement",
    "CertificationType",
    "ExpiryRequestStatus",
    "ExpiryRule",
    "RenewalBasis",
    "VerificationStatus",
]
