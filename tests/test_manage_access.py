"""Every manage URL, tried by the wrong people: a manager of another location and a member of
staff. The other location's records are never shown, changed or served."""

import datetime

import pytest

from certifications.models import CertificationRecord
from tests.factories import (
    JobRoleFactory,
    LocationFactory,
    ManagerFactory,
    StaffProfileFactory,
)
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
    pdf_upload,
)
from tests.factories.drills import (
    DrillIndexPageFactory,
    DrillRunFactory,
    DrillScenarioPageFactory,
    TeamDrillSessionFactory,
)

SECRET_NAME = "Nadia Northerner"


@pytest.fixture
def north(home_page, settings, tmp_path):
    settings.PRIVATE_STORAGE_ROOT = tmp_path
    location = LocationFactory(name="North", slug="north")
    injector = JobRoleFactory(slug="injector")
    acls = CertificationTypeFactory(code="ACLS", name="ACLS")
    CertificationRequirementFactory(role=injector, certification_type=acls)
    nadia = StaffProfileFactory(
        home_location=location,
        roles=[injector],
        user__first_name="Nadia",
        user__last_name="Northerner",
    )
    record = CertificationRecordFactory(
        staff=nadia,
        certification_type=acls,
        verification_status="pending",
        card_file=pdf_upload(),
        card_number="NORTH-SECRET-1",
    )
    scenario = DrillScenarioPageFactory(parent=DrillIndexPageFactory(parent=home_page))
    DrillRunFactory(staff=nadia, page=scenario)
    session = TeamDrillSessionFactory(location=location, page=scenario, participants=[nadia])
    return {"location": location, "nadia": nadia, "record": record, "session": session}


@pytest.fixture
def south_manager(db):
    return ManagerFactory(home_location=LocationFactory(name="South", slug="south"))


def object_urls(north) -> list[str]:
    record, session = north["record"], north["session"]
    return [
        f"/manage/staff/{north['nadia'].pk}/",
        f"/manage/drills/sessions/{session.pk}/",
        "/manage/inspection/north.pdf",
        f"/my/certifications/{record.pk}/",
        f"/my/certifications/{record.pk}/card/",
    ]


LIST_URLS = [
    "/manage/",
    "/manage/?location=",
    "/manage/compliance.csv",
    "/manage/compliance.xlsx",
    "/manage/certifications/",
    "/manage/drills/sessions/",
    "/manage/drills/sessions/new/",
]


def test_another_locations_manager_gets_404_for_every_object(client, north, south_manager):
    client.force_login(south_manager.user)
    for url in object_urls(north):
        assert client.get(url).status_code == 404, url


def test_another_locations_manager_cannot_decide_or_override(client, north, south_manager):
    client.force_login(south_manager.user)
    record = north["record"]
    decide = client.post(
        f"/manage/certifications/{record.pk}/decide/", {"decision": "verify", "note": "ok"}
    )
    override = client.post(
        f"/manage/certifications/{record.pk}/expiry/",
        {"expires_on": "2030-01-31", "override_reason": "typo on the card"},
    )
    bulk = client.post("/manage/certifications/verify/", {"records": [record.pk], "checked": "on"})
    assert decide.status_code == 404 and override.status_code == 404
    assert bulk.status_code == 400 and SECRET_NAME.encode() not in bulk.content
    record.refresh_from_db()
    assert record.verification_status == "pending"
    assert record.expires_on != datetime.date(2030, 1, 31)


def test_another_locations_lists_never_name_the_person(client, north, south_manager):
    client.force_login(south_manager.user)
    for url in LIST_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content
        assert SECRET_NAME.encode() not in body, url
        assert b"NORTH-SECRET-1" not in body, url


def test_staff_get_403_on_every_manage_url(client, north):
    client.force_login(north["nadia"].user)
    for url in LIST_URLS + [u for u in object_urls(north) if u.startswith("/manage/")]:
        assert client.get(url).status_code == 403, url


def test_the_locations_own_manager_reaches_every_url(client, north):
    manager = ManagerFactory(home_location=north["location"])
    client.force_login(manager.user)
    for url in LIST_URLS + object_urls(north):
        assert client.get(url).status_code == 200, url
    # The same lists that hide her from the other manager name her to her own.
    for url in ("/manage/", "/manage/compliance.csv", "/manage/certifications/"):
        assert SECRET_NAME.encode() in client.get(url).content, url
    assert CertificationRecord.objects.filter(pk=north["record"].pk).exists()
