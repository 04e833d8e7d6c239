import datetime

from certifications import demo
from certifications.models import CertificationRecord, CertificationType, VerificationStatus
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
    assert statuses == {Status.CURRENT, Status.DUE_SOON, Status.OVERDUE, Status.MISSING}
    assert CertificationRecord.objects.filter(
        verification_status=VerificationStatus.PENDING
    ).exists()
    sam = StaffProfile.objects.get(user__username="staff")
    sam_rows = {r.requirement_key: r.status for r in rows if r.staff_id == sam.pk}
    assert sam_rows["BLS"] is Status.DUE_SOON
    # Every demo person needs BLS; injectors ACLS.
    assert len([r for r in rows if r.requirement_key == "BLS"]) == len(staff)

    _seed()
    assert CertificationRecord.objects.count() == records

    demo.reset()
    remove_demo_organisation()
    assert not CertificationRecord.objects.exists()
    _seed()
    assert CertificationRecord.objects.count() == records
