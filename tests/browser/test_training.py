from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import JobRoleFactory, LocationFactory, StaffProfileFactory
from tests.factories.training import (
    TrainingIndexPageFactory,
    TrainingRequirementFactory,
    module_with_questions,
)


def answer_every_question(page, label):
    for question in page.locator("fieldset.quiz__question").all():
        question.get_by_label(label, exact=True).check()


def assert_accessible_at_phone_width(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_staff_fails_the_quiz_retakes_it_and_passes(page, live_server, log_in, home_page):
    clinic = LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")
    role = JobRoleFactory(slug="laser-technician", name="Laser technician")
    index = TrainingIndexPageFactory(parent=home_page)
    module = module_with_questions(index, title="Post-laser recovery", slug="post-laser")
    TrainingRequirementFactory(role=role, module=module)
    StaffProfileFactory(
        user__username="staff", user__first_name="Sam", home_location=clinic, roles=[role]
    )

    page.set_viewport_size({"width": 390, "height": 844})
    log_in("staff")
    page.goto(f"{live_server.url}/my/training/")
    row = page.get_by_role("row", name="Post-laser recovery")
    assert "Missing" in row.inner_text()
    row.get_by_role("link", name="Post-laser recovery").click()
    expect(page.get_by_role("heading", name="Post-laser recovery")).to_be_visible()
    page.get_by_role("link", name="Take the quiz").click()
    page.get_by_role("button", name="Start the quiz").click()
    assert_accessible_at_phone_width(page)

    answer_every_question(page, "Carry on")
    page.get_by_role("button", name="Submit answers").click()
    assert "0 %" in page.get_by_role("status").inner_text()
    assert "not passed" in page.get_by_role("status").inner_text()
    assert_accessible_at_phone_width(page)

    page.get_by_role("link", name="Try again").click()
    page.get_by_role("button", name="Start the quiz").click()
    answer_every_question(page, "Stop and cool")
    page.get_by_role("button", name="Submit answers").click()
    assert "100 %" in page.get_by_role("status").inner_text()
    expect(page.get_by_role("link", name="Download your certificate")).to_be_visible()

    page.goto(f"{live_server.url}/my/training/")
    row = page.get_by_role("row", name="Post-laser recovery")
    assert "Current" in row.inner_text() and "100 %" in row.inner_text()
    assert_accessible_at_phone_width(page)
