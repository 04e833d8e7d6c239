"""Reads about certifications, scoped by who is asking. Other apps read through these."""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse

from certifications.models import (
    CertificationRecord,
    CertificationRequirement,
    CertificationType,
    ExpiryRequestStatus,
    VerificationStatus,
)
from certifications.policies import refuse_own_record
from certifications.status import Judgement, judge_cards
from organisation.compliance import ComplianceRow, Status, judged_on
from organisation.models import StaffProfile
from organisation.policies import (
    about_managed_staff,
    about_visible_staff,
    can_manage_staff,
)

KIND = "certification"
# Above this many people the provider reads every row once instead of an IN list of ids, so
# the sweep's query count stays flat however many staff there are.
BULK_THRESHOLD = 5000


def my_certifications_url() -> str:
    return reverse("certifications:my_certifications")


def _required_type_ids(staff: Sequence[StaffProfile]) -> dict[int, set[int]]:
    """staff pk -> the certification type ids their roles require, in two queries."""
    role_types: dict[int, set[int]] = defaultdict(set)
    for role_id, type_id in CertificationRequirement.objects.values_list(
        "role_id", "certification_type_id"
    ):
        role_types[role_id].add(type_id)
    links = StaffProfile.roles.through.objects.all()
    if len(staff) <= BULK_THRESHOLD:
        links = links.filter(staffprofile_id__in=[p.pk for p in staff])
    wanted = {p.pk for p in staff}
    required: dict[int, set[int]] = defaultdict(set)
    for staff_id, role_id in links.values_list("staffprofile_id", "jobrole_id"):
        if staff_id in wanted:
            required[staff_id] |= role_types.get(role_id, set())
    return required


# What a certification row asks of the person and of their manager, in the clinic's words.
ACTION_UPLOAD = "Upload your card"
ACTION_RENEW = "Book a renewal course and upload the new card"
ACTION_CORRECT = "Upload a corrected card"
ACTION_WAIT = "Nothing to do: a manager is checking the card you uploaded"
MANAGER_VERIFY = "Verify the uploaded card"
MANAGER_RENEWAL = "Check that renewal is booked"
MANAGER_MISSING = "Ask for the card to be uploaded"
MANAGER_CORRECTION = "Check that a corrected card is on its way"
REJECTED_NOTE = (
    "Your card uploaded on {uploaded_on} was rejected: {reason}. Upload a corrected card."
)


@dataclass(frozen=True, slots=True)
class _Card:
    """A record as judging needs it, read with values() so the provider stays light."""

    pk: int
    expires_on: date
    verification_status: str
    uploaded_at: datetime
    verification_note: str


def cards_by_holder(staff_ids: set[int], *, bulk: bool = False) -> dict[tuple[int, int], list]:
    """(staff pk, type pk) -> every card of that person and type, in one query."""
    records = CertificationRecord.objects.all()
    if not bulk:
        records = records.filter(staff_id__in=staff_ids)
    cards: dict[tuple[int, int], list[_Card]] = defaultdict(list)
    for row in records.values_list(
        "pk",
        "staff_id",
        "certification_type_id",
        "expires_on",
        "verification_status",
        "uploaded_at",
        "verification_note",
    ):
        pk, staff_id, type_id, expires_on, status, uploaded_at, note = row
        if staff_id in staff_ids:
            cards[(staff_id, type_id)].append(_Card(pk, expires_on, status, uploaded_at, note))
    return cards


def judge_holding(
    cards, *, cert_type: CertificationType, profile: StaffProfile, as_of: date
) -> Judgement:
    """One person's standing on one type, judged on `as_of` (see status.judge_cards)."""
    return judge_cards(
        cards=cards,
        as_of=as_of,
        renewal_window_days=cert_type.renewal_window_days,
        grace_days=cert_type.grace_days,
        pending_counts_as_current_days=cert_type.pending_counts_as_current_days,
        uploaded_on=profile.local_date,
    )


def rejection_note(judgement: Judgement, *, profile: StaffProfile) -> str:
    """What the person must know when their newest card was rejected; "" otherwise."""
    card = judgement.rejected
    if card is None:
        return ""
    uploaded_on = profile.local_date(card.uploaded_at)
    return REJECTED_NOTE.format(
        uploaded_on=f"{uploaded_on.day} {uploaded_on:%B %Y}",
        reason=(card.verification_note or "no reason given").rstrip(". "),
    )


def _actions(judgement: Judgement) -> tuple[str, str]:
    """(what the person does next, what a manager does next) for a judgement."""
    status = judgement.status
    if status is Status.AWAITING_VERIFICATION:
        return ACTION_WAIT, MANAGER_VERIFY
    if judgement.rejected is not None and status is not Status.CURRENT:
        return ACTION_CORRECT, MANAGER_CORRECTION
    if status is Status.MISSING:
        return ACTION_UPLOAD, MANAGER_MISSING
    if status is Status.CURRENT:
        return ACTION_RENEW, ""
    return ACTION_RENEW, MANAGER_RENEWAL


