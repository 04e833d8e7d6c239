"""Reads about certifications, scoped by who is asking. Other apps read through these."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import groupby
from operator import itemgetter

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import CharField, Exists, Max, OuterRef, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from certifications.models import (
    CertificationRecord,
    CertificationRequirement,
    CertificationType,
    ExpiryRequestStatus,
    VerificationStatus,
)
from certifications.policies import refuse_own_record
from certifications.status import Card, Judgement, judge_cards
from organisation.compliance import (
    ComplianceRow,
    KindNames,
    Person,
    Standings,
    judged_on,
    narrowed_to,
)
from organisation.models import StaffProfile
from organisation.policies import (
    about_managed_staff,
    about_visible_staff,
    can_manage_staff,
    managed_locations,
)
from organisation.status import Judged, Status, judge_due, per_person

KIND = "certification"
NAMES = KindNames(_("Certification"), due_word="expires")


def my_certifications_url() -> str:
    return reverse("certifications:my_certifications")


@dataclass
class _Required:
    """Who must hold which type, and since when each of them has had to."""

    holders: dict[int, tuple[CertificationType, list[Person]]]  # type pk -> (type, people)
    roles_of: dict[int, tuple[int, ...]]  # staff pk -> their role pks
    hired_on: dict[int, date | None]  # staff pk -> hire date, for people with a role
    # (role pks, type pk) -> when the first of those roles to require the type began to;
    # None where any of them has no recorded start (older than the record).
    added_at: dict[tuple[tuple[int, ...], int], datetime | None]

    def missing_since(self, profile: Person, type_pk: int) -> date | None:
        """See `missing_since`."""
        return missing_since(
            hired_on=self.hired_on.get(profile.pk),
            added_at=self.added_at.get((self.roles_of.get(profile.pk, ()), type_pk)),
            local_date=profile.local_date,
        )


def missing_since(
    *, hired_on: date | None, added_at: datetime | None, local_date: Callable[[datetime], date]
) -> date | None:
    """The day a card has been required of a person: the later of their hire date and the
    day (on their calendar, `local_date`) their roles began to require it; None when neither
    is known. When they were given a role is recorded nowhere, so a person who took the role
    after both dates counts from the later of them all the same."""
    known = [hired_on, local_date(added_at) if added_at is not None else None]
    return max((day for day in known if day is not None), default=None)


def _required_by_type(staff: Sequence[Person]) -> _Required:
    """Which people of `staff` each type is required of (in staff order), and since when, in
    two queries."""
    role_types: dict[int, dict[CertificationType, datetime | None]] = defaultdict(dict)
    for requirement in CertificationRequirement.objects.select_related("certification_type"):
        role_types[requirement.role_id][requirement.certification_type] = requirement.added_at
    links = narrowed_to(StaffProfile.roles.through.objects.all(), staff, field="staffprofile")
    roles_of: dict[int, tuple[int, ...]] = {}
    hired_on: dict[int, date | None] = {}
    for staff_id, group in groupby(
        links.order_by("staffprofile_id", "jobrole_id")
        .values_list("staffprofile_id", "jobrole_id", "staffprofile__hire_date")
        .iterator(),
        key=itemgetter(0),
    ):
        group = list(group)
        roles_of[staff_id] = tuple(role_id for _, role_id, _ in group)
        hired_on[staff_id] = group[0][2]
    # Many people share a combination of roles: work out each combination's types once.
    by_combination: dict[tuple[int, ...], list[list[Person]]] = {}
    holders: dict[int, tuple[CertificationType, list[Person]]] = {}
    added: dict[tuple[tuple[int, ...], int], datetime | None] = {}
    for profile in staff:
        combination = roles_of.get(profile.pk, ())
        lists = by_combination.get(combination)
        if lists is None:
            starts: dict[CertificationType, list[datetime | None]] = defaultdict(list)
            for role_id in combination:
                for cert_type, added_at in role_types.get(role_id, {}).items():
                    starts[cert_type].append(added_at)
            for cert_type, when in starts.items():
                added[(combination, cert_type.pk)] = (
                    None if None in when else min(w for w in when if w is not None)
                )
            lists = by_combination[combination] = [
                holders.setdefault(t.pk, (t, []))[1] for t in starts
            ]
        for people in lists:
            people.append(profile)
    return _Required(holders, roles_of, hired_on, added)


# What a certification row asks of the person and of their manager, in the clinic's words.
ACTION_UPLOAD = "Upload your card"
ACTION_RENEW = "Book a renewal course and upload the new card"
ACTION_CORRECT = "Upload a corrected card"
ACTION_WAIT = "Nothing to do: a manager is checking the card you uploaded"
MANAGER_VERIFY = "Verify the uploaded card"
MANAGER_RENEWAL = "Check that renewal is booked"
MANAGER_MISSING = "Ask for the card to be uploaded"
MANAGER_CORRECTION = "Check that a corrected card is on its way"
REJECTED_DETAIL = "card rejected"  # beside the status word while no later card counts
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


CARD_FIELDS = ("pk", "expires_on", "verification_status", "uploaded_at", "verification_note")


def cards_by_holder(
    staff: Sequence[Person],
) -> tuple[dict[int, dict[int, date]], dict[int, dict[int, list[_Card]]]]:
    """What judging needs, read lean, in two queries: type pk -> staff pk -> the latest expiry
    of a verified card; and type pk -> staff pk -> every card, for the people who hold any
    card not verified.

    Most people hold only verified cards, and then the judgement depends on the latest expiry
    alone (see status.judge_cards: no pending card, no rejected one), so their cards are not
    read one by one.
    """
    staff_ids = {p.pk for p in staff}
    records = narrowed_to(CertificationRecord.objects.order_by(), staff)
    latest: dict[int, dict[int, date]] = defaultdict(dict)
    # SQLite hands dates back as text, which Django parses row by row (50,000 rows at
    # clinic-group scale): the latest expiry is read as it comes and each distinct one parsed
    # once. PostgreSQL hands back dates.
    dates: dict[str | date, date] = {}
    for staff_id, type_id, expires_on in (
        records.filter(verification_status=VerificationStatus.VERIFIED)
        .values_list("staff_id", "certification_type_id")
        .annotate(latest=Max("expires_on", output_field=CharField()))
        .iterator()
    ):
        if staff_id in staff_ids:
            day = dates.get(expires_on)
            if day is None:
                day = dates[expires_on] = (
                    expires_on if isinstance(expires_on, date) else date.fromisoformat(expires_on)
                )
            latest[type_id][staff_id] = day
    # Spelled as the statuses other than verified, not as "not verified", so that the
    # database can use the index on the column.
    unverified_holders = CertificationRecord.objects.filter(
        verification_status__in=[s for s in VerificationStatus if s != VerificationStatus.VERIFIED]
    ).values("staff_id")
    histories: dict[int, dict[int, list[_Card]]] = defaultdict(dict)
    for staff_id, type_id, *card in records.filter(staff_id__in=unverified_holders).values_list(
        "staff_id", "certification_type_id", *CARD_FIELDS
    ):
        if staff_id in staff_ids:
            histories[type_id].setdefault(staff_id, []).append(_Card(*card))
    return latest, histories


def judge_holding(
    cards, *, cert_type: CertificationType, profile: Person, as_of: date
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


def rejection_note(rejected: Card | None, *, profile: Person) -> str:
    """What the person must know when their newest card was rejected; "" otherwise."""
    if rejected is None:
        return ""
    uploaded_on = profile.local_date(rejected.uploaded_at)
    return REJECTED_NOTE.format(
        uploaded_on=f"{uploaded_on.day} {uploaded_on:%B %Y}",
        reason=(rejected.verification_note or "no reason given").rstrip(". "),
    )


def _actions(status: Status, rejected: Card | None) -> tuple[str, str]:
    """(what the person does next, what a manager does next) for a judgement."""
    if status is Status.AWAITING_VERIFICATION:
        return ACTION_WAIT, MANAGER_VERIFY
    if rejected is not None and status is not Status.CURRENT:
        return ACTION_CORRECT, MANAGER_CORRECTION
    if status is Status.MISSING:
        return ACTION_UPLOAD, MANAGER_MISSING
    if status is Status.CURRENT:
        return ACTION_RENEW, ""
    return ACTION_RENEW, MANAGER_RENEWAL


def status_detail(status: Status, rejected: Card | None) -> str:
    """What is said beside the status word: that the newest card was rejected, while it
    matters."""
    return REJECTED_DETAIL if rejected is not None and status is not Status.CURRENT else ""


@dataclass(frozen=True)
class _Judged(Judged[CertificationType, Status]):
    """One required type's judgement, and whose newest card of it was rejected."""

    rejected: dict[int, Card]  # only people whose newest card of the type was rejected


