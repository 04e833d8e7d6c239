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
    Reminder,
    ReminderStatus,
    VerificationStatus,
)
from certifications.status import judge
from organisation.compliance import ComplianceRow, Status, judged_on
from organisation.models import StaffProfile
from organisation.selectors import managed_locations, visible_staff

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


def best_records(staff_ids: set[int], *, bulk: bool = False) -> dict[tuple[int, int], dict]:
    """(staff pk, type pk) -> the record that counts: not rejected, latest expiry.

    A card awaiting verification counts (the person has done their part); the manager's
    verification queue and digest show that it still needs checking.
    """
    records = CertificationRecord.objects.exclude(verification_status=VerificationStatus.REJECTED)
    if not bulk:
        records = records.filter(staff_id__in=staff_ids)
    best: dict[tuple[int, int], dict] = {}
    for row in records.order_by("expires_on", "pk").values(
        "pk", "staff_id", "certification_type_id", "expires_on", "verification_status"
    ):
        if row["staff_id"] in staff_ids:
            best[(row["staff_id"], row["certification_type_id"])] = row  # latest wins
    return best


def certification_rows(
    *, staff: Sequence[StaffProfile], now: datetime, as_of: date | None
) -> list[ComplianceRow]:
    """The compliance provider: one row per required certification type per person.

    Runs a fixed number of queries whatever the number of people or records.
    """
    staff = list(staff)
    if not staff:
        return []
    required = _required_type_ids(staff)
    types = {t.pk: t for t in CertificationType.objects.filter(requirements__isnull=False)}
    bulk = len(staff) > BULK_THRESHOLD
    best = best_records({p.pk for p in staff}, bulk=bulk)
    url = my_certifications_url()
    rows = []
    for profile in staff:
        day = judged_on(profile, now=now, as_of=as_of)
        for type_id in sorted(required.get(profile.pk, ())):
            cert_type = types[type_id]
            record = best.get((profile.pk, type_id))
            expires_on = record["expires_on"] if record else None
            rows.append(
                ComplianceRow(
                    staff_id=profile.pk,
                    kind=KIND,
                    requirement_key=cert_type.code,
                    label=cert_type.name,
                    status=judge(
                        expires_on=expires_on,
                        as_of=day,
                        renewal_window_days=cert_type.renewal_window_days,
                        grace_days=cert_type.grace_days,
                    ),
                    due_on=expires_on,
                    url=url,
                )
            )
    return rows


@dataclass
class Holding:
    """One line of a person's certifications page."""

    certification_type: CertificationType
    required: bool
    record: CertificationRecord | None
    status: Status
    days_left: int | None
    history: list[CertificationRecord] = field(default_factory=list)

    @property
    def overdue_days(self) -> int | None:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else None


def holdings_for(profile: StaffProfile, *, now: datetime) -> list[Holding]:
    """Each certification `profile` must hold or has held, judged on their local today.

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
        counting = [r for r in history if r.verification_status != VerificationStatus.REJECTED]
        record = counting[0] if counting else None
        expires_on = record.expires_on if record else None
        holdings.append(
            Holding(
                certification_type=cert_type,
                required=cert_type.pk in required_ids,
                record=record,
                status=judge(
                    expires_on=expires_on,
                    as_of=today,
                    renewal_window_days=cert_type.renewal_window_days,
                    grace_days=cert_type.grace_days,
                ),
                days_left=(expires_on - today).days if expires_on else None,
                history=history,
            )
        )
    holdings.sort(key=lambda h: (not h.required, h.certification_type.name))
    return holdings


def records_visible_to(viewer: AbstractBaseUser) -> QuerySet[CertificationRecord]:
    """Records of every person `viewer` may see (their own, their locations' staff)."""
    return CertificationRecord.objects.filter(staff__in=visible_staff(viewer).values("pk"))


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
    return CertificationRecord.objects.filter(
        staff__is_active=True,
        staff__locations__in=managed_locations(viewer).values("pk"),
    ).distinct()


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
    """Counting records (latest of their chain, not rejected) of the viewer's locations' active
    staff that expire between `start` and `end` inclusive, soonest first."""
    return (
        _managed_records(viewer)
        .filter(expires_on__range=(start, end))
        .exclude(verification_status=VerificationStatus.REJECTED)
        # Only the record that counts (as in the compliance rows): a later card that is not
        # rejected replaces this one; a rejected renewal does not.
        .exclude(
            Exists(
                CertificationRecord.objects.filter(
                    staff=OuterRef("staff"),
                    certification_type=OuterRef("certification_type"),
                    expires_on__gt=OuterRef("expires_on"),
                ).exclude(verification_status=VerificationStatus.REJECTED)
            )
        )
        .select_related("staff__user", "certification_type")
        .order_by("expires_on", "pk")
    )


def undeliverable_reminders(viewer: AbstractBaseUser) -> QuerySet[Reminder]:
    """Reminders about the viewer's locations' staff that had nobody to go to, failed, or
    are still marked as sending."""
    return (
        Reminder.objects.filter(
            status__in=[
                ReminderStatus.UNDELIVERABLE,
                ReminderStatus.FAILED,
                ReminderStatus.SENDING,  # shown so a sweep that died mid-send is noticed
            ],
            subject__locations__in=managed_locations(viewer).values("pk"),
        )
        .distinct()
        .select_related("subject__user")
        .order_by("-created_at", "-pk")
    )


def record_for_manager(viewer: AbstractBaseUser, pk: int) -> CertificationRecord:
    """A record of a person at one of the viewer's managed locations; 404 otherwise."""
    record = (
        CertificationRecord.objects.filter(
            staff__locations__in=managed_locations(viewer).values("pk"), pk=pk
        )
        .select_related("staff__user", "staff__home_location", "certification_type")
        .first()
    )
    if record is None:
        raise Http404("No such certification record.")
    return record


def can_manage_record(viewer: AbstractBaseUser, record: CertificationRecord) -> bool:
    """Per-object form of record_for_manager: a manager of one of the owner's locations, and
    never the owner (nobody verifies their own card)."""
    if record.staff.user_id == viewer.pk:
        return False
    if viewer.is_superuser:
        return True
    return record.staff.locations.filter(managers__user=viewer).exists()


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


def reminders_about(staff: StaffProfile) -> QuerySet[Reminder]:
    """Every reminder, escalation and digest line about `staff`, newest first (for the
    manager's view of the person's record)."""
    return (
        Reminder.objects.filter(Q(subject=staff) | Q(recipient=staff))
        .select_related("recipient__user")
        .order_by("-created_at", "-pk")
    )