def certification_rows(
    *, staff: Sequence[StaffProfile], now: datetime, as_of: date | None
) -> list[ComplianceRow]:
    """The compliance provider: one row per required certification type per person.

    Status and due date come from verified cards only (see status.judge_cards); a row whose
    next step is a manager's verification is AWAITING_VERIFICATION and points the manager at
    the verification queue. Runs a fixed number of queries whatever the number of people or
    records.
    """
    staff = list(staff)
    if not staff:
        return []
    required = _required_type_ids(staff)
    types = {t.pk: t for t in CertificationType.objects.filter(requirements__isnull=False)}
    bulk = len(staff) > BULK_THRESHOLD
    cards = cards_by_holder({p.pk for p in staff}, bulk=bulk)
    url = my_certifications_url()
    queue_url = reverse("certifications:manage")
    rows = []
    for profile in staff:
        day = judged_on(profile, now=now, as_of=as_of)
        for type_id in sorted(required.get(profile.pk, ())):
            cert_type = types[type_id]
            judgement = judge_holding(
                cards.get((profile.pk, type_id), ()),
                cert_type=cert_type,
                profile=profile,
                as_of=day,
            )
            action, manager_action = _actions(judgement)
            awaiting = judgement.status is Status.AWAITING_VERIFICATION
            rows.append(
                ComplianceRow(
                    staff_id=profile.pk,
                    kind=KIND,
                    requirement_key=cert_type.code,
                    label=cert_type.name,
                    status=judgement.status,
                    due_on=judgement.due_on,
                    url=url,
                    action=action,
                    note=rejection_note(judgement, profile=profile),
                    manager_action=manager_action,
                    manager_url=queue_url if awaiting else "",
                    due_word="expires",
                )
            )
    return rows


@dataclass
class Holding:
    """One line of a person's certifications page."""

    certification_type: CertificationType
    required: bool
    record: CertificationRecord | None  # the card that counts (verified, or counted pending)
    status: Status
    days_left: int | None
    history: list[CertificationRecord] = field(default_factory=list)
    pending: CertificationRecord | None = None  # the newest card, awaiting verification
    rejected: CertificationRecord | None = None  # the newest card, when it was rejected
    note: str = ""  # why the newest card was rejected, in the row's words

    @property
    def overdue_days(self) -> int | None:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else None

    @property
    def latest(self) -> CertificationRecord | None:
        """The newest card that is not rejected: the one an expiry request is about."""
        return self.pending or self.record

    @property
    def expiry_requests(self) -> list[CertificationRecord]:
        """Cards with an expiry request the person should see: awaiting or refused."""
        return [r for r in self.history if r.expiry_request_pending or r.expiry_request_refused]


def holdings_for(profile: StaffProfile, *, now: datetime) -> list[Holding]:
    """Each certification `profile` must hold or has held, judged on their local today, with
    the same judgement as the compliance rows (verified cards only).

    Required types come first; a required type with no record is MISSING. Three queries.
    """
    today = profile.local_date(now)
    required_ids = set(
        CertificationRequirement.objects.filter(role__staff=profile).values_list(
            "certification_type_id", flat=True
        )
    )
    records = list(
        CertificationRecord.objects.filter(staff=profile)
        .select_related("certification_type", "verified_by")
        .order_by("-expires_on", "-pk")
    )
    by_type: dict[int, list[CertificationRecord]] = defaultdict(list)
    for record in records:
        by_type[record.certification_type_id].append(record)
    types = CertificationType.objects.filter(pk__in=required_ids | set(by_type)).order_by("name")
    holdings = []
    for cert_type in types:
        history = by_type.get(cert_type.pk, [])
        judgement = judge_holding(history, cert_type=cert_type, profile=profile, as_of=today)
        counting = judgement.pending if judgement.pending_counted else judgement.verified
        holdings.append(
            Holding(
                certification_type=cert_type,
                required=cert_type.pk in required_ids,
                record=counting,
                status=judgement.status,
                days_left=(judgement.due_on - today).days if judgement.due_on else None,
                history=history,
                pending=judgement.pending,
                rejected=judgement.rejected,
                note=rejection_note(judgement, profile=profile),
            )
        )
    holdings.sort(key=lambda h: (not h.required, h.certification_type.name))
    return holdings


def records_visible_to(viewer: AbstractBaseUser) -> QuerySet[CertificationRecord]:
    """Records of every person `viewer` may see (their own, their locations' staff)."""
    return about_visible_staff(viewer, CertificationRecord.objects.all())


