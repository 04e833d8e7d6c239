"""A kit check recorded on a phone (390 px) in Chromium: tap the toggles, get an error beside
the one item that is wrong, replace it on the spot, submit once."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone

from kits import services
from kits.models import KitCheck
from tests.factories import LocationFactory, ManagerFactory, StaffProfileFactory

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def kit(db):
    brookline = LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")
    maria = ManagerFactory(user__username="maria", home_location=brookline)
    StaffProfileFactory(user__username="sam", user__first_name="Sam", home_location=brookline)
    now = timezone.now()
    today = brookline.local_date(now)
    kit = services.create_kit(
        location=brookline, name="Anaphylaxis kit", place="Room 2", created_by=maria, now=now
    )
    for name, lot, expires_on in (
        ("Adrenaline auto-injector 0.3 mg", "EAI-1", today + datetime.timedelta(days=200)),
        ("AED pads, adult", "PAD-1", today - datetime.timedelta(days=2)),
        ("Bag-valve-mask, adult", "", None),
    ):
        services.add_item(
            kit=kit,
            name=name,
            lot_number=lot,
            quantity_expected=1,
            expires_on=expires_on,
            added_by=maria,
            now=now,
        )
    return kit


def _fits_and_passes_axe(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_kit_check_is_recorded_on_a_phone(page, live_server, log_in, kit):
    page.set_viewport_size(PHONE)
    log_in("sam")
    page.goto(f"{live_server.url}/kits/")
    page.get_by_role("link", name="Check Anaphylaxis kit, Room 2").click()
    page.get_by_role("heading", name="Check: Anaphylaxis kit, Room 2").wait_for()
    _fits_and_passes_axe(page)

    items = page.locator("li.kit-item")
    assert items.count() == 3
    for index in range(3):  # tap both toggles of every item, as a hurried checker might
        items.nth(index).locator("label.toggle", has_text="Present").click()
        items.nth(index).locator("label.toggle", has_text="In date").click()
    assert page.get_by_role("checkbox", name="In date for AED pads, adult").is_checked()
    page.get_by_role("button", name="Record the check").click()

    # The expired pads cannot be "in date": the error sits on that item, the rest is kept.
    page.get_by_role("alert").wait_for()
    assert "1 item needs your attention" in page.get_by_role("alert").inner_text()
    pads = page.locator("li.kit-item--error")
    assert pads.count() == 1 and "AED pads, adult" in pads.inner_text()
    assert "expired on" in pads.inner_text()
    assert page.get_by_role(
        "checkbox", name="Present for Adrenaline auto-injector 0.3 mg"
    ).is_checked()
    _fits_and_passes_axe(page)
    assert not KitCheck.objects.exists()

    pads.locator("label.toggle", has_text="In date").click()
    details = pads.locator("details")
    assert details.get_attribute("open") is not None  # opened where the error is
    pads.get_by_label("What was wrong, or what you did").fill("Expired: replaced from stock")
    pads.get_by_label("New lot number (if replaced)").fill("PAD-2")
    pads.get_by_label("New expiry date (if replaced)").fill("2029-06-30")
    page.get_by_role("button", name="Record the check").click()

    page.get_by_text("Check of Anaphylaxis kit, Room 2 recorded").wait_for()
    assert page.url == f"{live_server.url}/kits/"
    check = KitCheck.objects.get()
    assert check.checked_by.user.username == "sam" and not check.all_ok
    item = kit.items.get(name="AED pads, adult")
    assert (item.lot_number, item.expires_on) == ("PAD-2", datetime.date(2029, 6, 30))
    _fits_and_passes_axe(page)
