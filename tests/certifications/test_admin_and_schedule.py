from django.urls import reverse

from certifications.models import CertificationRecord, CertificationType
from organisation import groups
from tests.factories import StaffProfileFactory, UserFactory
from tests.factories.certifications import CertificationRecordFactory


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
            "description": "",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    assert CertificationType.objects.filter(code="BLS").exists()


def test_staff_cannot_reach_the_admin_viewsets(client, sam):
    client.force_login(sam.user)
    listing = reverse("wagtailsnippets_certifications_certificationtype:list")
    assert client.get(listing).status_code in (302, 403)


def test_deleting_a_person_removes_their_renewal_chain(sam, bls):
    first = CertificationRecordFactory(staff=sam, certification_type=bls)
    CertificationRecordFactory(staff=sam, certification_type=bls, supersedes=first)
    sam.user.delete()
    assert not CertificationRecord.objects.exists()
    assert StaffProfileFactory()  # the database is still usable
