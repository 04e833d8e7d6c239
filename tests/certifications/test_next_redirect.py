"""A decision's `next` may only lead back into this site."""

import datetime

import pytest
from django.urls import reverse

from certifications.services import upload_record
from tests.factories.certifications import pdf_upload


@pytest.fixture
def card(sam, bls, now):
    return upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 1, 5),
        card_file=pdf_upload(),
        actor=sam.user,
        now=now,
    )


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/path",
        "http:/\\evil.example",
        "javascript:alert(1)",
        "https://testserver.evil.example/",
    ],
)
def test_a_next_off_the_site_goes_to_the_queue_instead(client, card, maria, target):
    client.force_login(maria.user)
    response = client.post(
        reverse("certifications:decide", args=[card.pk]),
        {"decision": "verify", "note": "", "next": target},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("certifications:manage")


def test_a_next_on_the_site_is_followed(client, card, maria):
    client.force_login(maria.user)
    back = reverse("certifications:record", args=[card.pk])
    response = client.post(
        reverse("certifications:decide", args=[card.pk]),
        {"decision": "verify", "note": "", "next": back},
    )
    assert response["Location"] == back
