"""/my/certifications/ tells the person where each card stands and what to do about it."""

import datetime
import re

from django.urls import reverse

from certifications import services
from tests.factories.certifications import CertificationRecordFactory, pdf_upload

MY = reverse("certifications:my_certifications")


def test_a_rejected_card_shows_the_reason_and_an_upload_button(client, sam, bls, maria, now):
    card = services.upload_record(
        staff=sam,
        certification_type=bls,
        issued_on=datetime.date(2026, 1, 5),
        card_file=pdf_upload(),
        actor=sam.user,
        now=now,
    )
    services.reject_record(record=card, actor=maria.user, note="The photo is blurred", now=now)
    client.force_login(sam.user)
    html = client.get(MY).content.decode()
    assert "Missing" in html
    # now is 3 March 2026 in Sam's New York.
    assert (
        "Your card uploaded on 3 March 2026 was rejected: The photo is blurred. "
        "Upload a corrected card." in html
    )
    button = re.search(r'<a class="button" href="([^"]+)">Upload a corrected card', html)
    assert button and button.group(1) == f"{MY}?type=BLS#upload-heading"

    form = client.get(f"{MY}?type=BLS").context["form"]
    assert form["certification_type"].value() == bls.pk


def test_a_verified_card_says_who_verified_it_and_when(client, sam, bls, maria):
    CertificationRecordFactory(
        staff=sam,
        certification_type=bls,
        expires_on=datetime.date(2027, 5, 31),
        verified_by=maria.user,
        verified_at=datetime.datetime(2026, 2, 2, 15, 0, tzinfo=datetime.UTC),
    )
    client.force_login(sam.user)
    html = client.get(MY).content.decode()
    assert f"Verified by {maria.user.get_full_name()} on 2 Feb 2026" in html
    assert "Current" in html


def test_a_pending_card_says_it_awaits_verification(client, sam, bls):
    CertificationRecordFactory(staff=sam, certification_type=bls, pending=True)
    client.force_login(sam.user)
    response = client.get(MY)
    (holding,) = response.context["holdings"]
    assert holding.status.label == "Awaiting verification"
    html = response.content.decode()
    assert 'status--awaiting">Awaiting verification<' in html
    assert "Upload a corrected card" not in html
