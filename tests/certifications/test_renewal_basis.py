"""Renewal basis (issue 16, part 4): a renewal inside the window keeps the anniversary when
the type counts from the previous expiry; outside it, or by the completion-date basis, the
card counts from its completion; a minimum active period is a floor. One rule
(certifications.expiry.renewed_expiry), used by the upload service, the upload page's
suggestion, the expiry request's "rule date" and the demo."""

import datetime
from datetime import date

import pytest
from django.urls import reverse

from certifications import demo, services
from certifications.expiry import (
    END_OF_MONTH,
    EXACT_DATE,
    FROM_COMPLETION,
    FROM_PREVIOUS_EXPIRY,
    RenewalRule,
    renewed_expiry,
)
from certifications.models import CertificationRecord, CertificationType
from organisation.demo import seed_organisation
from organisation.models import AuditEntry, StaffProfile
from tests.factories.certifications import CertificationRecordFactory, pdf_upload

AHA = RenewalRule(
    validity_months=24, rule=END_OF_MONTH, basis=FROM_PREVIOUS_EXPIRY, renewal_window_days=90
)


def _renewed(completed_on, previous, rule=AHA):
    return renewed_expiry(completed_on=completed_on, previous_expires_on=previous, rule=rule)


def test_an_early_aha_renewal_inside_the_window_keeps_the_anniversary():
    # The example: BLS expiring 31 March 2027, renewed on 10 February 2027.
    assert _renewed(date(2027, 2, 10), date(2027, 3, 31)) == date(2029, 3, 31)


@pytest.mark.parametrize(
    ("completed_on", "expected"),
    [
        # The window opens 90 days before 31 March 2027: 31 December 2026.
        (date(2026, 12, 30), date(2028, 12, 31)),  # the day before: from completion
        (date(2026, 12, 31), date(2029, 3, 31)),  # its first day: anniversary kept
        (date(2027, 3, 31), date(2029, 3, 31)),  # its last day, the expiry: kept
        (date(2027, 4, 1), date(2029, 4, 30)),  # lapsed: from completion
    ],
)
def test_the_window_boundaries(completed_on, expected):
    assert _renewed(completed_on, date(2027, 3, 31)) == expected


def test_a_clinic_grace_period_extends_the_window_past_the_expiry():
    rule = RenewalRule(
        validity_months=24,
        rule=END_OF_MONTH,
        basis=FROM_PREVIOUS_EXPIRY,
        renewal_window_days=90,
        grace_days=14,
    )
    assert _renewed(date(2027, 4, 14), date(2027, 3, 31), rule) == date(2029, 3, 31)
    assert _renewed(date(2027, 4, 15), date(2027, 3, 31), rule) == date(2029, 4, 30)


def test_the_end_of_month_rule_holds_from_a_previous_expiry_mid_month():
    # An expiry a manager overrode to mid-month still renews to the end of its month.
    assert _renewed(date(2027, 5, 1), date(2027, 6, 15)) == date(2029, 6, 30)


def test_leap_day_expiries_keep_the_month_end():
    # AHA: a card expiring 29 February 2028 renews to the end of February 2030 (28th) ...
    assert _renewed(date(2028, 1, 15), date(2028, 2, 29)) == date(2030, 2, 28)
    exact = RenewalRule(
        validity_months=12, rule=EXACT_DATE, basis=FROM_PREVIOUS_EXPIRY, renewal_window_days=60
    )
    # ... and an exact-date card expiring on a leap day clamps to 28 February a year on.
    assert _renewed(date(2028, 2, 1), date(2028, 2, 29), exact) == date(2029, 2, 28)
    # Renewed on the leap day itself, after the window: from completion.
    assert _renewed(date(2028, 2, 29), date(2027, 12, 1), exact) == date(2029, 2, 28)


def test_the_completion_basis_ignores_the_previous_expiry():
    rule = RenewalRule(
        validity_months=24, rule=END_OF_MONTH, basis=FROM_COMPLETION, renewal_window_days=90
    )
    assert _renewed(date(2027, 2, 10), date(2027, 3, 31), rule) == date(2029, 2, 28)


def test_a_first_card_counts_from_completion():
    assert _renewed(date(2027, 2, 10), None) == date(2029, 2, 28)


