"""The frame every page shares, and the manager's matrix, at a phone's width (390 px) and a
laptop's (1280 px): nothing wider than the window, the navigation behind a Menu button on the
phone (and working without JavaScript), the matrix a card per person on the phone and a
keyboard-scrollable region on the laptop, and no axe violation (issue 15, point 1).

The manager logs in as in production: password, then the code of an authenticator holding the
demo secret. (Every page of the demo clinic: test_responsive_pages.py.)"""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.demo import DEMO_TOTP_KEY
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
)
from tests.factories.organisation import PASSWORD

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 800}
# More requirements than 1280 px can show side by side: the matrix must scroll in its frame.
REQUIREMENTS = 14
NAV_LINKS = ("Home", "My training", "Drills", "My certifications", "Manage")
CHARTS_DRAWN = """() => [...document.querySelectorAll("[data-chart]")]
  .every(el => el.dataset.drawn === "true")"""
WIDE_ELEMENTS = """() => [...document.querySelectorAll("body *")]
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
  .slice(0, 8).map(el => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`)"""


@pytest.fixture
def clinic(settings, home_page):
    """Brookline: an injector role needing fourteen cards, two injectors holding some of them
    (one lapsed), and Maria managing it with two-step login on."""
    settings.READYROOM_MFA_REQUIRED = True
    brookline = LocationFactory(name="Brookline", slug="brookline", time_zone="America/New_York")
    injector = JobRoleFactory(slug="injector", name="Injector")
    types = [
        CertificationTypeFactory(code=f"C{n:02d}", name=f"Sample card {n:02d}")
        for n in range(REQUIREMENTS)
    ]
    for card in types:
        CertificationRequirementFactory(role=injector, certification_type=card)
    today = brookline.local_date(timezone.now())
    for first, last, days in (("Sam", "Okafor", 200), ("Otto", "Overdue", -10)):
        person = StaffProfileFactory(
            home_location=brookline,
            roles=[injector],
            user__first_name=first,
            user__last_name=last,
        )
        for card in types[:3]:
            CertificationRecordFactory(
                staff=person,
                certification_type=card,
                issued_on=today - datetime.timedelta(days=500),
                expires_on=today + datetime.timedelta(days=days),
            )
    maria = ManagerFactory(
        home_location=brookline, user__username="maria", user__first_name="Maria"
    )
    TOTPDevice.objects.create(user=maria.user, name="Demo", key=DEMO_TOTP_KEY, confirmed=True)
    return {"today": today}


