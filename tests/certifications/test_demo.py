import datetime
from collections import Counter

from certifications import demo
from certifications.models import (
    CertificationRecord,
    CertificationType,
    ExpiryRequestStatus,
    VerificationStatus,
)
from certifications.selectors import certification_rows
from organisation.compliance import Status
from organisation.demo import remove_demo_organisation, seed_organisation
from organisation.models import StaffProfile


def _seed():
    profiles = seed_organisation(today=TODAY)
    demo.seed(today=TODAY, profiles=profiles, publisher=profiles["director"].user)


TODAY = datetime.date(2026, 3, 3)


def test_seed_spreads_statuses_and_is_idempotent(db, now):
    _seed()
    records = CertificationRecord.objects.count()
    assert set(CertificationType.objects.values_list("code", flat=True)) >= {"BLS", "ACLS", "LSO"}

    staff = list(StaffProfile.objects.select_related("home_location"))
    rows = certification_rows(staff=staff, now=now, as_of=TODAY)
    statuses = {row.status for row in rows}
    # Every status a card can give (an exemption is a manager's, laid over the rows later).
    assert statuses == set(Status) - {Status.EXEMPT}
    # Most cards are verified by a manager; a few wait, one was rejected with a reason.
    by_state = Counter(CertificationRecord.objects.values_list("verification_status", flat=True))
    assert by_state[VerificationStatus.VERIFIED] > 3 * by_state[VerificationStatus.PENDING] > 0
    (rejected,) = CertificationRecord.objects.filter(
        verification_status=VerificationStatus.REJECTED
    )
    assert rejected.verification_note and rejected.verified_by != rejected.staff.user
    assert CertificationRecord.objects.filter(
        expiry_request_status=ExpiryRequestStatus.PENDING
    ).exists()
    leo = next(r for r in rows if r.staff_id == rejected.staff_id and r.requirement_key == "BLS")
    assert leo.note.startswith("Your card uploaded on") and rejected.verification_note in leo.note
    sam = StaffProfile.objects.get(user__username="staff")
    sam_rows = {r.requirement_key: r.status for r in rows if r.staff_id == sam.pk}
    assert sam_rows["BLS"] is Status.DUE_SOON
    assert sam_rows["LSO"] is Status.AWAITING_VERIFICATION
    # Every demo person needs BLS; injectors ACLS.
    assert len([r for r in rows if r.requirement_key == "BLS"]) == len(staff)
    # Tom, hired 40 days ago, has no BLS card: missing since his hire date; the others
    # missing a card, hired earlier, since the requirements began half a year ago.
    tom = StaffProfile.objects.get(user__username="tom.reilly")
    (tom_bls,) = [r for r in rows if r.staff_id == tom.pk and r.requirement_key == "BLS"]
    assert (tom_bls.status, tom_bls.due_on) == (Status.MISSING, tom.hire_date)
    assert tom.hire_date == TODAY - datetime.timedelta(days=40)
    missing_since = {r.due_on for r in rows if r.status is Status.MISSING}
    assert TODAY - datetime.timedelta(days=demo.REQUIRED_FOR_DAYS) in missing_since

    _seed()
    assert CertificationRecord.objects.count() == records
    again = certification_rows(staff=staff, now=now, as_of=TODAY)
    assert [(r.key, r.status, r.due_on) for r in again] == [
        (r.key, r.status, r.due_on) for r in rows
    ]

    demo.reset()
    remove_demo_organisation()
    assert not CertificationRecord.objects.exists()
    _seed()
    assert CertificationRecord.objects.count() == records
