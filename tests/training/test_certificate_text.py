"""The certificate draws names with the canvas (no markup parser): a hostile name is text,
and its only links are the ones the certificate makes (to its verification page)."""

import io

from django.conf import settings
from django.urls import reverse
from pypdf import PdfReader

from tests.factories.training import correct_answers
from training import services

IMG = '<img src="x.png"/>'
LINK = '<a href="https://evil.example/">x</a>'


def test_a_hostile_name_prints_as_text_on_the_certificate(client, module, sam, now):
    sam.user.first_name, sam.user.last_name = IMG, LINK
    sam.user.save()
    attempt = services.start_attempt(staff=sam, module=module, now=now)
    attempt = services.submit_attempt(attempt=attempt, answers=correct_answers(attempt), now=now)
    client.force_login(sam.user)
    response = client.get(reverse("training:certificate", args=[attempt.pk]))
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(response.content))
    text = reader.pages[0].extract_text()
    assert f"{IMG} {LINK}" in text
    links = {a.get_object()["/A"]["/URI"] for a in reader.pages[0].get("/Annots")}
    assert links == {f"{settings.SITE_URL}/verify/{attempt.certificate_code}/"}
