"""Card previews in the verification queue: drawn on the server, private, cached, never a 500."""

import datetime
import io

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from certifications import previews
from certifications.previews import NO_PREVIEW, PREVIEW_LONG_SIDE
from certifications.services import upload_record
from tests.factories import StaffProfileFactory
from tests.factories.certifications import (
    CertificationRecordFactory,
    card_image,
    card_pdf,
    pdf_upload,
)

MANAGE = reverse("certifications:manage")
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _preview_url(record) -> str:
    return reverse("certifications:card_preview", args=[record.pk])


def _picture(response) -> Image.Image:
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(PNG_MAGIC)
    return Image.open(io.BytesIO(response.content))


@pytest.fixture
def card(sam, bls, now):
    """Sam's BLS card as a one-page PDF, uploaded through the service (checked as usual)."""
    return upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 1, 5),
        card_number="AHA-555",
        card_file=pdf_upload(content=card_pdf("BLS Provider", pages=2)),
        actor=sam.user,
        now=now,
    )


def _stored(sam, bls, name: str, content: bytes, content_type: str):
    """A pending record whose stored file is `content` as is: what the disk holds after a
    damaged copy or a restore, which the upload checks never saw."""
    return CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        pending=True,
        card_file=SimpleUploadedFile(name, content, content_type=content_type),
        card_content_type=content_type,
    )


def test_the_manager_sees_a_pdf_cards_first_page_as_a_png(client, card, maria):
    client.force_login(maria.user)
    response = client.get(_preview_url(card))
    assert response.status_code == 200
    picture = _picture(response)
    # A wallet card (243 x 153 pt) drawn at twice its size: readable, and never huge.
    assert picture.size == (486, 306)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"


def test_the_owner_sees_their_own_cards_preview(client, card):
    client.force_login(card.staff.user)
    assert client.get(_preview_url(card)).status_code == 200


def test_wrong_viewers_get_the_same_404_as_for_a_missing_card(client, card, marcus, brookline):
    colleague = StaffProfileFactory(home_location=brookline)
    for intruder in (colleague.user, marcus.user):
        client.force_login(intruder)
        response = client.get(_preview_url(card))
        assert response.status_code == 404
        assert not response.content.startswith(PNG_MAGIC)
    missing = reverse("certifications:card_preview", args=[card.pk + 1000])
    assert client.get(missing).status_code == 404


def test_anonymous_visitors_are_sent_to_log_in(client, card):
    response = client.get(_preview_url(card))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_big_photo_is_scaled_down_upright(client, sam, bls, maria):
    # A phone's portrait photo: stored 1200 x 900 (sideways), tagged "rotate 90 clockwise".
    exif = Image.Exif()
    exif[0x0112] = 6
    photo = card_image("JPEG", (1200, 900), exif=exif.tobytes())
    record = _stored(sam, bls, "card.jpg", photo, "image/jpeg")
    client.force_login(maria.user)
    picture = _picture(client.get(_preview_url(record)))
    assert picture.size == (600, PREVIEW_LONG_SIDE)


def test_a_transparent_png_is_laid_on_white(client, sam, bls, maria):
    buffer = io.BytesIO()
    Image.new("RGBA", (40, 20), (0, 0, 0, 0)).save(buffer, format="PNG")
    record = _stored(sam, bls, "card.png", buffer.getvalue(), "image/png")
    client.force_login(maria.user)
    picture = _picture(client.get(_preview_url(record)))
    assert picture.mode == "RGB"
    assert picture.getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize(
    "content",
    [b"%PDF-1.4\n% a scanner crashed here", card_pdf()[:400]],
    ids=["garbage", "truncated"],
)
def test_a_corrupt_pdf_says_no_preview_instead_of_failing(client, sam, bls, maria, content):
    record = _stored(sam, bls, "card.pdf", content, "application/pdf")
    client.force_login(maria.user)
    response = client.get(_preview_url(record))
    assert response.status_code == 404
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == str(NO_PREVIEW)
    # The download is still there for the manager to check the card by hand.
    assert client.get(reverse("certifications:card", args=[record.pk])).status_code == 200


def test_a_card_missing_from_the_disk_says_no_preview(client, card, maria):
    card.card_file.storage.delete(card.card_file.name)
    client.force_login(maria.user)
    response = client.get(_preview_url(card))
    assert response.status_code == 404
    assert response.content.decode() == str(NO_PREVIEW)


def test_a_record_without_a_file_has_no_preview(client, sam, bls, maria):
    record = CertificationRecordFactory(staff=sam, certification_type=bls, pending=True)
    client.force_login(maria.user)
    assert client.get(_preview_url(record)).content.decode() == str(NO_PREVIEW)


def test_a_preview_is_drawn_once_and_kept_in_private_storage(
    client, card, maria, private_storage, monkeypatch
):
    client.force_login(maria.user)
    first = client.get(_preview_url(card))
    cached = list((private_storage / previews.CACHE_FOLDER).rglob("*.png"))
    assert len(cached) == 1
    assert cached[0].read_bytes() == first.content
    assert not list((private_storage / previews.CACHE_FOLDER).rglob("*.partial"))
    checksum = cached[0].name.split("-")[0]
    media = django_settings.MEDIA_ROOT
    assert not any(checksum in path.name for path in media.rglob("*")), "never in public media"

    def draw_again(content):
        raise AssertionError("the cached preview should have been served")

    monkeypatch.setattr(previews, "render_preview", draw_again)
    assert client.get(_preview_url(card)).content == first.content


def test_a_refused_card_is_not_parsed_again(client, sam, bls, maria, monkeypatch):
    record = _stored(sam, bls, "card.pdf", b"%PDF-1.4\nbroken", "application/pdf")
    client.force_login(maria.user)
    assert client.get(_preview_url(record)).status_code == 404

    def draw_again(content):
        raise AssertionError("the refusal should have been remembered")

    monkeypatch.setattr(previews, "render_preview", draw_again)
    assert client.get(_preview_url(record)).status_code == 404


def test_a_failing_cache_still_serves_the_preview(client, card, maria, private_storage):
    (private_storage / previews.CACHE_FOLDER).write_text("a file where the folder should be")
    client.force_login(maria.user)
    response = client.get(_preview_url(card))
    assert response.status_code == 200
    assert response.content.startswith(PNG_MAGIC)


def test_the_queue_offers_each_cards_preview_with_alt_text(client, card, maria):
    client.force_login(maria.user)
    page = client.get(MANAGE).content.decode()
    assert f'src="{_preview_url(card)}" loading="lazy"' in page
    assert f'alt="First page of {card.staff.display_name}\'s Basic Life Support card"' in page
    assert f'<p class="card-preview__none" hidden>{NO_PREVIEW}</p>' in page
    # "Select all" waits, hidden, for the script; each card's own checkbox works without it.
    assert '<input type="checkbox" id="pick-all" aria-controls="queue-rows" hidden>' in page
    assert f'name="records" value="{card.pk}"' in page
    assert 'src="/static/certifications/queue.js" defer' in page


def test_the_cards_record_shows_its_preview_open(client, card, maria):
    for viewer in (maria.user, card.staff.user):
        client.force_login(viewer)
        page = client.get(reverse("certifications:record", args=[card.pk])).content.decode()
        assert '<details class="card-preview" open>' in page
        assert f'<img class="card-preview__image" src="{_preview_url(card)}" alt=' in page
        assert f'<p class="card-preview__none" hidden>{NO_PREVIEW}</p>' in page
