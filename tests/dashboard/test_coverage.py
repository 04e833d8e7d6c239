import datetime

import pytest

from dashboard.coverage import forecast
from dashboard.models import CoverageMinimum
from organisation.models import StaffProfile
from organisation.selectors import staff_lines
from tests.factories import JobRoleFactory, LocationFactory, StaffProfileFactory

START = datetime.date(2026, 11, 24)


def lines(*profiles):
    """The profiles as the dashboard reads them (StaffLines)."""
    return staff_lines(StaffProfile.objects.filter(pk__in=[p.pk for p in profiles]))


@pytest.fixture
def brookline(db):
    location = LocationFactory(name="Brookline")
    injector = JobRoleFactory(slug="injector", name="Injector")
    people = [
        StaffProfileFactory(
            home_location=location, roles=[injector], user__first_name=name, user__last_name="X"
        )
        for name in ("Ana", "Ben", "Cy")
    ]
    esthetician = StaffProfileFactory(
        home_location=location, user__first_name="Di", user__last_name="X"
    )
    elsewhere = StaffProfileFactory(roles=[injector])
    minimum = CoverageMinimum.objects.create(
        location=location, certification_code="ACLS", role=injector, minimum=2
    )
    return minimum, people, esthetician, elsewhere


def test_first_short_day_is_the_day_after_the_second_last_card_lapses(brookline):
    minimum, (ana, ben, cy), esthetician, elsewhere = brookline
    expiries = {
        (ana.pk, "ACLS"): datetime.date(2027, 1, 31),
        (ben.pk, "ACLS"): datetime.date(2028, 3, 31),
        (cy.pk, "BLS"): datetime.date(2028, 3, 31),  # another type does not count
        (esthetician.pk, "ACLS"): datetime.date(2028, 3, 31),  # not an injector
        (elsewhere.pk, "ACLS"): datetime.date(2028, 3, 31),  # another location
    }
    staff = lines(ana, ben, cy, esthetician, elsewhere)
    result = forecast(minimum=minimum, staff=staff, expiries=expiries, start=START)
    assert len(result.days) == 180
    assert result.holders[0] == 2
    assert result.first_short_on == datetime.date(2027, 2, 1)  # valid through 31 Jan
    assert result.holders[result.days.index(datetime.date(2027, 1, 31))] == 2
    assert "falls short on 1 Feb 2027, when Ana X's card lapses: 1 of the 2 needed" in (
        result.sentence
    )


def test_short_today_and_never_short(brookline):
    minimum, (ana, ben, _), _, _ = brookline
    nobody = forecast(minimum=minimum, staff=lines(ana, ben), expiries={}, start=START)
    assert nobody.first_short_on == START and "short today: 0 of the 2" in nobody.sentence

    far = datetime.date(2030, 1, 1)
    both = forecast(
        minimum=minimum,
        staff=lines(ana, ben),
        expiries={(ana.pk, "ACLS"): far, (ben.pk, "ACLS"): far},
        start=START,
    )
    assert both.first_short_on is None and "keeps its minimum" in both.sentence