def _judged(staff: list[Person], *, now: datetime, as_of: date | None) -> list[_Judged]:
    """Every required type's judgement, by type pk: the one judgement behind both rows and
    standings. Four queries, and the work is done a type at a time."""
    required = _required_by_type(staff)
    holders = required.holders
    latest, histories = cards_by_holder(staff)
    days: dict[int, date] = {p.pk: judged_on(p, now=now, as_of=as_of) for p in staff}
    found = []
    for type_pk, (cert_type, people) in sorted(holders.items()):
        latest_of, history_of = latest.get(type_pk, {}), histories.get(type_pk, {})
        soon, grace = cert_type.renewal_window_days, cert_type.grace_days
        # People with only verified cards are judged on their latest expiry alone; thousands
        # of them share a few hundred (day, expiry) pairs, each judged once.
        by_expiry: dict[tuple[date, date | None], Status] = {}
        status_of: dict[int, Status] = {}
        due_of: dict[int, date | None] = {}
        rejected_of: dict[int, Card] = {}
        for profile in people:
            pk, day = profile.pk, days[profile.pk]
            history = history_of.get(pk)
            if history is not None:
                judgement = judge_holding(history, cert_type=cert_type, profile=profile, as_of=day)
                status_of[pk], due_of[pk] = judgement.status, judgement.due_on
                if judgement.status is Status.MISSING:
                    due_of[pk] = required.missing_since(profile, type_pk)
                if judgement.rejected is not None:
                    rejected_of[pk] = judgement.rejected
                continue
            expires_on = latest_of.get(pk)
            status = by_expiry.get((day, expires_on))
            if status is None:
                status = by_expiry[(day, expires_on)] = judge_due(
                    due_on=expires_on, as_of=day, due_soon_days=soon, grace_days=grace
                )
            status_of[pk], due_of[pk] = status, expires_on
            if status is Status.MISSING:
                # No card at all: the row's date is the day it has been missing since, the
                # date the reminders chase it from (organisation.status: "Missing since").
                due_of[pk] = required.missing_since(profile, type_pk)
        found.append(_Judged(cert_type, status_of, due_of, rejected_of))
    return found


