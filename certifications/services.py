"""Writes to certifications: each checks, writes in a transaction, records the audit entry."""

from collections.abc import Iterable
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from certifications.files import EXTENSIONS, check_card_file
from certifications.models import (
    CertificationRecord,
    CertificationType,
    ExpiryRequestStatus,
    VerificationStatus,
)
from certifications.policies import OWN_CARD as OWN_CARD  # the message tests reuse
from certifications.policies import RECORDED_IT as RECORDED_IT  # the message tests reuse
from certifications.policies import refuse_own_entry, refuse_own_record
from certifications.selectors import previous_expiry_for
from organisation.bounds import refuse_dates_out_of_range, refuse_long_text
from organisation.models import StaffProfile
from organisation.services import record_audit

OVERRIDE_NEEDS_REASON = _("Say why the expiry date differs from the card's rule.")
EXPIRES_BEFORE_ISSUE = _("A card cannot expire before it was issued.")
ISSUED_IN_FUTURE = _("The issue date cannot be in the future.")
NOT_PENDING = _("Only a card awaiting verification can be verified or rejected.")
REJECT_NEEDS_NOTE = _("Say why the card is rejected, so the person knows what to fix.")
NO_EXPIRY_REQUEST = _("This card has no expiry request waiting for a decision.")
REFUSE_NEEDS_REASON = _("Say why the requested expiry is refused, so the person knows.")


def upload_record(
    *,
    staff: StaffProfile,
    certification_type: CertificationType,
    issued_on: date,
    card_number: str = "",
    card_file=None,
    expires_on: date | None = None,
    override_reason: str = "",
    actor: AbstractBaseUser | None,
    now: datetime,
) -> CertificationRecord:
    """Record a card (a renewal supersedes the head of the person's chain for that type).

    The expiry always comes from the type's rule: nobody sets their own. A different
    `expires_on` (with `override_reason`) is stored as an expiry request that another manager
    approves or refuses. The file is checked by content before anything is stored.
    Raises ValidationError and writes nothing when the input is bad.
    """
    refuse_dates_out_of_range(issued_on=issued_on, expires_on=expires_on)
    refuse_long_text(limit=300, override_reason=override_reason)
    refuse_long_text(limit=80, card_number=card_number)
    if issued_on > staff.local_date(now):
        raise ValidationError({"issued_on": ISSUED_IN_FUTURE})
    # The rule's date, renewal included (certifications.expiry.renewed_expiry): what the
    # person's latest verified card of the type makes of this one.
    previous = previous_expiry_for(
        staff=staff, certification_type=certification_type, completed_on=issued_on
    )
    derived = certification_type.expiry_for(issued_on, previous_expires_on=previous)
    anniversary = (
        f", keeping the anniversary of the card expiring {previous:%d %b %Y}"
        if previous is not None and derived != certification_type.expiry_for(issued_on)
        else ""
    )
    requested, reason = expires_on, override_reason.strip()
    if requested is None or requested == derived:
        requested, reason = None, ""
    elif not reason:
        raise ValidationError({"override_reason": OVERRIDE_NEEDS_REASON})
    elif requested < issued_on:
        raise ValidationError({"expires_on": EXPIRES_BEFORE_ISSUE})
    try:
        # Parsed once, here, whoever calls: the form shows the message next to the field.
        content_type = check_card_file(card_file) if card_file else ""
    except ValidationError as error:
        raise ValidationError({"card_file": error.messages}) from None

    record = None
    try:
        with transaction.atomic():
            head = (
                CertificationRecord.objects.select_for_update(of=("self",))
                .filter(
                    staff=staff, certification_type=certification_type, superseded_by__isnull=True
                )
                .order_by("-uploaded_at", "-pk")
                .first()
            )
            record = CertificationRecord(
                staff=staff,
                certification_type=certification_type,
                issued_on=issued_on,
                expires_on=derived,
                requested_expires_on=requested,
                expiry_request_reason=reason,
                expiry_request_status=ExpiryRequestStatus.PENDING
                if requested
                else ExpiryRequestStatus.NONE,
                card_number=card_number.strip(),
                card_content_type=content_type,
                supersedes=head,
                uploaded_by=actor,
                uploaded_at=now,
            )
            if card_file:
                card_file.name = f"card{EXTENSIONS[content_type]}"
                record.card_file = card_file
            record.save()
            record_audit(
                staff=staff,
                action="certification.uploaded",
                summary=f"{certification_type.code} card issued {issued_on:%d %b %Y} recorded, "
                f"valid through {derived:%d %b %Y}{anniversary}.",
                at=now,
                actor=actor,
                data={"record": record.pk, "supersedes": head.pk if head else None},
            )
            if requested:
                record_audit(
                    staff=staff,
                    action="certification.expiry_requested",
                    summary=f"{certification_type.code} expiry {requested:%d %b %Y} requested "
                    f"instead of {derived:%d %b %Y}: {reason}",
                    at=now,
                    actor=actor,
                    data={
                        "record": record.pk,
                        "rule_date": derived.isoformat(),
                        "requested": requested.isoformat(),
                        "reason": reason,
                    },
                )
    except Exception:
        # The transaction rolled back; the file save() wrote must not linger unreferenced.
        if record is not None and record.card_file:
            record.card_file.storage.delete(record.card_file.name)
        raise
    return record


