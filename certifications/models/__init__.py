from certifications.models.calendar import CalendarToken
from certifications.models.records import CertificationRecord, VerificationStatus
from certifications.models.reminders import Reminder, ReminderPolicy, ReminderStatus
from certifications.models.types import CertificationRequirement, CertificationType, ExpiryRule

__all__ = [
    "CalendarToken",
    "CertificationRecord",
    "CertificationRequirement",
    "CertificationType",
    "ExpiryRule",
    "Reminder",
    "ReminderPolicy",
    "ReminderStatus",
    "VerificationStatus",
]
