import datetime

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from dashboard.models import CoverageMinimum
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)


def test_manager_reads_charts_filters_opens_a_record_and_downloads_csv(
    page, live_server, log_in, external_requests, home_page
):
    today = datetime.date.today()
    north = LocationFactory(name="North", slug="north")
    injector = JobRoleFactory(slug="injector", name="Injector")
    acls = CertificationTypeFactory(code="ACLS", name="ACLS")
    CertificationRequirementFactory(role=injector, certification_type=acls)
    ManagerFactory(home_location=north, user__username="maria", user__first_name="Maria")
    current = StaffProfileFactory(
        home_location=north, roles=[injector], user__first_name="Cora", user__last_name="Current"
    )
    lapsed = StaffProfileFactory(
        home_location=north, roles=[injector], user__first_name="Otto", user__last_name="Overdue"
    )
    CertificationRecordFactory(
        staff=current,
        certification_type=acls,
        issued_on=today - datetime.timedelta(days=200),
        expires_on=today + datetime.timedelta(days=120),
    )
    CertificationRecordFactory(
        staff=lapsed,
        certification_type=acls,
        issued_on=today - datetime.timedelta(days=800),
        expires_on=today - datetime.timedelta(days=10),
    )
    CoverageMinimum.objects.create(
        location=north, certification_code="ACLS", role=injector, minimum=2
    )

    log_in("maria")
    page.get_by_role("link", name="Manage").first.click()
    page.wait_for_selector('[data-chart="coverage"][data-drawn="true"]')
    page.wait_for_selector('[data-chart="expiries"][data-drawn="true"]')
    assert "North is short today: 1 of the 2 needed." in page.inner_text("body")

    page.get_by_label("Status").select_option("overdue")
    page.get_by_role("button", name="Apply").click()
    matrix = page.locator("table.matrix tbody")
    expect(matrix.get_by_role("link", name="Otto Overdue")).to_be_visible()
    assert matrix.get_by_role("link", name="Cora Current").count() == 0

    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV").click()
    csv_text = open(download_info.value.path(), encoding="utf-8").read()
    assert "Otto Overdue" in csv_text and "Overdue" in csv_text

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    matrix.get_by_role("link", name="Otto Overdue").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Otto Overdue"
    assert external_requests == []
