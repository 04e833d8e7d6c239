import csv
import datetime
import io

import pytest
from openpyxl import load_workbook

from dashboard.views import INVALID_FILTERS
from organisation.compliance import ComplianceRow, Status, provider_registered
from tests.factories import (
    JobRoleFactory,
    LocationFactory,
    ManagerFactory,
    StaffProfileFactory,
)

DUE = datetime.date(2026, 12, 31)


def fake_provider(statuses: dict[int, Status], label: str = "BLS"):
    """Rows of kind "test" for each person: the status given, else current."""

    def provide(*, staff, now, as_of):
        return [
            ComplianceRow(
                staff_id=p.pk,
                kind="test",
                requirement_key="BLS",
                label=label,
                status=statuses.get(p.pk, Status.CURRENT),
                due_on=DUE,
                url="/x/",
            )
            for p in staff
        ]

    return provide


@pytest.fixture
def clinic(db):
    north, south = LocationFactory(slug="north"), LocationFactory(slug="south")
    injector = JobRoleFactory(slug="injector")
    people = {
        "ann": StaffProfileFactory(home_location=north, roles=[injector], user__last_name="Ann"),
        "bo": StaffProfileFactory(home_location=north, user__last_name="Bo"),
        "cy": StaffProfileFactory(home_location=south, user__last_name="Cy"),
    }
    return {
        "north": north,
        "south": south,
        "north_manager": ManagerFactory(home_location=north, user__last_name="Mgr"),
        "south_manager": ManagerFactory(home_location=south, user__last_name="Smgr"),
        **people,
    }


def test_staff_get_403_on_every_manage_url(client, clinic):
    client.force_login(clinic["ann"].user)
    for url in (
        "/manage/",
        "/manage/compliance.csv",
        "/manage/compliance.xlsx",
        f"/manage/staff/{clinic['ann'].pk}/",
    ):
        assert client.get(url).status_code == 403, url


def test_matrix_shows_only_the_managers_locations(client, clinic):
    with provider_registered("test", fake_provider({clinic["bo"].pk: Status.OVERDUE})):
        client.force_login(clinic["north_manager"].user)
        response = client.get("/manage/")
    html = response.content.decode()
    assert response.status_code == 200
    assert clinic["ann"].display_name in html and clinic["bo"].display_name in html
    assert clinic["cy"].display_name not in html
    view = response.context["view"]
    assert view.headline.overdue_by_kind == {"test": 1}


def test_filters_narrow_the_matrix(client, clinic):
    statuses = {clinic["bo"].pk: Status.OVERDUE}
    with provider_registered("test", fake_provider(statuses)):
        client.force_login(clinic["north_manager"].user)
        by_role = client.get("/manage/", {"role": "injector"}).context["view"]
        by_status = client.get("/manage/", {"status": "overdue"}).context["view"]
    assert [p.pk for p in by_role.matrix.people] == [clinic["ann"].pk]
    assert [p.pk for p in by_status.matrix.people] == [clinic["bo"].pk]


def test_another_locations_filter_is_refused_and_shows_nothing(client, clinic):
    client.force_login(clinic["north_manager"].user)
    response = client.get("/manage/", {"location": "south"})
    assert response.status_code == 400
    assert INVALID_FILTERS in response.content.decode()
    assert clinic["cy"].display_name not in response.content.decode()
    assert client.get("/manage/compliance.csv", {"location": "south"}).status_code == 400


def test_bad_as_of_date_is_a_clear_error(client, clinic):
    client.force_login(clinic["north_manager"].user)
    response = client.get("/manage/", {"as_of": "2026-02-30"})
    assert response.status_code == 400
    assert "Enter a valid date" in response.content.decode()


def test_staff_record_of_another_location_is_404(client, clinic):
    client.force_login(clinic["north_manager"].user)
    assert client.get(f"/manage/staff/{clinic['ann'].pk}/").status_code == 200
    assert client.get(f"/manage/staff/{clinic['cy'].pk}/").status_code == 404
    assert client.get("/manage/staff/999999/").status_code == 404


