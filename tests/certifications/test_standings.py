"""The provider reads cards lean (the latest verified expiry of most people, whole histories
only where a card is not verified) and judges each (day, expiry) once: it must say exactly
what judging every person's whole history one by one says, as rows and as standings."""

import datetime
import random

import pytest

from certifications.models import CertificationRecord, VerificationStatus
from certifications.selectors import (
    certification_rows,
    certification_standings,
    judge_holding,
)
from organisation.models import Location
from organisation.selectors import active_staff_at, staff_lines
from tests.factories import JobRoleFactory, LocationFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRequirementFactory,
    CertificationTypeFactory,
)

AS_OF = datetime.date(2026, 3, 15)
STATUSES = [VerificationStatus.VERIFIED] * 4 + [
    VerificationStatus.PENDING,
    VerificationStatus.REJECTED,
]


@pytest.fixture
def histories(db, now):
    """Forty people at two locations with random histories of 0-3 cards of each of two types
    (some with grace days, some letting a pending card count), one role requiring both and
    one requiring one, and a person with no role."""
    rng = random.Random(13)
    north = LocationFactory(time_zone="America/New_York")
    south = LocationFactory(time_zone="Pacific/Auckland")
    both, one = JobRoleFactory(), JobRoleFactory()
    bls = CertificationTypeFactory(code="BLS", grace_days=14)
    lso = CertificationTypeFactory(code="LSO", pending_counts_as_current_days=30)
    # Each requirement began on a day of its own, two of them after everyone's hire date.
    for role, cert_type, began in (
        (both, bls, "2024-02-01T03:00Z"),
        (both, lso, "2026-01-10T03:00Z"),
        (one, lso, "2025-12-20T23:30Z"),
    ):
        CertificationRequirementFactory(
            role=role, certification_type=cert_type, added_at=datetime.datetime.fromisoformat(began)
        )
    people = [
        StaffProfileFactory(
            home_location=rng.choice([north, south]),
            roles=rng.choice([[both], [one], [both, one]]),
            hire_date=datetime.date(2025, 6, 1) + datetime.timedelta(days=rng.randrange(300)),
        )
        for _ in range(40)
    ] + [StaffProfileFactory(home_location=north)]
    for person in people:
        for cert_type in (bls, lso):
            for _ in range(rng.randrange(4)):
                expires_on = AS_OF + datetime.timedelta(days=rng.randrange(-200, 400))
                CertificationRecord.objects.create(
                    staff=person,
                    certification_type=cert_type,
                    issued_on=expires_on - datetime.timedelta(days=700),
                    expires_on=expires_on,
                    verification_status=rng.choice(STATUSES),
                    verification_note="Blurred",
                    uploaded_at=now - datetime.timedelta(days=rng.randrange(90)),
                )
    return people, (bls, lso)


def judged_one_by_one(people, types, *, now, as_of):
    """(staff pk, code) -> (status, due date), judging each whole history on its own."""
    found = {}
    for person in people:
        required = {t.pk for t in types if t.requirements.filter(role__staff=person).exists()}
        for cert_type in types:
            if cert_type.pk not in required:
                continue
            cards = list(
                CertificationRecord.objects.filter(staff=person, certification_type=cert_type)
            )
            day = as_of or person.local_date(now)
            judgement = judge_holding(cards, cert_type=cert_type, profile=person, as_of=day)
            due_on = judgement.due_on
            if judgement.status == "missing":
                # Missing since the later of the hire date and the requirement's start.
                starts = [
                    person.local_date(r.added_at)
                    for r in cert_type.requirements.filter(role__staff=person)
                ]
                due_on = max(person.hire_date, min(starts))
            found[(person.pk, cert_type.code)] = (judgement.status, due_on)
    return found


@pytest.mark.parametrize("as_of", [None, AS_OF])
def test_rows_and_standings_say_what_each_whole_history_says(histories, now, as_of):
    people, types = histories
    expected = judged_one_by_one(people, types, now=now, as_of=as_of)
    assert {status for status, _ in expected.values()} >= {"current", "overdue", "awaiting"}

    rows = certification_rows(staff=people, now=now, as_of=as_of)
    assert {(r.staff_id, r.requirement_key): (r.status, r.due_on) for r in rows} == expected

    lines = staff_lines(active_staff_at(Location.objects.all()))
    assert len(lines) == len(people)
    standings = certification_standings(staff=lines, now=now, as_of=as_of)
    assert {
        (pk, column.requirement_key): (status, column.due_on[pk])
        for column in standings
        for pk, status in column.status.items()
    } == expected


def test_rows_tell_whose_newest_card_was_rejected(histories, now):
    people, types = histories
    required = judged_one_by_one(people, types, now=now, as_of=None)
    newest_rejected = set()
    for staff_id, code in required:
        newest = (
            CertificationRecord.objects.filter(staff_id=staff_id, certification_type__code=code)
            .order_by("-uploaded_at", "-pk")
            .first()
        )
        if newest and newest.verification_status == VerificationStatus.REJECTED:
            newest_rejected.add((staff_id, code))
    assert newest_rejected
    rows = certification_rows(staff=people, now=now, as_of=None)
    assert {(r.staff_id, r.requirement_key) for r in rows if r.note} == newest_rejected
    assert all("was rejected: Blurred" in r.note for r in rows if r.note)
