"""The certificate of completion: who issued it, what was earned and until when, the director's
signature line, and the absolute /verify/<code>/ address as a printed link, a link annotation
and a QR code."""

import io
from decimal import Decimal

import pytest
import qrcode
from django.core.files.images import ImageFile
from django.urls import reverse
from pypdf import PdfReader
from wagtail.images import get_image_model

from organisation.demo_clinic import logo_png
from organisation.models import ClinicSettings
from tests.factories.training import correct_answers
from training import services
from training.models import TrainingModulePage

SITE = "https://readyroom.clinic.example"
EC_LEVELS = (
    qrcode.constants.ERROR_CORRECT_L,
    qrcode.constants.ERROR_CORRECT_M,
    qrcode.constants.ERROR_CORRECT_Q,
    qrcode.constants.ERROR_CORRECT_H,
)


@pytest.fixture
def site_url(settings):
    settings.SITE_URL = SITE
    return SITE


@pytest.fixture
def clinic(db):
    settings = ClinicSettings.load()
    settings.name = "Harbour Aesthetics"
    settings.medical_director_name = "Dr Ines Carvalho"
    settings.medical_director_credentials = "MD, FAAD"
    settings.save()
    return settings


def _pass(module, sam, now):
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    return services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)


def _certificate(client, sam, attempt) -> PdfReader:
    client.force_login(sam.user)
    response = client.get(reverse("training:certificate", args=[attempt.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def _links(page) -> list[str]:
    annotations = [a.get_object() for a in page.get("/Annots") or []]
    assert all(a["/Subtype"] == "/Link" for a in annotations)
    return [a["/A"]["/URI"] for a in annotations]


def _dark_modules(image, size: int) -> list[list[bool]]:
    """The image read back as a size x size grid, one sample at the centre of each module."""
    grey = image.convert("L")
    width, height = grey.size
    return [
        [
            grey.getpixel((int((x + 0.5) * width / size), int((y + 0.5) * height / size))) < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


def _encodes(image, url: str) -> bool:
    """Whether `image` is the QR code of `url` (at any error correction level)."""
    for level in EC_LEVELS:
        code = qrcode.QRCode(error_correction=level, border=4)
        code.add_data(url)
        code.make(fit=True)
        matrix = code.get_matrix()
        if _dark_modules(image, len(matrix)) == matrix:
            return True
    return False


def test_the_certificate_names_clinic_person_module_dates_credit_and_director(
    client, module, sam, now, clinic, site_url
):
    TrainingModulePage.objects.filter(pk=module.pk).update(ce_hours=Decimal("0.75"))
    module.refresh_from_db()
    text = _certificate(client, sam, _pass(module, sam, now)).pages[0].extract_text()
    for expected in (
        "HARBOUR AESTHETICS",
        "Certificate of Completion",
        sam.display_name,
        "Post-laser recovery",
        "3 March 2026",  # passed on Sam's date in Brookline (already 4 March in UTC)
        "3 March 2027",
        "CE HOURS",
        "0.75",
        "Dr Ines Carvalho, MD, FAAD",
        "Medical director",
    ):
        assert expected in text, expected


def test_without_ce_hours_the_certificate_gives_the_study_time(client, module, sam, now, clinic):
    text = _certificate(client, sam, _pass(module, sam, now)).pages[0].extract_text()
    assert "CE HOURS" not in text
    assert "STUDY TIME" in text and f"{module.estimated_minutes} minutes" in text


def test_the_credit_is_what_the_module_said_when_the_attempt_began(
    client, module, sam, now, clinic
):
    TrainingModulePage.objects.filter(pk=module.pk).update(ce_hours=Decimal("1.5"))
    module.refresh_from_db()
    attempt = _pass(module, sam, now)
    TrainingModulePage.objects.filter(pk=module.pk).update(ce_hours=Decimal("3"))
    text = _certificate(client, sam, attempt).pages[0].extract_text()
    assert "1.5" in text and "3 CE" not in text


def test_the_verify_link_is_absolute_printed_clickable_and_in_the_qr_code(
    client, module, sam, now, clinic, site_url
):
    attempt = _pass(module, sam, now)
    url = f"{SITE}/verify/{attempt.certificate_code}/"
    page = _certificate(client, sam, attempt).pages[0]
    assert url in page.extract_text()
    links = _links(page)
    assert links and set(links) == {url}  # the printed link and the QR code, nothing else
    assert [image.name for image in page.images if _encodes(image.image, url)]


def test_a_qr_code_of_another_address_does_not_pass_for_this_one(
    client, module, sam, now, clinic, site_url
):
    attempt = _pass(module, sam, now)
    page = _certificate(client, sam, attempt).pages[0]
    assert not [i for i in page.images if _encodes(i.image, f"{SITE}/verify/someone-else/")]


def test_the_certificate_carries_the_clinics_logo(client, module, sam, now, clinic):
    clinic.logo = get_image_model().objects.create(
        title="Logo", file=ImageFile(io.BytesIO(logo_png()), name="logo.png")
    )
    clinic.save()
    page = _certificate(client, sam, _pass(module, sam, now)).pages[0]
    assert len(page.images) == 2  # the logo and the QR code


def test_an_unreadable_logo_still_issues_the_certificate(client, module, sam, now, clinic):
    clinic.logo = get_image_model().objects.create(
        title="Logo", file=ImageFile(io.BytesIO(logo_png()), name="logo.png")
    )
    clinic.save()
    clinic.logo.file.storage.delete(clinic.logo.file.name)
    page = _certificate(client, sam, _pass(module, sam, now)).pages[0]
    assert len(page.images) == 1 and "Harbour Aesthetics".upper() in page.extract_text()


def test_a_clinic_with_no_settings_is_named_by_the_site(client, module, sam, now, settings):
    settings.WAGTAIL_SITE_NAME = "ReadyRoom"
    text = _certificate(client, sam, _pass(module, sam, now)).pages[0].extract_text()
    assert "READYROOM" in text and "Medical director" in text


def test_a_long_name_and_title_stay_on_the_page(client, training_index, sam, now, clinic):
    from tests.factories.training import module_with_questions

    title = "Laser vein complications: recognising and managing burns, " * 3
    long_module = module_with_questions(training_index, title=title.strip(), slug="long")
    sam.user.first_name = "Samantha Okafor-Delacroix Wetherington-Smythe " * 2
    sam.user.save()
    text = _certificate(client, sam, _pass(long_module, sam, now)).pages[0].extract_text()
    assert "Laser vein complications" in text and "Samantha" in text
    assert "3 March 2027" in text
