"""The dashboard shows "Current" only for verified cards: matrix, exports and inspection packet."""

import base64
import csv
import datetime
import io
import re
import zlib

import pytest

from certifications import services
from dashboard import charts, inspection
from organisation.compliance import Status
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRequirementFactory,
    CertificationTypeFactory,
    pdf_upload,
)


def pdf_text(content: bytes) -> str:
    """The text ReportLab drew: every string shown in the page streams (ASCII85 + deflate)."""
    shown = []
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", content, re.S):
        body = zlib.decompress(base64.a85decode(stream.strip(), adobe=True))
        shown += re.findall(rb"\((.*?)(?<!\\)\)\s*Tj", body)
    return " ".join(s.decode("latin-1") for s in shown)


@pytest.fixture
def clinic(db, settings, tmp_path, now):
    settings.PRIVATE_STORAGE_ROOT = tmp_path
    north = LocationFactory(slug="north", name="North", time_zone="America/New_York")
    injector = JobRoleFactory(slug="injector")
    bls = CertificationTypeFactory(code="BLS", name="Basic Life Support")
    CertificationRequirementFactory(role=injector, certification_type=bls)
    sam = StaffProfileFactory(home_location=north, roles=[injector], user__last_name="Sam")
    manager = ManagerFactory(home_location=north)
    # "card says so": Sam declares a card valid for another 170 years.
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
    return {"sam": sam, "manager": manager}


def test_the_matrix_shows_awaiting_not_current_nor_the_declared_date(client, clinic):
    client.force_login(clinic["manager"].user)
    response = client.get("/manage/")
    view = response.context["view"]
    (bls,) = view.matrix.columns
    sam = clinic["sam"].pk
    assert (bls.status[sam], bls.due_on[sam]) == (Status.AWAITING_VERIFICATION, None)
    assert view.matrix.status_counts[Status.AWAITING_VERIFICATION] == 1
    html = response.content.decode()
    assert (
        f'<td class="cell cell--awaiting" data-label="{bls.label} (Certification)">'
        '<span class="cell__status">Awaiting verification' in html
    )
    assert "2199" not in html
    # Awaiting is not compliant: Sam does not count as fully compliant.
    assert view.headline.compliant_share < 1
    assert not next(r for r in view.matrix.rows if r.person.pk == clinic["sam"].pk).compliant


def test_the_status_filter_finds_cards_awaiting_verification(client, clinic):
    client.force_login(clinic["manager"].user)
    response = client.get("/manage/", {"status": "awaiting"})
    assert [p.pk for p in response.context["view"].matrix.people] == [clinic["sam"].pk]


def test_the_csv_says_awaiting_verification_without_the_declared_date(client, clinic):
    client.force_login(clinic["manager"].user)
    body = client.get("/manage/compliance.csv").content.decode()
    assert "2199" not in body and "Current" not in body
    lines = list(csv.reader(io.StringIO(body)))
    sam = next(line for line in lines if line[0] == clinic["sam"].display_name)
    assert sam[-2:] == ["Awaiting verification", ""]  # status, then no date that counts


def test_the_inspection_packet_says_awaiting_verification(client, clinic):
    client.force_login(clinic["manager"].user)
    response = client.get("/manage/inspection/north.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Awaiting verification" in text
    assert "Current" not in text
    assert "2199" not in text
    assert "Verified card" not in text  # an unverified card is not listed as verified


def test_every_status_has_its_own_colour():
    assert set(charts.STATUS_COLOURS) == set(Status)
    assert len(set(charts.STATUS_COLOURS.values())) == len(Status)
    assert set(inspection.STATUS_COLOURS) == set(Status)
    assert len({bg.hexval() for bg, _text in inspection.STATUS_COLOURS.values()}) == len(Status)
