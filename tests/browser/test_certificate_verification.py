"""The public verification page as an inspector sees it, on a phone and a laptop: the clinic's
logo drawn (no account needed for it), its name, nothing wider than the window and no axe
violation; a made-up code gets the site's own 404 page, just as clean."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.images import ImageFile
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.images import get_image_model

from organisation.demo_clinic import logo_png
from organisation.models import ClinicSettings
from tests.factories import JobRoleFactory, LocationFactory, StaffProfileFactory
from tests.factories.training import (
    TrainingIndexPageFactory,
    correct_answers,
    module_with_questions,
)
from training import services

WIDTHS = (390, 1280)


@pytest.fixture
def code(home_page):
    clinic = ClinicSettings.load()
    clinic.name = "Harbour Aesthetics"
    clinic.medical_director_name = "Dr Ines Carvalho"
    clinic.logo = get_image_model().objects.create(
        title="Logo", file=ImageFile(io.BytesIO(logo_png()), name="logo.png")
    )
    clinic.save()
    brookline = LocationFactory(slug="brookline", name="Brookline", time_zone="America/New_York")
    role = JobRoleFactory(slug="laser-technician", name="Laser technician")
    index = TrainingIndexPageFactory(parent=home_page)
    module = module_with_questions(index, title="Post-laser recovery", slug="post-laser")
    sam = StaffProfileFactory(user__first_name="Sam", home_location=brookline, roles=[role])
    now = timezone.now()
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    attempt = services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)
    return attempt.certificate_code


def _fits_and_passes_axe(page, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_inspector_verifies_a_certificate_without_an_account(page, live_server, code, width):
    page.set_viewport_size({"width": width, "height": 844})
    response = page.goto(f"{live_server.url}/verify/{code}/")
    assert response.status == 200
    expect(page.get_by_role("heading", name="Certificate verified")).to_be_visible()
    assert page.locator(".verify__issuer").text_content().strip() == "Harbour Aesthetics"
    logo = page.locator(".verify__issuer img")
    assert logo.evaluate("img => img.complete && img.naturalWidth > 0")
    _fits_and_passes_axe(page, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_made_up_code_gets_the_sites_404_page(page, live_server, code, width):
    page.set_viewport_size({"width": width, "height": 844})
    response = page.goto(f"{live_server.url}/verify/{code[:-2]}xx/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Page not found")).to_be_visible()
    expect(page.get_by_role("link", name="Go to the home page")).to_be_visible()
    _fits_and_passes_axe(page, width)
