"""The card verification queue in Chromium: select all, previews, at desk and phone widths."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from certifications.models import CertificationRecord, VerificationStatus
from certifications.previews import NO_PREVIEW
from tests.factories import JobRoleFactory, LocationFactory, ManagerFactory, StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    CertificationRequirementFactory,
    CertificationTypeFactory,
    card_image,
    card_pdf,
)
from tests.factories.organisation import PASSWORD

QUEUE = "/manage/certifications/"


@pytest.fixture
def brookline_queue(db):
    """Three cards waiting at Brookline: a PDF, a photo and a PDF damaged on the disk."""
    clinic = LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")
    role = JobRoleFactory(slug="injector")
    bls = CertificationTypeFactory(code="BLS", name="Basic Life Support")
    CertificationRequirementFactory(role=role, certification_type=bls)
    ManagerFactory(user__username="maria", home_location=clinic)
    files = [
        ("Sam", "card.pdf", card_pdf("BLS Provider"), "application/pdf"),
        ("Lena", "card.jpg", card_image("JPEG", (640, 400)), "image/jpeg"),
        ("Omar", "card.pdf", b"%PDF-1.4\n% damaged", "application/pdf"),
    ]
    cards = []
    for first_name, name, content, content_type in files:
        person = StaffProfileFactory(
            user__first_name=first_name, user__last_name="Doe", home_location=clinic, roles=[role]
        )
        cards.append(
            CertificationRecordFactory(
                staff=person,
                certification_type=bls,
                pending=True,
                card_file=SimpleUploadedFile(name, content, content_type=content_type),
                card_content_type=content_type,
            )
        )
    return cards


def _no_sideways_scroll(page, width):
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _no_axe_violation(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _loaded_width(image) -> int:
    """The image's own width once it has loaded and decoded (a preview is fetched on open)."""
    return image.evaluate("img => img.decode().then(() => img.naturalWidth)")


def _picked(page) -> int:
    return page.locator('input[name="records"]:checked').count()


def test_manager_selects_all_previews_and_verifies_every_card(
    page, live_server, log_in, brookline_queue
):
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in("maria")
    page.goto(f"{live_server.url}{QUEUE}")
    count = page.locator("#picked-count")
    assert count.inner_text() == "0 of 3 selected"

    select_all = page.get_by_role("checkbox", name="Select all")
    select_all.check()
    assert _picked(page) == 3
    assert count.inner_text() == "3 of 3 selected"
    page.get_by_role("checkbox", name="Select Lena Doe's BLS card").uncheck()
    assert count.inner_text() == "2 of 3 selected"
    assert select_all.evaluate("box => box.indeterminate")
    select_all.click()  # from "some", a click selects the rest
    assert _picked(page) == 3

    sam, lena, omar = (card.staff.display_name for card in brookline_queue)
    page.get_by_text(f"Preview {sam}'s BLS card").click()
    pdf_page = page.get_by_role("img", name=f"First page of {sam}'s Basic Life Support card")
    assert _loaded_width(pdf_page) == 486
    page.get_by_text(f"Preview {lena}'s BLS card").click()
    photo = page.get_by_role("img", name=f"{lena}'s Basic Life Support card")
    assert _loaded_width(photo) == 640
    page.get_by_text(f"Preview {omar}'s BLS card").click()
    damaged = page.locator("tr", has_text=omar)
    damaged.get_by_text(str(NO_PREVIEW)).wait_for(state="visible")
    assert damaged.get_by_role("img").count() == 0  # the broken image is gone, not shown
    expect(damaged.get_by_role("link", name=f"Download {omar}'s BLS card")).to_be_visible()
    _no_sideways_scroll(page, 1280)
    _no_axe_violation(page)

    page.get_by_label("I have checked each selected card").check()
    page.get_by_role("button", name="Verify selected cards").click()
    expect(page.get_by_text("3 cards verified.")).to_be_visible()
    assert set(CertificationRecord.objects.values_list("verification_status", flat=True)) == {
        VerificationStatus.VERIFIED
    }
    expect(page.get_by_text("No cards are waiting for verification.")).to_be_visible()


def test_on_a_phone_the_queue_is_cards_and_works_from_the_keyboard(
    page, live_server, log_in, brookline_queue
):
    page.set_viewport_size({"width": 390, "height": 844})
    log_in("maria")
    page.goto(f"{live_server.url}{QUEUE}")
    sam = brookline_queue[0].staff.display_name

    select_all = page.get_by_role("checkbox", name="Select all")
    expect(select_all).to_be_visible()
    select_all.focus()
    page.keyboard.press("Space")
    assert _picked(page) == 3
    assert page.locator("#picked-count").inner_text() == "3 of 3 selected"
    page.keyboard.press("Space")
    assert _picked(page) == 0

    # Every row's controls are on screen, none behind a sideways scroll.
    row = page.locator("tr", has_text=sam)
    for control in (
        row.get_by_role("link", name=f"Download {sam}'s BLS card"),
        row.get_by_role("link", name=f"Verify or reject {sam}'s BLS card"),
        row.get_by_text(f"Preview {sam}'s BLS card"),
    ):
        box = control.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390

    row.get_by_role("link", name=f"Download {sam}'s BLS card").focus()
    page.keyboard.press("Tab")  # to the preview's summary
    page.keyboard.press("Enter")
    preview = row.get_by_role("img", name=f"First page of {sam}'s Basic Life Support card")
    assert _loaded_width(preview) == 486
    assert preview.bounding_box()["width"] <= 390
    _no_sideways_scroll(page, 390)
    _no_axe_violation(page)


def test_without_javascript_each_card_is_picked_by_hand(browser, live_server, brookline_queue):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("maria")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}{QUEUE}")
    # No select-all that would do nothing, no count that would never change.
    assert page.get_by_role("checkbox", name="Select all").count() == 0
    assert not page.locator("#picked-count").is_visible()
    assert (
        page.get_by_text("Select all").count() == 0
        or not page.get_by_text("Select all").is_visible()
    )

    sam, lena, omar = (card.staff.display_name for card in brookline_queue)
    page.get_by_role("checkbox", name=f"Select {sam}'s BLS card").check()
    page.get_by_role("checkbox", name=f"Select {omar}'s BLS card").check()
    page.get_by_label("I have checked each selected card").check()
    page.get_by_role("button", name="Verify selected cards").click()
    expect(page.get_by_text("2 cards verified.")).to_be_visible()
    expect(page.get_by_role("checkbox", name=f"Select {lena}'s BLS card")).to_be_visible()
    context.close()
