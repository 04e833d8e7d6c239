"""User text in the inspection packet prints as text: ReportLab markup in a name does nothing."""

import io

import pytest
from pypdf import PdfReader

from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)

IMG = '<img src="/etc/passwd" width="900" height="900"/>'
LINK = '<a href="https://evil.example/">Renew</a>'


def _pdf(response) -> PdfReader:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def _text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def _annotations(reader: PdfReader) -> list:
    return [annot.get_object() for page in reader.pages for annot in page.get("/Annots") or []]


@pytest.fixture
def hostile(db):
    location = LocationFactory(slug="north", name="North & <b>Co</b>")
    role = JobRoleFactory(slug="injector", name="Injector <i>lead</i>")
    cert = CertificationTypeFactory(code="BLS", name='BLS <font color="red">x</font>')
    CertificationRequirementFactory(role=role, certification_type=cert)
    person = StaffProfileFactory(
        home_location=location, roles=[role], user__first_name=IMG, user__last_name=LINK
    )
    manager = ManagerFactory(home_location=location, user__first_name="<u>Maria</u>")
    CertificationRecordFactory(staff=person, certification_type=cert, verified_by=manager.user)
    return {"location": location, "person": person, "manager": manager}


def test_a_hostile_name_prints_as_text_and_makes_no_link(client, hostile):
    client.force_login(hostile["manager"].user)
    reader = _pdf(client.get("/manage/inspection/north.pdf", {"as_of": "2026-06-01"}))
    text = _text(reader)
    assert IMG in text
    assert LINK in text
    assert "North & <b>Co</b>" in text and "Injector <i>lead</i>" in text
    assert 'BLS <font color="red">x</font>' in text
    assert "Prepared by <u>Maria</u>" in text
    assert not [a for a in _annotations(reader) if a.get("/Subtype") == "/Link"]


def test_an_img_tag_in_one_name_does_not_break_the_packet_for_everyone(client, hostile):
    colleague = StaffProfileFactory(
        home_location=hostile["location"], user__first_name="Plain", user__last_name="Colleague"
    )
    client.force_login(hostile["manager"].user)
    text = _text(_pdf(client.get("/manage/inspection/north.pdf")))
    assert colleague.display_name in text
