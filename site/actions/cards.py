"""Record a card for someone: a manager uploads it on the person's behalf, stored as the
person's own upload would be (certifications.services.upload_record: the file checked by
content, kept private, the expiry by the type's rule), marked as recorded by that manager,
and awaiting verification by another manager (certifications.policies.refuse_own_entry)."""

from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from actions.exemptions import refuse_unless_manager_of
from certifications.models import CertificationRecord, CertificationType
from certifications.services import upload_record
from organisation.models import StaffProfile
from organisation.services import record_audit


def record_card_for(
    *,
    staff: StaffProfile,
    certification_type: CertificationType,
    issued_on: date,
    card_file,
    card_number: str = "",
    expires_on: date | None = None,
    override_reason: str = "",
    actor: AbstractBaseUser,
    now: datetime,
) -> CertificationRecord:
    """Upload `staff`'s card as `actor` (their manager): the record's `uploaded_by` is the
    actor, it stays awaiting verification, and only another manager may decide on it.

    PermissionDenied unless the actor manages the person (never for themselves: their own
    card is uploaded from My certifications). The upload's own checks and audit entry apply;
    a `certification.recorded_for` entry says who recorded it on whose behalf."""
    refuse_unless_manager_of(actor, staff)
    with transaction.atomic():
        record = upload_record(
            staff=staff,
            certification_type=certification_type,
            issued_on=issued_on,
            card_number=card_number,
            card_file=card_file,
            expires_on=expires_on,
            override_reason=override_reason,
            actor=actor,
            now=now,
        )
        recorder = actor.get_full_name() or actor.get_username()
        record_audit(
            staff=staff,
            action="certification.recorded_for",
            summary=f"{certification_type.code} card recorded on {staff.display_name}'s behalf "
            f"by {recorder}; another manager verifies it.",
            at=now,
            actor=actor,
            data={"record": record.pk},
        )
    return record