def _audit_override(*, record, derived: date, actor, now: datetime) -> None:
    record_audit(
        staff=record.staff,
        action="certification.expiry_overridden",
        summary=f"{record.certification_type.code} expiry set to {record.expires_on:%d %b %Y} "
        f"instead of {derived:%d %b %Y}: {record.expiry_override_reason}",
        at=now,
        actor=actor,
        data={
            "record": record.pk,
            "rule_date": derived.isoformat(),
            "expires_on": record.expires_on.isoformat(),
            "reason": record.expiry_override_reason,
        },
    )


def override_expiry(
    *,
    record: CertificationRecord,
    expires_on: date,
    reason: str,
    actor: AbstractBaseUser,
    now: datetime,
) -> CertificationRecord:
    """Set an expiry other than the rule's, with a reason, logged. Never on the actor's own card
    (PermissionDenied)."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"override_reason": OVERRIDE_NEEDS_REASON})
    refuse_dates_out_of_range(expires_on=expires_on)
    refuse_long_text(limit=300, override_reason=reason)
    if expires_on < record.issued_on:
        raise ValidationError({"expires_on": EXPIRES_BEFORE_ISSUE})
    with transaction.atomic():
        record = (
            CertificationRecord.objects.select_for_update()
            .select_related("certification_type", "staff")
            .get(pk=record.pk)
        )
        refuse_own_record(actor, record)
        record.expires_on = expires_on
        record.expiry_override_reason = reason
        record.save(update_fields=["expires_on", "expiry_override_reason"])
        derived = record.certification_type.expiry_for(
            record.issued_on,
            previous_expires_on=previous_expiry_for(
                staff=record.staff,
                certification_type=record.certification_type,
                completed_on=record.issued_on,
                exclude_pk=record.pk,
            ),
        )
        _audit_override(record=record, derived=derived, actor=actor, now=now)
    return record


def _decide(
    *,
    record: CertificationRecord,
    actor: AbstractBaseUser,
    note: str,
    now: datetime,
    status: str,
) -> CertificationRecord:
    refuse_long_text(limit=500, note=note)
    with transaction.atomic():
        record = (
            CertificationRecord.objects.select_for_update()
            .select_related("certification_type", "staff")
            .get(pk=record.pk)
        )
        refuse_own_record(actor, record)
        refuse_own_entry(actor, record)
        if record.verification_status != VerificationStatus.PENDING:
            raise ValidationError(NOT_PENDING)
        record.verification_status = status
        record.verified_by = actor
        record.verified_at = now
        record.verification_note = note
        record.save(
            update_fields=[
                "verification_status",
                "verified_by",
                "verified_at",
                "verification_note",
            ]
        )
        verb = "verified" if status == VerificationStatus.VERIFIED else "rejected"
        record_audit(
            staff=record.staff,
            action=f"certification.{verb}",
            summary=f"{record.certification_type.code} card expiring "
            f"{record.expires_on:%d %b %Y} {verb}" + (f": {note}" if note else "."),
            at=now,
            actor=actor,
            data={"record": record.pk, "note": note},
        )
    return record


def verify_record(
    *, record: CertificationRecord, actor: AbstractBaseUser, note: str = "", now: datetime
) -> CertificationRecord:
    """Mark a pending card verified by `actor` (never the card's owner)."""
    return _decide(
        record=record,
        actor=actor,
        note=note.strip(),
        now=now,
        status=VerificationStatus.VERIFIED,
    )


def verify_records(
    *,
    records: Iterable[CertificationRecord],
    actor: AbstractBaseUser,
    note: str = "",
    now: datetime,
) -> list[CertificationRecord]:
    """Verify several pending cards as one change: if any one cannot be verified, none is."""
    with transaction.atomic():
        return [verify_record(record=r, actor=actor, note=note, now=now) for r in records]


def reject_record(
    *, record: CertificationRecord, actor: AbstractBaseUser, note: str, now: datetime
) -> CertificationRecord:
    """Mark a pending card rejected, with a note saying why. It then no longer counts."""
    if not note.strip():
        raise ValidationError({"note": REJECT_NEEDS_NOTE})
    return _decide(
        record=record,
        actor=actor,
        note=note.strip(),
        now=now,
        status=VerificationStatus.REJECTED,
    )


def _decide_expiry_request(
    *,
    record: CertificationRecord,
    actor: AbstractBaseUser,
    approve: bool,
    note: str,
    now: datetime,
) -> CertificationRecord:
    refuse_long_text(limit=500, note=note)
    with transaction.atomic():
        record = (
            CertificationRecord.objects.select_for_update()
            .select_related("certification_type", "staff")
            .get(pk=record.pk)
        )
        refuse_own_record(actor, record)
        if record.expiry_request_status != ExpiryRequestStatus.PENDING:
            raise ValidationError(NO_EXPIRY_REQUEST)
        code, requested = record.certification_type.code, record.requested_expires_on
        record.expiry_request_decided_by = actor
        record.expiry_request_decided_at = now
        record.expiry_request_note = note
        fields = [
            "expiry_request_status",
            "expiry_request_decided_by",
            "expiry_request_decided_at",
            "expiry_request_note",
        ]
        if approve:
            previous = record.expires_on
            record.expiry_request_status = ExpiryRequestStatus.APPROVED
            record.expires_on = requested
            record.expiry_override_reason = record.expiry_request_reason
            fields += ["expires_on", "expiry_override_reason"]
            action = "certification.expiry_request_approved"
            summary = (
                f"{code} expiry set to {requested:%d %b %Y} instead of {previous:%d %b %Y} "
                f"as requested: {record.expiry_request_reason}"
            )
        else:
            record.expiry_request_status = ExpiryRequestStatus.REFUSED
            action = "certification.expiry_request_refused"
            summary = (
                f"{code} expiry request for {requested:%d %b %Y} refused: {note}; the card "
                f"stays valid through {record.expires_on:%d %b %Y}."
            )
        record.save(update_fields=fields)
        record_audit(
            staff=record.staff,
            action=action,
            summary=summary,
            at=now,
            actor=actor,
            data={
                "record": record.pk,
                "requested": requested.isoformat(),
                "expires_on": record.expires_on.isoformat(),
                "note": note,
            },
        )
    return record


def approve_expiry_request(
    *, record: CertificationRecord, actor: AbstractBaseUser, note: str = "", now: datetime
) -> CertificationRecord:
    """The card's expiry becomes the requested date, audited. Never on the actor's own card
    (PermissionDenied); only while the request waits (ValidationError)."""
    return _decide_expiry_request(
        record=record, actor=actor, approve=True, note=note.strip(), now=now
    )


def refuse_expiry_request(
    *, record: CertificationRecord, actor: AbstractBaseUser, note: str, now: datetime
) -> CertificationRecord:
    """The card keeps the rule's expiry; `note` says why, and the person sees it. Audited."""
    if not note.strip():
        raise ValidationError({"note": REFUSE_NEEDS_REASON})
    return _decide_expiry_request(
        record=record, actor=actor, approve=False, note=note.strip(), now=now
    )