def certification_rows(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[ComplianceRow]:
    """The compliance provider: one row per required certification type per person.

    Status and due date come from verified cards only (see status.judge_cards); a row whose
    next step is a manager's verification is AWAITING_VERIFICATION and points the manager at
    the verification queue. Runs a fixed number of queries whatever the number of people or
    records.
    """
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    url = my_certifications_url()
    queue_url = reverse("certifications:manage")

    def row(profile: Person, found: _Judged, status: Status) -> ComplianceRow:
        rejected = found.rejected.get(profile.pk)
        action, manager_action = _actions(status, rejected)
        return ComplianceRow(
            staff_id=profile.pk,
            kind=KIND,
            requirement_key=found.requirement.code,
            label=found.requirement.name,
            status=status,
            due_on=found.due_on[profile.pk],
            url=url,
            action=action,
            note=rejection_note(rejected, profile=profile),
            manager_action=manager_action,
            manager_url=queue_url if status is Status.AWAITING_VERIFICATION else "",
            due_word=NAMES.due_word,
            detail=status_detail(status, rejected),
        )

    return per_person(staff, _judged(staff, now=now, as_of=as_of), row)


def certification_standings(
    *, staff: Sequence[Person], now: datetime, as_of: date | None
) -> list[Standings]:
    """The provider's judgement as Standings (a column per required type), for pages over
    everyone: the same statuses and dates as `certification_rows`, without the words."""
    staff = staff if isinstance(staff, list) else list(staff)
    if not staff:
        return []
    return [
        Standings(KIND, found.requirement.code, found.requirement.name, found.status, found.due_on)
        for found in _judged(staff, now=now, as_of=as_of)
    ]


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
    # What the rule gives a card of this type completed today (the upload form's suggestion),
    # and whether that keeps the anniversary of the card it renews.
    suggested_expires_on: date | None = None
    keeps_anniversary: bool = False
    missing_since: date | None = None  # a required type with no card: since when

    @property
    def detail(self) -> str:
        return status_detail(self.status, self.rejected)

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
    # type pk -> when each of the person's roles began to require it (None: not recorded)
    started: dict[int, list[datetime | None]] = defaultdict(list)
    for type_id, added_at in CertificationRequirement.objects.filter(
        role__staff=profile
    ).values_list("certification_type_id", "added_at"):
        started[type_id].append(added_at)
    required_ids = set(started)
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
        previous = previous_expiry(history, completed_on=today)
        suggested = cert_type.expiry_for(today, previous_expires_on=previous)
        starts = started.get(cert_type.pk, [])
        since = (
            missing_since(
                hired_on=profile.hire_date,
                added_at=None if None in starts else min(starts),
                local_date=profile.local_date,
            )
            if judgement.status is Status.MISSING and starts
            else None
        )
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
                note=rejection_note(judgement.rejected, profile=profile),
                suggested_expires_on=suggested,
                missing_since=since,
                keeps_anniversary=previous is not None and suggested != cert_type.expiry_for(today),
            )
        )
    holdings.sort(key=lambda h: (not h.required, h.certification_type.name))
    return holdings


