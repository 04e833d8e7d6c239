import pytest
from django.db.models import ProtectedError
from django.urls import reverse

from certifications.models import CertificationRecord, CertificationType
from certifications.services import upload_record
from organisation import groups
from tests.factories import StaffProfileFactory, UserFactory
from tests.factories.certifications import CertificationRecordFactory, pdf_upload


def test_educators_edit_types_in_wagtail_admin(client, db):
    educator = UserFactory(groups=[groups.EDUCATORS])
    client.force_login(educator)
    listing = reverse("wagtailsnippets_certifications_certificationtype:list")
    assert client.get(listing).status_code == 200
    add = reverse("wagtailsnippets_certifications_certificationtype:add")
    response = client.post(
        add,
        {
            "name": "Basic Life Support",
            "code": "BLS",
            "issuing_body": "AHA",
            "validity_months": 24,
            "expiry_rule": "end_of_month",
            "renewal_window_days": 90,
            "grace_days": 0,
            "pending_counts_as_current_days": 0,
            "renewal_basis": "completion",
            "minimum_active_months": 6,
            "description": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    saved = CertificationType.objects.get(code="BLS")
    assert (saved.renewal_basis, saved.minimum_active_months) == ("completion", 6)


def test_staff_cannot_reach_the_admin_viewsets(client, sam):
    client.force_login(sam.user)
    listing = reverse("wagtailsnippets_certifications_certificationtype:list")
    assert client.get(listing).status_code in (302, 403)


def test_deleting_a_person_without_history_removes_their_renewal_chain(sam, bls):
    # Factory records write no audit entry, as for a person entered by mistake. Anyone the
    # audit trail names is protected from delete and deactivated instead
    # (tests/organisation/test_audit_append_only.py).
    first = CertificationRecordFactory(staff=sam, certification_type=bls)
    CertificationRecordFactory(staff=sam, certification_type=bls, supersedes=first)
    sam.user.delete()
    assert not CertificationRecord.objects.exists()
    assert StaffProfileFactory()  # the database is still usable


def test_a_person_whose_cards_were_audited_cannot_be_deleted(sam, bls, now):
    upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=now.date().replace(day=1),
        card_file=pdf_upload(),
        actor=sam.user,
        now=now,
    )
    with pytest.raises(ProtectedError):
        sam.user.delete()
    assert CertificationRecord.objects.filter(staff=sam).count() == 1