def test_csv_export_is_scoped_and_neutralises_formulas(client, clinic):
    evil = StaffProfileFactory(home_location=clinic["north"], user__last_name="Evil")
    evil.user.first_name = "@SUM(A1)"
    evil.user.save()
    with provider_registered("test", fake_provider({}, label='=HYPERLINK("http://x")')):
        client.force_login(clinic["north_manager"].user)
        response = client.get("/manage/compliance.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode())))
    names = [line[0] for line in lines[1:]]
    assert clinic["cy"].display_name not in names
    assert "'@SUM(A1) Evil" in names
    assert any(h.startswith("'=HYPERLINK") for h in lines[0]), lines[0]


def test_xlsx_export_matches_the_csv(client, clinic):
    with provider_registered("test", fake_provider({clinic["ann"].pk: Status.DUE_SOON})):
        client.force_login(clinic["north_manager"].user)
        response = client.get("/manage/compliance.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:4] == ["Name", "Email", "Locations", "Roles"]
    assert values[0][4:] == ["BLS (test) status", "BLS (test) due"]
    ann = next(v for v in values if v[0] == clinic["ann"].display_name)
    assert ann[-2:] == ["Due soon", datetime.datetime(2026, 12, 31)]
    assert not any(v[0] == clinic["cy"].display_name for v in values)


def test_inspection_packet_is_a_pdf_for_managed_locations_only(client, clinic):
    client.force_login(clinic["north_manager"].user)
    response = client.get("/manage/inspection/north.pdf", {"as_of": "2026-12-01"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert 'filename="inspection-north-2026-12-01.pdf"' in response["Content-Disposition"]
    assert client.get("/manage/inspection/south.pdf").status_code == 404
    assert client.get("/manage/inspection/north.pdf", {"as_of": "soon"}).status_code == 400


def test_staff_record_shows_cards_with_history_and_the_audit_trail(client, clinic):
    from organisation.services import record_audit
    from tests.factories.certifications import (
        CertificationRecordFactory,
        CertificationTypeFactory,
    )

    bls = CertificationTypeFactory(code="BLS", name="Basic Life Support")
    old = CertificationRecordFactory(
        staff=clinic["ann"], certification_type=bls, issued_on=datetime.date(2022, 3, 1)
    )
    CertificationRecordFactory(
        staff=clinic["ann"],
        certification_type=bls,
        issued_on=datetime.date(2024, 3, 1),
        supersedes=old,
    )
    record_audit(
        staff=clinic["ann"],
        action="certification.verified",
        summary="BLS verified",
        at=datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC),
    )
    client.force_login(clinic["north_manager"].user)
    html = client.get(f"/manage/staff/{clinic['ann'].pk}/").content.decode()
    assert "Basic Life Support" in html
    assert "1 Mar 2024 – 31 Mar 2026" in html and "1 Mar 2022 – 31 Mar 2024" in html
    assert "BLS verified" in html


def _record_queries(client, clinic, cards: int) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories.certifications import CertificationRecordFactory, CertificationTypeFactory

    person = StaffProfileFactory(home_location=clinic["north"])
    for i in range(cards):
        CertificationRecordFactory(
            staff=person, certification_type=CertificationTypeFactory(code=f"T{cards}-{i}")
        )
    client.force_login(clinic["north_manager"].user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(f"/manage/staff/{person.pk}/").status_code == 200
    return len(queries)


def test_staff_record_queries_do_not_grow_with_the_record(client, clinic):
    # The first page reads the page tree once (content.page_tree); then the record is measured.
    _record_queries(client, clinic, 0)
    one, twelve = _record_queries(client, clinic, 1), _record_queries(client, clinic, 12)
    assert one == twelve, (one, twelve)
    # The session, user and viewer; the person; four of the certification provider and those
    # of training and drills; the cards and their history; lesson reading; the layout's page
    # tree; quiz attempts, drill runs, team drills, reminders and the audit trail; the
    # assignments, exemptions in force and the actions panel's open exemptions (actions); the
    # attestations provider's two reads and the follow-up actions' one.
    assert twelve <= 26