def previous_expiry(cards: Iterable, *, completed_on: date) -> date | None:
    """The expiry a card completed on `completed_on` renews: the latest expiry of the verified
    cards (of one person and type) issued before it; None when there is none (a first card).
    A card nobody has checked, or one rejected, is never renewed from."""
    return max(
        (
            c.expires_on
            for c in cards
            if c.verification_status == VerificationStatus.VERIFIED and c.issued_on < completed_on
        ),
        default=None,
    )


def previous_expiry_for(
    *,
    staff: StaffProfile,
    certification_type: CertificationType,
    completed_on: date,
    exclude_pk: int | None = None,
) -> date | None:
    """`previous_expiry` of the person's cards of the type (one query), leaving out the card
    `exclude_pk` (the one whose rule date is asked)."""
    cards = CertificationRecord.objects.filter(
        staff=staff,
        certification_type=certification_type,
        verification_status=VerificationStatus.VERIFIED,
        issued_on__lt=completed_on,
    )
    if exclude_pk is not None:
        cards = cards.exclude(pk=exclude_pk)
    return cards.aggregate(latest=Max("expires_on"))["latest"]


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

    A manager never verifies their own card, nor one they recorded for someone (actions.cards),
    so those are left out.
    """
    return (
        _managed_records(viewer)
        .filter(verification_status=VerificationStatus.PENDING)
        .exclude(staff__user=viewer)
        .exclude(uploaded_by=viewer)
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


def latest_verified_expiries(
    viewer: AbstractBaseUser,
    *,
    staff: QuerySet[StaffProfile],
    start: date,
    end: date | None = None,
    codes: Sequence[str] | None = None,
) -> list[tuple[int, str, date]]:
    """(staff pk, type code, expiry) of each counting card - the verified card with the
    latest expiry of its person and type, as in the compliance rows - of `staff` at the
    viewer's managed locations, when it expires between `start` and `end` (inclusive; no end
    when None), of the types in `codes` (every type when None). One grouped query, so two
    verified cards of a type with the same expiry count once."""
    # The policy as a subquery (staff at the viewer's managed locations) rather than
    # about_managed_staff's join and DISTINCT: the same rows, and half the time on
    # PostgreSQL at 10,000 staff, where DISTINCT over the grouped rows is a second sort.
    scoped = staff.filter(locations__in=managed_locations(viewer)).values("pk")
    records = CertificationRecord.objects.filter(
        verification_status=VerificationStatus.VERIFIED, staff__in=scoped
    )
    if codes is not None:
        records = records.filter(certification_type__code__in=codes)
    grouped = (
        records.order_by()
        .values_list("staff_id", "certification_type__code")
        .annotate(latest=Max("expires_on"))
        .filter(latest__gte=start)
    )
    if end is not None:
        grouped = grouped.filter(latest__lte=end)
    return list(grouped)


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


def clearance_cards(
    staff: Sequence[Person],
) -> tuple[dict[tuple[int, int], date], set[tuple[int, int]]]:
    """For judging clearances (clearances.selectors), in two queries: (staff pk, type pk) ->
    the latest expiry of a verified card; and the (staff pk, type pk) whose newest card that
    was not rejected awaits verification. Only a verified card clears anyone; the clinic's
    "unverified card counts for" policy is for compliance rows, not for who may treat."""
    latest, histories = cards_by_holder(staff)
    expiries = {
        (staff_id, type_id): expires_on
        for type_id, of_type in latest.items()
        for staff_id, expires_on in of_type.items()
    }
    awaiting = set()
    for type_id, of_type in histories.items():
        for staff_id, cards in of_type.items():
            live = [c for c in cards if c.verification_status != VerificationStatus.REJECTED]
            newest = max(live, key=lambda c: (c.uploaded_at, c.pk), default=None)
            if newest is not None and newest.verification_status == VerificationStatus.PENDING:
                awaiting.add((staff_id, type_id))
    return expiries, awaiting
