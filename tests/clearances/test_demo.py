"""The demo clinic's clearances: one per service, approved, and someone visibly blocked."""

from datetime import UTC, datetime

import pytest
from django.core.management import call_command

from clearances.demo import clearances_data
from clearances.selectors import at_location, live_clearances
from organisation.models import Location

TODAY = "2026-11-24"
NOW = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--today", TODAY, stdout=open("/dev/null", "w"))


def test_each_demo_service_has_an_approved_clearance_marked_sample(seeded):
    live = list(live_clearances())
    assert {c.slug for c in live} == {d["slug"] for d in clearances_data()}
    assert len(live) == len(clearances_data()) == 4
    for clearance in live:
        assert "Sample content" in clearance.description
        assert clearance.requirements.exists() and clearance.live_revision is not None


def test_someone_is_blocked_for_a_lapsed_card(seeded):
    oak_park = Location.objects.get(slug="oak-park")
    answers = at_location(
        clearances=list(live_clearances()), location=oak_park, on=NOW.date(), now=NOW
    )
    laser = next(a for a in answers if a.clearance.slug == "nd-yag-vein-laser")
    ella = next(j for j in laser.not_cleared if j.person.username == "ella.fischer")
    assert any(reason.startswith("BLS expired ") for reason in ella.verdict.reasons)
    assert laser.cleared, "someone at Oak Park is cleared for the vein laser"
