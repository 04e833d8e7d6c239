"""The calendar page in Chromium: Copy puts the feed's address on the clipboard and says so,
by mouse or keyboard; without JavaScript the address is there to select and no dead button
shows; the page passes axe at phone and laptop widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import LocationFactory, StaffProfileFactory
from tests.factories.organisation import PASSWORD

WIDTHS = ({"width": 390, "height": 844}, {"width": 1280, "height": 800})


@pytest.fixture
def sam(db):
    return StaffProfileFactory(
        user__username="sam", user__first_name="Sam", home_location=LocationFactory()
    )


@pytest.mark.parametrize("viewport", WIDTHS, ids=["phone", "laptop"])
def test_copy_puts_the_feed_address_on_the_clipboard(page, live_server, log_in, sam, viewport):
    page.set_viewport_size(viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    log_in("sam")
    page.goto(f"{live_server.url}/my/calendar/")
    address = page.get_by_label("Your calendar address")
    feed_url = address.input_value()
    assert "/my/calendar.ics?token=" in feed_url

    page.get_by_role("button", name="Copy address").click()
    status = page.get_by_role("status").filter(has_text="Copied")
    status.wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == feed_url

    # By keyboard: from the field, Tab reaches the button and Enter copies again.
    page.evaluate("navigator.clipboard.writeText('')")
    address.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Copy address"
    page.keyboard.press("Enter")
    page.wait_for_function("async () => (await navigator.clipboard.readText()) !== ''")
    assert page.evaluate("navigator.clipboard.readText()") == feed_url

    for name in ("your calendar app", "Google Calendar", "Outlook.com"):
        expect(page.get_by_role("link", name=f"Subscribe in {name}")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_without_javascript_the_address_stays_selectable_and_no_copy_button_shows(
    browser, live_server, sam
):
    context = browser.new_context(java_script_enabled=False, viewport=WIDTHS[0])
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/my/calendar/")
    address = page.get_by_label("Your calendar address")
    assert address.is_editable() is False and address.is_visible()
    assert "/my/calendar.ics?token=" in address.input_value()
    assert page.get_by_role("button", name="Copy address").count() == 0
    context.close()
