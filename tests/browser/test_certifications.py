import datetime

from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    PNG_BYTES,
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)


def test_staff_uploads_a_renewal_and_the_manager_verifies_it(page, live_server, log_in):
    clinic = LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")
    role = JobRoleFactory(slug="injector")
    bls = CertificationTypeFactory(code="BLS", name="Basic Life Support")
    CertificationRequirementFactory(role=role, certification_type=bls)
    sam = StaffProfileFactory(
        user__username="sam", user__first_name="Sam", home_location=clinic, roles=[role]
    )
    ManagerFactory(user__username="maria", home_location=clinic)
    # Sam's today is Brookline's date: after midnight UTC it is still yesterday there, and an
    # issue date in Sam's future is refused.
    today = sam.local_date(timezone.now())
    CertificationRecordFactory(
        staff=sam, certification_type=bls, expires_on=today + datetime.timedelta(days=20)
    )

    page.set_viewport_size({"width": 390, "height": 844})
    log_in("sam")
    page.goto(f"{live_server.url}/my/certifications/")
    # On a phone the navigation is behind the Menu button.
    page.get_by_role("button", name="Menu").click()
    expect(page.get_by_role("link", name="My certifications").first).to_be_visible()
    row = page.get_by_role("row", name="Basic Life Support")
    assert "Due soon" in row.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("combobox", name="Certification").select_option(label=str(bls))
    page.get_by_label("Issued on").fill(today.isoformat())
    page.get_by_label("Card number or eCard code").fill("ECARD-42")
    page.get_by_label("Card (PDF, JPEG or PNG, up to 10 MB)").set_input_files(
        files=[{"name": "card.png", "mimeType": "image/png", "buffer": PNG_BYTES}]
    )
    page.get_by_role("button", name="Upload card").click()
    expect(page.get_by_text("A manager will verify the card.")).to_be_visible()
    assert (
        "Awaiting verification" in page.get_by_role("row", name="Basic Life Support").inner_text()
    )

    page.get_by_role("link", name="Add your due dates to your calendar").click()
    feed_url = page.get_by_label("Your calendar address").input_value()
    assert "/my/calendar.ics?token=" in feed_url
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("button", name="Log out").click()
    log_in("maria")
    page.goto(f"{live_server.url}/manage/certifications/")
    page.get_by_role("link", name=sam.display_name).first.click()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    page.get_by_role("radio", name="Verify").check()
    page.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text(f"BLS card of {sam.display_name} verified.")).to_be_visible()
    page.goto(f"{live_server.url}/manage/certifications/")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    expect(page.get_by_text("No cards are waiting for verification.")).to_be_visible()
