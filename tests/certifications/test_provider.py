import datetime

from certifications.models import VerificationStatus
from certifications.selectors import certification_rows, holdings_for
from organisation.compliance import Status, compliance_rows
from organisation.models import StaffProfile
from tests.factories import LocationFactory, StaffProfileFactory
from tests.factories.certifications import CertificationRecordFactory, CertificationTypeFactory


def test_each_required_type_is_a_row_with_its_status(sam, bls, now):
    acls = CertificationTypeFactory(code="ACLS")  # held, not required: not a compliance row
    CertificationRecordFactory(staff=sam, certification_type=acls)
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=datetime.date(2026, 4, 30)
    )

    rows = compliance_rows(staff=[sam], now=now, kinds=["certification"])

    assert [(r.requirement_key, r.status, r.due_on) for r in rows] == [
        ("BLS", Status.DUE_SOON, datetime.date(2026, 4, 30))
    ]
    assert rows[0].url == "/my/certifications/"


def test_a_required_type_with_no_record_is_missing(sam, now):
    (row,) = certification_rows(staff=[sam], now=now, as_of=None)
    # Since when: tests/certifications/test_missing_since.py.
    assert row.status is Status.MISSING and row.due_on == max(
        sam.hire_date, sam.local_date(sam.roles.get().certification_requirements.get().added_at)
    )


def test_rejected_cards_do_not_count_and_the_latest_expiry_wins(sam, bls, now):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=datetime.date(2026, 2, 28)
    )
    CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        expires_on=datetime.date(2028, 2, 29),
        verification_status=VerificationStatus.REJECTED,
    )
    (row,) = certification_rows(staff=[sam], now=now, as_of=None)
    assert (row.status, row.due_on) == (Status.OVERDUE, datetime.date(2026, 2, 28))


def test_status_uses_the_persons_local_date(injector, bls, now):
    # now is 02:30 UTC on 4 March: still 3 March in New York, already 4 March in London.
    new_york = StaffProfileFactory(
        roles=[injector], home_location=LocationFactory(time_zone="America/New_York")
    )
    london = StaffProfileFactory(
        roles=[injector], home_location=LocationFactory(time_zone="Europe/London")
    )
    for person in (new_york, london):
        CertificationRecordFactory(
            staff=person, certification_type=bls, expires_on=datetime.date(2026, 3, 3)
        )
    rows = {
        r.staff_id: r.status
        for r in certification_rows(staff=[new_york, london], now=now, as_of=None)
    }
    assert rows == {new_york.pk: Status.DUE_SOON, london.pk: Status.OVERDUE}
    as_of = certification_rows(staff=[new_york], now=now, as_of=datetime.date(2026, 1, 1))
    assert as_of[0].status is Status.DUE_SOON


def _people(count, injector, bls):
    people = []
    for _ in range(count):
        person = StaffProfileFactory(roles=[injector])
        CertificationRecordFactory(staff=person, certification_type=bls)
        people.append(person)
    return people


def test_provider_query_count_does_not_grow_with_staff(
    injector, bls, now, django_assert_max_num_queries
):
    for size in (3, 30):
        _people(size - StaffProfile.objects.count(), injector, bls)
        staff = list(StaffProfile.objects.select_related("home_location"))
        assert len(staff) == size
        with django_assert_max_num_queries(4):
            rows = certification_rows(staff=staff, now=now, as_of=None)
        assert len(rows) == len(staff)


def test_holdings_list_required_and_held_with_days_left(sam, bls, now):
    pals = CertificationTypeFactory(code="PALS", name="Pediatric Advanced Life Support")
    CertificationRecordFactory(
        staff=sam, certification_type=pals, expires_on=datetime.date(2026, 3, 13)
    )
    holdings = holdings_for(sam, now=now)
    assert [(h.certification_type.code, h.required, h.status, h.days_left) for h in holdings] == [
        ("BLS", True, Status.MISSING, None),
        ("PALS", False, Status.DUE_SOON, 10),  # 3 March in New York
    ]
