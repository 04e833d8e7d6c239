"""'Current' means a manager verified the card: the provider rows and the person's page."""

import datetime

import pytest

from certifications import selectors, services
from certifications.selectors import certification_rows, holdings_for
from organisation.compliance import Status
from tests.factories.certifications import CertificationRecordFactory, pdf_upload

UPLOADED_AT = datetime.datetime(2026, 2, 20, 17, 0, tzinfo=datetime.UTC)  # 20 Feb in New York


def _row(sam, now, as_of=None):
    (row,) = certification_rows(staff=[sam], now=now, as_of=as_of)
    return row


def test_an_unverified_upload_awaits_verification_and_is_not_compliant(sam, bls, now):
    services.upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 2, 10),
        card_file=pdf_upload(),
        actor=sam.user,
        now=now,
    )
    row = _row(sam, now)
    assert (row.status, row.due_on) == (Status.AWAITING_VERIFICATION, None)
    assert row.needs_action and row.waits_on_manager
    assert row.manager_action == selectors.MANAGER_VERIFY
    assert row.manager_url == "/manage/certifications/"
    assert (row.action, row.due_word, row.note) == (selectors.ACTION_WAIT, "expires", "")


def test_a_self_declared_expiry_never_makes_anyone_current(sam, bls, now):
    services.upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 2, 10),
        card_file=pdf_upload(),
        expires_on=datetime.date(2199, 11, 30),  # far off, yet within the bounds
        override_reason="card says so",
        actor=sam.user,
        now=now,
    )
    row = _row(sam, now)
    assert row.status is Status.AWAITING_VERIFICATION
    assert row.due_on is None
    (holding,) = holdings_for(sam, now=now)
    assert holding.status is Status.AWAITING_VERIFICATION and holding.days_left is None


def test_an_expired_verified_card_with_a_renewal_pending_awaits_verification(sam, bls, now):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=datetime.date(2026, 2, 28)
    )
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=datetime.date(2026, 2, 20), pending=True
    )
    row = _row(sam, now)
    # The due date stays the verified card's: that is what a manager can vouch for.
    assert (row.status, row.due_on) == (Status.AWAITING_VERIFICATION, datetime.date(2026, 2, 28))


def test_a_current_verified_card_stays_current_while_a_renewal_waits(sam, bls, now):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=datetime.date(2027, 5, 31)
    )
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=datetime.date(2026, 2, 20), pending=True
    )
    row = _row(sam, now)
    assert (row.status, row.due_on) == (Status.CURRENT, datetime.date(2027, 5, 31))
    assert row.manager_url == "" and not row.waits_on_manager


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        (datetime.date(2026, 2, 27), Status.CURRENT),  # 7 days after upload: counts
        (datetime.date(2026, 2, 28), Status.AWAITING_VERIFICATION),  # 8 days: no longer
    ],
)
def test_the_clinic_may_let_a_pending_card_count_for_n_days(sam, bls, now, as_of, status):
    bls.pending_counts_as_current_days = 7
    bls.save()
    card = CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 2, 20),
        uploaded_at=UPLOADED_AT,
        pending=True,
    )
    row = _row(sam, now, as_of=as_of)
    assert row.status is status
    assert row.due_on == (card.expires_on if status is Status.CURRENT else None)


def test_by_default_a_pending_card_never_counts(sam, bls, now):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, uploaded_at=UPLOADED_AT, pending=True
    )
    assert _row(sam, now, as_of=UPLOADED_AT.date()).status is Status.AWAITING_VERIFICATION


def test_a_rejected_card_tells_the_person_why_and_what_to_do(sam, bls, now):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, uploaded_at=UPLOADED_AT, rejected=True
    )
    row = _row(sam, now)
    assert row.status is Status.MISSING
    assert row.note == selectors.REJECTED_NOTE.format(
        uploaded_on="20 February 2026", reason="The card number cannot be read"
    )
    assert row.note == (
        "Your card uploaded on 20 February 2026 was rejected: The card number cannot be read. "
        "Upload a corrected card."
    )
    assert row.action == selectors.ACTION_CORRECT
    (holding,) = holdings_for(sam, now=now)
    assert holding.note == row.note and holding.rejected is not None


@pytest.mark.parametrize(
    ("expires_on", "status", "action", "manager_action"),
    [
        (None, Status.MISSING, selectors.ACTION_UPLOAD, selectors.MANAGER_MISSING),
        (
            datetime.date(2026, 4, 30),
            Status.DUE_SOON,
            selectors.ACTION_RENEW,
            "Check that renewal is booked",
        ),
        (
            datetime.date(2026, 1, 31),
            Status.OVERDUE,
            selectors.ACTION_RENEW,
            selectors.MANAGER_RENEWAL,
        ),
    ],
)
def test_rows_say_what_the_person_and_the_manager_do(
    sam, bls, now, expires_on, status, action, manager_action
):
    if expires_on:
        CertificationRecordFactory(staff=sam, certification_type=bls, expires_on=expires_on)
    row = _row(sam, now)
    assert (row.status, row.action, row.manager_action) == (status, action, manager_action)
    assert row.manager_url == ""


def test_provider_query_count_is_flat_with_pending_and_rejected_cards(
    sam, bls, injector, now, django_assert_max_num_queries
):
    from tests.factories import StaffProfileFactory

    staff = [sam]
    for size in (3, 30):
        while len(staff) < size:
            person = StaffProfileFactory(roles=[injector])
            CertificationRecordFactory(staff=person, certification_type=bls)
            CertificationRecordFactory(staff=person, certification_type=bls, pending=True)
            CertificationRecordFactory(staff=person, certification_type=bls, rejected=True)
            staff.append(person)
        with django_assert_max_num_queries(4):
            rows = certification_rows(staff=staff, now=now, as_of=None)
        assert len(rows) == size
