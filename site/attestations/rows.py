"""Attestations as compliance rows of one kind, "attestation" (keys "revision:<revision pk>" /
"yearly:<protocol pk>"), so the home page, the staff record, the matrix and the reminder sweep
treat an attestation as every other requirement (organisation.compliance's registry): the
sweep reminds each stage once, through its ledger. Two queries however many people."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from attestations import rules
from attestations.models import Attestation, AttestationKind
from content.models import ProtocolPage
from organisation.compliance import ComplianceRow, KindNames, Person, judged_on, narrowed_to
from organisation.status import Status

KIND = "attestation"
NAMES = KindNames(_("Attestation"))
REVISION_ACTION = "Read the revised protocol and attest that you have read it"
YEARLY_ACTION = "Read the protocol and sign this year's attestation"
MANAGER_ACTION = "Ask them to read it and attest"


@dataclass(frozen=True)
class AttestationDue:
    """One attestation asked of one person, judged on a date."""

    staff_id: int
    key: str
    label: str
    status: Status
    due_on: date | None
    protocol_id: int
    request_id: int | None = None  # the revision attestation to sign; None for yearly
    what_changed: str = ""


def attestation_dues(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[AttestationDue]:
    """Each open revision attestation of `staff`, and each yearly one their roles ask for
    (current ones too). Two queries."""
    wanted = {p.pk: p for p in staff}
    yearly = (
        narrowed_to(ProtocolPage.objects.live(), staff, field="attestation_roles__staff")
        .order_by()
        .values_list("attestation_roles__staff", "pk", "title")
        .distinct()
    )
    records = narrowed_to(
        Attestation.objects.filter(
            Q(kind=AttestationKind.YEARLY)
            | Q(kind=AttestationKind.REVISION, attested_at__isnull=True)
        ),
        staff,
    ).values_list(
        "pk",
        "staff_id",
        "kind",
        "protocol_id",
        "protocol_revision_id",
        "protocol_revision__title",
        "protocol_revision__published_at",
        "protocol_revision__what_changed",
        "due_on",
        "attested_on",
    )
    last_signed: dict[tuple[int, int], date] = {}
    found = []
    for pk, staff_id, kind, protocol_id, rev_id, title, published, changed, due, on in records:
        if staff_id not in wanted or protocol_id is None:
            continue
        if kind == AttestationKind.YEARLY:
            key = (staff_id, protocol_id)
            last_signed[key] = max(on, last_signed.get(key, on))
            continue
        today = judged_on(wanted[staff_id], now=now, as_of=as_of)
        found.append(
            AttestationDue(
                staff_id=staff_id,
                key=f"revision:{rev_id}",
                label=f"{title} (revised {published:%-d %b %Y})",
                status=rules.revision_status(due_on=due, today=today),
                due_on=due,
                protocol_id=protocol_id,
                request_id=pk,
                what_changed=changed,
            )
        )
    for staff_id, protocol_id, title in yearly:
        if staff_id not in wanted:
            continue
        today = judged_on(wanted[staff_id], now=now, as_of=as_of)
        last = last_signed.get((staff_id, protocol_id))
        found.append(
            AttestationDue(
                staff_id=staff_id,
                key=f"yearly:{protocol_id}",
                label=f"{title}: yearly attestation",
                status=rules.yearly_status(last_attested_on=last, today=today),
                due_on=rules.yearly_due_on(last),
                protocol_id=protocol_id,
            )
        )
    return found


def attestation_rows(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[ComplianceRow]:
    """The compliance provider: a row per open revision attestation and per yearly one."""
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    url = reverse("attestations:mine")
    return [
        ComplianceRow(
            staff_id=due.staff_id,
            kind=KIND,
            requirement_key=due.key,
            label=due.label,
            status=due.status,
            due_on=due.due_on,
            url=url,
            action=YEARLY_ACTION if due.request_id is None else REVISION_ACTION,
            manager_action=MANAGER_ACTION,
        )
        for due in attestation_dues(staff=staff, now=now, as_of=as_of)
    ]
