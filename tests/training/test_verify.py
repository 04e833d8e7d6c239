"""The public verification page: it names the clinic and its medical director beside what was
earned; a code that names no certificate gets the site's own 404 page, whatever DEBUG says."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.urls import reverse
from wagtail.images import get_image_model

from organisation.demo_clinic import logo_png
from organisation.models import ClinicSettings
from tests.factories.training import correct_answers
from training import services
from training.models import TrainingModulePage
from training.views import UNKNOWN_CODE

EXPIRED = "(expired: this module must be passed again)"
DEBUG_PAGE = "Django tried these URL patterns"  # the technical 404's own words


@pytest.fixture
def passed(module, sam, now):
    TrainingModulePage.objects.filter(pk=module.pk).update(ce_hours=Decimal("0.50"))
    module.refresh_from_db()
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    return services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)


@pytest.fixture
def clinic(db):
    settings = ClinicSettings.load()
    settings.name = "Harbour Aesthetics"
    settings.medical_director_name = "Dr Ines Carvalho"
    settings.medical_director_credentials = "MD"
    settings.save()
    return settings


def test_the_page_names_the_clinic_the_director_and_the_credit(
    client, passed, clinic, sam, time_machine
):
    # 3 March 2027 in Brookline: the certificate's last valid day.
    time_machine.move_to(datetime.datetime(2027, 3, 4, 4, 30, tzinfo=datetime.UTC))
    response = client.get(reverse("training:verify", args=[passed.certificate_code]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "issued by <strong>Harbour Aesthetics</strong>" in body
    assert "Dr Ines Carvalho, MD" in body
    assert sam.display_name in body and "Post-laser recovery" in body
    assert "<dt>CE hours</dt><dd>0.5</dd>" in body
    assert "3 March 2027" in body and EXPIRED not in body


def test_a_lapsed_certificate_says_it_has_expired(client, passed, clinic, time_machine):
    # 4 March 2027 in Brookline (still 3 March in Pasadena, which is not Sam's).
    time_machine.move_to(datetime.datetime(2027, 3, 4, 5, 30, tzinfo=datetime.UTC))
    body = client.get(reverse("training:verify", args=[passed.certificate_code])).content
    assert EXPIRED in body.decode()


@pytest.mark.parametrize("debug", [True, False])
@pytest.mark.parametrize("code", ["not-a-code", "x" * 200, "%E2%9C%93", "'; DROP TABLE x; --"])
def test_an_unknown_code_gets_the_sites_own_404_page(client, passed, settings, debug, code):
    settings.DEBUG = debug
    response = client.get(f"/verify/{code}/")
    assert response.status_code == 404
    assert [t.name for t in response.templates][:2] == ["404.html", "base.html"]
    body = response.content.decode()
    assert "Page not found" in body and UNKNOWN_CODE in body and DEBUG_PAGE not in body
    assert response["X-Robots-Tag"] == "noindex"


def test_a_failed_attempt_has_no_code_to_verify(client, module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    services.submit_attempt(attempt=attempt, answers={}, now=now)
    attempt.refresh_from_db()
    assert attempt.certificate_code is None
    assert client.get("/verify/None/").status_code == 404


def _with_logo(clinic):
    # Wagtail caches renditions by image id in the default cache, which outlives a test's
    # rolled-back rows: an id used again would find the last test's rendition.
    cache.clear()
    clinic.logo = get_image_model().objects.create(
        title="Logo", file=ImageFile(io.BytesIO(logo_png()), name="logo.png")
    )
    clinic.save()
    return clinic.logo


def test_the_logo_is_inline_so_a_verifier_without_an_account_sees_it(client, passed, clinic):
    _with_logo(clinic)
    body = client.get(reverse("training:verify", args=[passed.certificate_code])).content
    assert '<img src="data:image/png;base64,' in body.decode()


def test_an_unreadable_logo_is_left_out(client, passed, clinic):
    logo = _with_logo(clinic)
    logo.file.storage.delete(logo.file.name)
    response = client.get(reverse("training:verify", args=[passed.certificate_code]))
    assert response.status_code == 200 and "<img" not in response.content.decode()
