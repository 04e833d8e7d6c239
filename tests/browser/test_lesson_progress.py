"""Lessons marked read as the learner goes, in Chromium: by scrolling with JavaScript, by the
"Mark as read" button without it, and the quiz intro's link on to the first unread lesson."""

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import JobRoleFactory, LocationFactory, StaffProfileFactory
from tests.factories.organisation import PASSWORD
from tests.factories.training import (
    TrainingIndexPageFactory,
    TrainingRequirementFactory,
    module_with_questions,
)
from training.models import LessonRead

TITLES = ("Cool first", "Cover the burn", "Escalate")
PARAGRAPH = (
    "<p>Sample lesson text for the test: cool the area with running water, keep the patient "
    "warm, and tell the supervising clinician what you saw and when you saw it.</p>"
)


def lesson_stream():
    blocks = []
    for title in TITLES:
        blocks += [("lesson", {"title": title}), ("rich_text", PARAGRAPH * 8)]
    return blocks


def _clinic(home_page):
    clinic = LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")
    role = JobRoleFactory(slug="laser-technician", name="Laser technician")
    module = module_with_questions(
        TrainingIndexPageFactory(parent=home_page),
        title="Laser burns",
        slug="laser-burns",
        lessons=lesson_stream(),
    )
    TrainingRequirementFactory(role=role, module=module)
    sam = StaffProfileFactory(
        user__username="staff", user__first_name="Sam", home_location=clinic, roles=[role]
    )
    return module, sam


def assert_fits_and_accessible(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_lessons_are_marked_read_as_the_learner_scrolls(
    page, live_server, log_in, home_page, tmp_path
):
    module, sam = _clinic(home_page)
    page.set_viewport_size({"width": 390, "height": 844})
    log_in("staff")
    page.goto(f"{live_server.url}{module.url}")
    count = page.locator("[data-lessons-read]")
    expect(count).to_have_text("0")
    assert_fits_and_accessible(page, 390)

    for n, title in enumerate(TITLES, start=1):
        section = page.get_by_role("region", name=title)
        section.locator("[data-lesson-end]").scroll_into_view_if_needed()
        expect(count).to_have_text(str(n))
        expect(section.get_by_text("✓ Read")).to_be_visible()
        expect(section.get_by_role("button", name="Mark as read")).to_have_count(0)
    outline = page.get_by_role("navigation", name="Lessons")
    assert outline.inner_text().count("✓") == 3
    assert set(LessonRead.objects.filter(staff=sam).values_list("module", flat=True)) == {module.pk}
    assert LessonRead.objects.filter(staff=sam).count() == 3
    page.screenshot(path=str(tmp_path / "lessons-390.png"), full_page=True)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.reload()
    expect(count).to_have_text("3")
    assert_fits_and_accessible(page, 1280)


def test_without_javascript_the_button_marks_a_lesson_and_the_quiz_links_the_next(
    browser, live_server, home_page
):
    module, sam = _clinic(home_page)
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}{module.url}")
    assert "0 of 3 lessons read" in page.get_by_role("navigation", name="Lessons").inner_text()
    # Nothing is recorded by scrolling without JavaScript.
    page.get_by_role("region", name="Escalate").scroll_into_view_if_needed()
    assert not LessonRead.objects.exists()

    page.get_by_role("region", name="Cool first").get_by_role("button", name="Mark as read").click()
    assert page.url.endswith("#lesson-" + page.get_by_role("region", name="Cover the burn")
                             .get_attribute("id").removeprefix("lesson-"))  # fmt: skip
    assert "1 of 3 lessons read" in page.get_by_role("navigation", name="Lessons").inner_text()
    assert LessonRead.objects.filter(staff=sam).count() == 1

    page.goto(f"{live_server.url}{module.url}quiz/")
    assert "1 of 3 lessons read." in page.get_by_role("region", name="Your reading").inner_text()
    page.get_by_role("link", name="Cover the burn").click()
    assert page.url.endswith(page.get_by_role("region", name="Cover the burn").get_attribute("id"))
    context.close()