def test_a_minimum_active_period_is_a_floor_from_completion():
    rule = RenewalRule(
        validity_months=12,
        rule=EXACT_DATE,
        basis=FROM_PREVIOUS_EXPIRY,
        renewal_window_days=60,
        minimum_active_months=18,
    )
    # The anniversary (1 June 2028) would leave less than 18 months after 10 April 2027.
    assert _renewed(date(2027, 4, 10), date(2027, 6, 1), rule) == date(2028, 10, 10)
    longer = RenewalRule(**{**rule.__dict__, "minimum_active_months": 6})
    assert _renewed(date(2027, 4, 10), date(2027, 6, 1), longer) == date(2028, 6, 1)


def test_an_unknown_basis_is_refused():
    rule = RenewalRule(
        validity_months=24, rule=END_OF_MONTH, basis="whenever", renewal_window_days=9
    )
    with pytest.raises(ValueError, match="renewal basis"):
        _renewed(date(2027, 1, 1), None, rule)


# The service, the page and the demo use the one rule.

RENEWAL_DAY = datetime.datetime(2027, 2, 11, 15, tzinfo=datetime.UTC)


def _upload(sam, bls, issued_on, **kwargs):
    return services.upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=issued_on,
        card_file=pdf_upload(),
        actor=sam.user,
        now=RENEWAL_DAY,
        **kwargs,
    )


def test_an_upload_inside_the_window_keeps_the_anniversary_and_says_so(sam, bls):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=date(2025, 3, 5), expires_on=date(2027, 3, 31)
    )
    record = _upload(sam, bls, date(2027, 2, 10))
    assert record.expires_on == date(2029, 3, 31)
    entry = AuditEntry.objects.get(action="certification.uploaded", data__record=record.pk)
    assert "valid through 31 Mar 2029, keeping the anniversary" in entry.summary


def test_only_a_verified_card_is_renewed_from(sam, bls):
    CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        issued_on=date(2025, 3, 5),
        expires_on=date(2027, 3, 31),
        pending=True,
    )
    assert _upload(sam, bls, date(2027, 2, 10)).expires_on == date(2029, 2, 28)


def test_the_completion_basis_type_counts_from_the_course(sam, bls):
    bls.renewal_basis = FROM_COMPLETION
    bls.save()
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=date(2025, 3, 5), expires_on=date(2027, 3, 31)
    )
    record = _upload(sam, bls, date(2027, 2, 10))
    assert record.expires_on == date(2029, 2, 28)
    assert "anniversary" not in AuditEntry.objects.get(data__record=record.pk).summary


def test_an_expiry_request_is_judged_against_the_renewal_rule(sam, bls):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=date(2025, 3, 5), expires_on=date(2027, 3, 31)
    )
    # The card says what the rule says: no request.
    record = _upload(sam, bls, date(2027, 2, 10), expires_on=date(2029, 3, 31))
    assert record.requested_expires_on is None


def test_the_override_names_the_renewal_rules_date(sam, bls, maria):
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=date(2025, 3, 5), expires_on=date(2027, 3, 31)
    )
    record = _upload(sam, bls, date(2027, 2, 10))
    services.override_expiry(
        record=record,
        expires_on=date(2029, 4, 30),
        reason="The eCard says April",
        actor=maria.user,
        now=RENEWAL_DAY,
    )
    entry = AuditEntry.objects.get(action="certification.expiry_overridden")
    assert entry.data["rule_date"] == "2029-03-31"


def test_the_upload_page_suggests_the_rules_expiry(client, sam, bls, time_machine):
    time_machine.move_to(RENEWAL_DAY)
    CertificationRecordFactory(
        staff=sam, certification_type=bls, issued_on=date(2025, 3, 5), expires_on=date(2027, 3, 31)
    )
    client.force_login(sam.user)
    page = client.get(reverse("certifications:my_certifications")).content.decode()
    assert '<time datetime="2029-03-31">31 Mar 2029</time> (a renewal inside' in page


def test_the_demo_renewal_kept_its_anniversary(db):
    today = date(2026, 3, 3)
    profiles = seed_organisation(today=today)
    demo.seed(today=today, profiles=profiles, publisher=profiles["director"].user)
    priya = StaffProfile.objects.get(user__username="priya.nair")
    old, new = CertificationRecord.objects.filter(
        staff=priya, certification_type__code="BLS"
    ).order_by("issued_on")
    assert new.supersedes == old and new.issued_on == today - datetime.timedelta(days=10)
    bls = CertificationType.objects.get(code="BLS")
    assert new.expires_on == bls.expiry_for(old.expires_on) != bls.expiry_for(new.issued_on)
