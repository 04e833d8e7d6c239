"""The inspection packet prints each of the location's kits with its check log for the period."""

import datetime
import io

from pypdf import PdfReader

from kits import services
from tests.kits.conftest import all_right, make_kit


def _text(response) -> str:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def _check(kit, person, day, **changes):
    at = datetime.datetime.combine(day, datetime.time(15), tzinfo=datetime.UTC)
    services.record_check(
        kit=kit, checked_by=person, lines=all_right(kit, **changes), notes="", now=at
    )


def test_the_packet_holds_each_kits_checks_in_the_period(client, kit, north, south, nadia, maria):
    _check(kit, nadia, datetime.date(2025, 11, 20))  # before the 91 days
    _check(kit, nadia, datetime.date(2026, 2, 24))
    missing = {"present": False, "note": "Used in a drill <b>today</b>"}
    _check(kit, nadia, datetime.date(2026, 3, 3), **{"AED pads, adult": missing})
    _check(kit, nadia, datetime.date(2026, 3, 10))  # after the as-of date
    elsewhere = make_kit(
        south,
        maria,
        now=datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC),
        items=[("Oxygen cylinder", "O2-1", None)],
    )
    _check(elsewhere, maria, datetime.date(2026, 3, 2))

    client.force_login(maria.user)
    text = _text(client.get("/manage/inspection/north.pdf", {"as_of": "2026-03-05"}))
    assert "Emergency kit checks" in text
    assert "from 5 December 2025 to 5 March 2026" in text
    assert "Anaphylaxis kit, Room 2" in text
    assert "Tue 24 Feb 2026" in text and "Tue 3 Mar 2026" in text
    assert "20 Nov 2025" not in text and "10 Mar 2026" not in text
    assert "AED pads, adult (lot PAD-1): missing, Used in a drill <b>today</b>." in text
    assert nadia.display_name in text
    assert "Mon 2 Mar 2026" not in text  # South's kit is South's packet's