def record_for_viewer(viewer: AbstractBaseUser, pk: int) -> CertificationRecord:
    """One record the viewer may see: the same 404 whether it is missing or not theirs."""
    record = (
        records_visible_to(viewer)
        .select_related("staff__user", "staff__home_location", "certification_type", "verified_by")
        .filter(pk=pk)
        .first()
    )
    if record is None:
        raise Http404("No such certification record.")
    return record


def _managed_records(viewer: AbstractBaseUser) -> QuerySet[CertificationRecord]:
    return about_managed_staff(viewer, CertificationRecord.objects.filter(staff__is_active=True))


def cards_awaiting_verification(viewer: AbstractBaseUser) -> QuerySet[CertificationRecord]:
    """Pending cards of active staff at the viewer's managed locations, oldest first.

    A manager never verifies their own card, so their own records are left out.
    """
    return (
        _managed_records(viewer)
        .filter(verification_status=VerificationStatus.PENDING)
        .exclude(staff__user=viewer)
        .select_related("staff__user", "certification_type")
        .order_by("uploaded_at", "pk")
    )


def expiries_between(
    viewer: AbstractBaseUser, *, start: date, end: date
) -> QuerySet[CertificationRecord]:
    """Counting records (the verified card with the latest expiry of its person and type) of
    the viewer's locations' active staff that expire between `start` and `end` inclusive,
    soonest first. As in the compliance rows, only a verified card counts: a renewal awaiting
    verification (it is in the queue) or rejected does not replace it."""
    return (
        _managed_records(viewer)
        .filter(expires_on__range=(start, end), verification_status=VerificationStatus.VERIFIED)
        .exclude(
            Exists(
                CertificationRecord.objects.filter(
                    staff=OuterRef("staff"),
                    certification_type=OuterRef("certification_type"),
                    expires_on__gt=OuterRef("expires_on"),
                    verification_status=VerificationStatus.VERIFIED,
                )
            )
        )
        .select_related("staff__user", "certification_type")
        .order_by("expires_on", "pk")
    )


def record_for_manager(viewer: AbstractBaseUser, pk: int) -> CertificationRecord:
    """A record of a person at one of the viewer's managed locations for the viewer to decide
    about: 404 when missing or elsewhere, PermissionDenied (403) when it is their own card."""
    record = (
        about_managed_staff(viewer, CertificationRecord.objects.filter(pk=pk))
        .select_related("staff__user", "staff__home_location", "certification_type")
        .first()
    )
    if record is None:
        raise Http404("No such certification record.")
    refuse_own_record(viewer, record)
    return record


def can_manage_record(viewer: AbstractBaseUser, record: CertificationRecord) -> bool:
    """Per-object form of record_for_manager: a manager of one of the owner's locations, and
    never the owner (nobody verifies their own card)."""
    return can_manage_staff(viewer, record.staff)


def owns_any_record(viewer: AbstractBaseUser, pks: Sequence[str]) -> bool:
    """True when any of `pks` (as posted) is one of the viewer's own cards."""
    ids = [int(pk) for pk in pks if str(pk).isdigit()]
    return bool(ids) and CertificationRecord.objects.filter(pk__in=ids, staff__user=viewer).exists()


def expiry_requests_awaiting(viewer: AbstractBaseUser) -> QuerySet[CertificationRecord]:
    """Cards of active staff at the viewer's managed locations whose expiry request waits for
    a manager, oldest first; the viewer's own are left out (another manager decides)."""
    return (
        _managed_records(viewer)
        .filter(expiry_request_status=ExpiryRequestStatus.PENDING)
        .exclude(staff__user=viewer)
        .select_related("staff__user", "certification_type")
        .order_by("uploaded_at", "pk")
    )


def chain_of(record: CertificationRecord) -> list[CertificationRecord]:
    """Every record of the same person and type, newest first: the renewal history."""
    return list(
        CertificationRecord.objects.filter(
            staff_id=record.staff_id, certification_type_id=record.certification_type_id
        )
        .select_related("verified_by")
        .order_by("-issued_on", "-pk")
    )


def audit_trail_for(staff: StaffProfile):
    """The person's certification and reminder audit entries, newest first."""
    return staff.audit_entries.filter(
        Q(action__startswith="certification.") | Q(action__startswith="reminder.")
    ).select_related("actor")[:50]


def verified_records(viewer: AbstractBaseUser, *, as_of: date) -> QuerySet[CertificationRecord]:
    """Verified cards valid on `as_of` of active staff at the viewer's managed locations
    (for the inspection packet), by person and type."""
    return (
        _managed_records(viewer)
        .filter(
            verification_status=VerificationStatus.VERIFIED,
            issued_on__lte=as_of,
            expires_on__gte=as_of,
        )
        .select_related("certification_type", "verified_by")
        .order_by("staff_id", "certification_type__name")
    )
