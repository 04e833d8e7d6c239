"""Writes about attestations: a protocol's publish recorded (and, when clinically significant,
its modules set again and attestations asked for), and a person signing one.

Each validates, writes in one transaction and appends an audit entry to the trail of the
person concerned (organisation.services.record_audit).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from actions.assignments import reassign_after_revision
from attestations import selectors
from attestations.models import Attestation, AttestationKind, ProtocolRevision
from content.models import ProtocolPage
from organisation.models import StaffProfile
from organisation.services import record_audit

ALREADY_SIGNED = _("You have already attested to this revision.")
NOT_REQUIRED = _("None of your roles asks you to attest to this protocol every year.")
ALREADY_TODAY = _("You have already attested to this protocol today.")


def record_protocol_publish(
    *,
    protocol: ProtocolPage,
    revision: Revision,
    published_by: AbstractBaseUser | None,
    now: datetime,
) -> ProtocolRevision | None:
    """Record one publish of `protocol`, as its revision says (significant or not, what
    changed). When significant: every live module built on the protocol is set again, due
    RETRAINING_DUE_DAYS after each person's today, to each active person who passed it before
    now, and each of them is asked once to attest that they have read the revision.

    Once per revision: a second call for the same revision (the signal sent again, two
    workers) writes nothing and returns None. All or nothing."""
    content = revision.content
    significant = bool(content.get("significant_change"))
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = ProtocolRevision.objects.create(
                    protocol=protocol,
                    revision=revision,
                    title=protocol.title[:255],
                    significant=significant,
                    what_changed=(content.get("what_changed") or "").strip(),
                    published_at=now,
                    published_by=published_by,
                )
        except IntegrityError:
            return None  # this revision's publish was handled already
        if significant and published_by is not None:
            _ask_for_retraining(record, actor=published_by, now=now)
    return record


def _ask_for_retraining(record: ProtocolRevision, *, actor: AbstractBaseUser, now: datetime):
    days = timedelta(days=settings.RETRAINING_DUE_DAYS)
    passed = selectors.passed_before(protocol_id=record.protocol_id, before=now)
    asked: set[int] = set()
    for person, module in passed:
        due_on = person.local_date(now) + days
        reassign_after_revision(staff=person, page=module, due_on=due_on, actor=actor, now=now)
        if person.pk in asked:
            continue
        asked.add(person.pk)
        attestation = Attestation.objects.create(
            staff=person,
            kind=AttestationKind.REVISION,
            protocol_id=record.protocol_id,
            protocol_revision=record,
            requested_at=now,
            due_on=due_on,
        )
        record_audit(
            staff=person,
            action="attestation.requested",
            summary=f"Asked to attest to having read the revised {record.title}, due "
            f"{due_on:%-d %b %Y}: {record.what_changed}",
            at=now,
            actor=actor,
            data={"attestation": attestation.pk, "protocol_revision": record.pk},
        )


def attest_revision(*, attestation: Attestation, staff: StaffProfile, now: datetime):
    """`staff` signs that they have read the revision they were asked about, on their local
    date. Only their own request (the caller found it by its owner; checked again here under
    a lock), and once: ValidationError, writing nothing, when already signed. Audited."""
    with transaction.atomic():
        locked = (
            Attestation.objects.select_for_update()
            .filter(pk=attestation.pk, staff=staff, kind=AttestationKind.REVISION)
            .first()
        )
        if locked is None or locked.signed:
            raise ValidationError(ALREADY_SIGNED)
        locked.attested_at = now
        locked.attested_on = staff.local_date(now)
        locked.save(update_fields=["attested_at", "attested_on"])
        revision = locked.protocol_revision
        record_audit(
            staff=staff,
            action="attestation.signed",
            summary=f"Attested to having read the revised {revision.title} (published "
            f"{revision.published_at:%-d %b %Y}).",
            at=now,
            actor=staff.user,
            data={"attestation": locked.pk, "protocol_revision": revision.pk},
        )
    return locked


def attest_yearly(*, protocol: ProtocolPage, staff: StaffProfile, now: datetime) -> Attestation:
    """`staff` signs this year's attestation to `protocol`, on their local date, against the
    revision live now. Refused (ValidationError, nothing written) when none of their roles
    asks for it, or when they signed it already today. Audited."""
    if not selectors.requires_yearly(protocol=protocol, staff=staff):
        raise ValidationError(NOT_REQUIRED)
    today = staff.local_date(now)
    try:
        with transaction.atomic():
            attestation = Attestation.objects.create(
                staff=staff,
                kind=AttestationKind.YEARLY,
                protocol=protocol,
                protocol_revision=selectors.latest_revision(protocol),
                attested_at=now,
                attested_on=today,
            )
            record_audit(
                staff=staff,
                action="attestation.signed",
                summary=f"Signed the yearly attestation to {protocol.title}.",
                at=now,
                actor=staff.user,
                data={"attestation": attestation.pk, "protocol": protocol.pk, "yearly": True},
            )
    except IntegrityError:
        raise ValidationError(ALREADY_TODAY) from None
    return attestation