def log_in_as_manager(page, url: str) -> None:
    page.goto(f"{url}/accounts/login/")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/accounts/mfa/verify/**")
    page.get_by_label("Code").fill(f"{TOTP(bytes.fromhex(DEMO_TOTP_KEY)).token():06d}")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{url}/")


def assert_fits_and_passes_axe(page) -> None:
    page.wait_for_function(CHARTS_DRAWN)
    width = page.evaluate("document.documentElement.scrollWidth")
    window = page.evaluate("window.innerWidth")
    assert width <= window, f"{page.url}: {width} px > {window}: {page.evaluate(WIDE_ELEMENTS)}"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def main_nav(page):
    return page.get_by_role("navigation", name="Main")


def test_on_a_phone_the_menu_button_opens_the_navigation_and_the_matrix_is_cards(
    page, live_server, clinic
):
    page.set_viewport_size(PHONE)
    log_in_as_manager(page, live_server.url)
    assert_fits_and_passes_axe(page)

    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    assert menu.get_attribute("aria-expanded") == "false"
    assert not main_nav(page).is_visible()
    assert not page.get_by_role("button", name="Log out").is_visible()
    # The header is one row: the brand and the button side by side.
    brand = page.get_by_role("link", name="ReadyRoom").bounding_box()
    button = menu.bounding_box()
    assert abs(brand["y"] + brand["height"] / 2 - (button["y"] + button["height"] / 2)) < 4

    # By keyboard: Enter opens it, every link is there, Escape folds it and keeps focus.
    menu.focus()
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    for name in NAV_LINKS:
        assert main_nav(page).get_by_role("link", name=name).is_visible(), name
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    assert_fits_and_passes_axe(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "site-menu"
    assert not main_nav(page).is_visible()

    menu.click()
    main_nav(page).get_by_role("link", name="Manage").click()
    page.wait_for_url(f"{live_server.url}/manage/")
    assert_fits_and_passes_axe(page)

    # Each person is a card listing each requirement with its status and date.
    matrix = page.locator("table.matrix")
    # The column heads are left to screen readers (one visually hidden pixel).
    assert matrix.locator("thead").bounding_box()["height"] <= 1
    otto = matrix.locator("tbody tr", has=page.get_by_role("link", name="Otto Overdue"))
    cells = otto.locator("td:visible")
    assert cells.count() == REQUIREMENTS
    # Each line shows its requirement (the cell's data-label, drawn before it), then the status.
    labels = cells.evaluate_all("tds => tds.map(td => getComputedStyle(td, '::before').content)")
    assert labels == [f'"Sample card {n:02d} (Certification)"' for n in range(REQUIREMENTS)]
    lapsed = clinic["today"] - datetime.timedelta(days=10)
    assert cells.first.inner_text().split("\n") == ["Overdue", f"{lapsed.day} {lapsed:%b %Y}"]
    # No card at all: missing since the requirements began (today; the staff were hired earlier).
    since = clinic["today"]
    assert cells.last.inner_text().split("\n") == ["Missing", f"since {since.day} {since:%b %Y}"]
    assert not page.locator("#matrix-scroll-hint").is_visible()
    # The filters stack: each field the width of the form.
    filters = page.get_by_role("form", name="Filter the matrix").locator(".field")
    assert len({round(box["x"]) for box in map(lambda f: f.bounding_box(), filters.all())}) == 1


def test_on_a_laptop_the_navigation_shows_and_the_matrix_scrolls_in_its_own_region(
    page, live_server, clinic
):
    page.set_viewport_size(LAPTOP)
    log_in_as_manager(page, live_server.url)
    assert_fits_and_passes_axe(page)
    assert not page.get_by_role("button", name="Menu").is_visible()
    for name in NAV_LINKS:
        assert main_nav(page).get_by_role("link", name=name).is_visible(), name
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.goto(f"{live_server.url}/manage/")
    assert_fits_and_passes_axe(page)
    region = page.get_by_role("region", name="Compliance matrix")
    scroll = "el => [el.scrollLeft, el.scrollWidth, el.clientWidth]"
    left, wide, shown = region.evaluate(scroll)
    assert (left, wide > shown) == (0, True)
    # Page-wide, no taller than its rows need: the page scrolls down, not a box in it.
    assert shown >= page.locator("main").evaluate("el => el.clientWidth") - 40
    assert region.evaluate("el => el.scrollHeight <= el.clientHeight + 20")
    expect(page.locator("#matrix-scroll-hint")).to_be_visible()

    # A keyboard scrolls it; the names stay in view.
    name = page.get_by_role("link", name="Otto Overdue")
    before = name.bounding_box()["x"]
    region.focus()
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=region.element_handle())
    assert name.bounding_box()["x"] == pytest.approx(before, abs=1)
    # The frame is marked from the scroll event, which the browser fires after the scroll.
    expect(page.locator(".matrix-frame[data-more-start]")).to_have_count(1)
    assert_fits_and_passes_axe(page)


def test_without_javascript_the_navigation_stays_open(browser, live_server, clinic):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    log_in_as_manager(page, live_server.url)
    assert not page.get_by_role("button", name="Menu").is_visible()
    for name in NAV_LINKS:
        assert main_nav(page).get_by_role("link", name=name).is_visible(), name
    for path in ("/", "/manage/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    context.close()
