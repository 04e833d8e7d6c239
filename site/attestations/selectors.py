"""Reads about attestations and protocol revisions, scoped by the viewer (attestations.policies).

Who passed a module is training's record: read here from its attempts, as training's own
selectors read them, because none of them answers "passed before this instant".
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.http import Http404

from attestations.models import Attestation, AttestationKind, ProtocolRevision
from attestations.policies import attesting_staff
from attestations.rows import AttestationDue, attestation_dues, attestation_rows
from content.models import ProtocolPage
from organisation.compliance import ComplianceRow
from organisation.models import StaffProfile
from organisation.selectors import staff_lines
from organisation.status import Status
from training.models import QuizAttempt, TrainingModulePage

NO_SUCH_ATTESTATION = "No such attestation."
NO_SUCH_PROTOCOL = "No such protocol."


def passed_before(
    *, protocol_id: int, before: datetime
) -> list[tuple[StaffProfile, TrainingModulePage]]:
    """(person, module) for each live module built on the protocol and each active person who
    passed its quiz before `before`, by module then person. Three queries."""
    modules = {m.pk: m for m in TrainingModulePage.objects.live().filter(protocols=protocol_id)}
    if not modules:
        return []
    pairs = (
        QuizAttempt.objects.filter(
            module_id__in=modules,
            passed=True,
            submitted_at__lt=before,
            staff__is_active=True,
            staff__user__is_active=True,
        )
        .order_by("module_id", "staff_id")
        .values_list("staff_id", "module_id")
        .distinct()
    )
    pairs = list(pairs)
    people = StaffProfile.objects.select_related("user", "home_location").in_bulk(
        {staff_id for staff_id, _module in pairs}
    )
    return [(people[staff_id], modules[module_id]) for staff_id, module_id in pairs]


def requires_yearly(*, protocol: ProtocolPage, staff: StaffProfile) -> bool:
    """Whether one of the person's roles attests to the live protocol every year."""
    return (
        ProtocolPage.objects.live().filter(pk=protocol.pk, attestation_roles__staff=staff).exists()
    )


def latest_revision(protocol: ProtocolPage) -> ProtocolRevision | None:
    return ProtocolRevision.objects.filter(protocol=protocol).order_by("-published_at").first()


def request_for_owner(user: AbstractBaseUser, pk: int) -> Attestation:
    """One revision attestation asked of the user and not yet signed; the same 404 for
    missing, signed and someone else's."""
    found = (
        Attestation.objects.filter(
            pk=pk,
            kind=AttestationKind.REVISION,
            staff__user=user,
            attested_at__isnull=True,
        )
        .select_related("protocol_revision", "staff__user", "staff__home_location")
        .first()
    )
    if found is None:
        raise Http404(NO_SUCH_ATTESTATION)
    return found


def yearly_protocol_for_owner(user: AbstractBaseUser, pk: int) -> ProtocolPage:
    """A live protocol one of the user's roles attests to every year; 404 otherwise."""
    found = (
        ProtocolPage.objects.live()
        .filter(pk=pk, attestation_roles__staff__user=user)
        .distinct()
        .first()
    )
    if found is None:
        raise Http404(NO_SUCH_PROTOCOL)
    return found


@dataclass(frozen=True)
class Mine:
    """One of the person's attestations as their page shows it, with the protocol to read."""

    due: AttestationDue
    protocol: ProtocolPage


def mine(profile: StaffProfile, *, now: datetime) -> list[Mine]:
    """The person's attestations: revisions to read and sign first, then each yearly one
    (current ones too, with when they next fall due), soonest first. Three queries."""
    dues = attestation_dues(staff=[profile], now=now, as_of=None)
    protocols = ProtocolPage.objects.in_bulk({d.protocol_id for d in dues})
    dues.sort(key=lambda d: (d.request_id is None, d.due_on or date.min, d.label))
    return [Mine(due, protocols[due.protocol_id]) for due in dues]


@dataclass(frozen=True)
class Outstanding:
    """One attestation requirement over a manager's people: who has yet to sign it."""

    label: str
    requirement_key: str
    waiting: list[tuple[object, ComplianceRow]]  # (staff line, row), most overdue first
    signed_or_current: int


def outstanding_for_manager(viewer: AbstractBaseUser, *, now: datetime) -> list[Outstanding]:
    """Each revision and yearly attestation that someone at the viewer's locations has yet to
    sign, with who. A fixed number of queries (five) however many people or rows."""
    people = staff_lines(attesting_staff(viewer))
    if not people:
        return []
    by_pk = {p.pk: p for p in people}
    columns: dict[str, list[ComplianceRow]] = defaultdict(list)
    for row in attestation_rows(staff=people, now=now, as_of=None):
        columns[row.requirement_key].append(row)
    found = []
    for key, rows in columns.items():
        waiting = [(by_pk[r.staff_id], r) for r in rows if r.status is not Status.CURRENT]
        if not waiting:
            continue
        waiting.sort(key=lambda pair: (_urgency(pair[1]), pair[0].last_name, pair[0].pk))
        found.append(
            Outstanding(rows[0].label, key, waiting, sum(1 for r in rows if not r.needs_action))
        )
    return sorted(found, key=lambda o: o.label)


def _urgency(row: ComplianceRow) -> int:
    return {Status.OVERDUE: 0, Status.MISSING: 1}.get(row.status, 2)
