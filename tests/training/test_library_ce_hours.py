"""A module file's CE hours: optional, in quarter hours, written to the module page; the real
library gives every clinical module its credit."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from content.sources import SourceErrors
from organisation.demo import seed_organisation
from readyroom.library import read_library, write_library
from tests.factories.library import small_library
from training.models import TrainingModulePage
from training.models.pages import NOT_QUARTER_HOURS, validate_quarter_hours


@pytest.fixture
def folder(tmp_path):
    return small_library(tmp_path)


def _set_ce_hours(folder, value: str) -> None:
    path = folder / "modules" / "burns.yaml"
    text = path.read_text()
    path.write_text(
        text.replace("questions: burns.gift", f"ce_hours: {value}\nquestions: burns.gift")
    )


def test_a_module_without_ce_hours_has_none(folder):
    assert {m.slug: m.ce_hours for m in read_library(folder).modules}["burns"] is None


@pytest.mark.django_db
def test_ce_hours_are_read_and_written_to_the_page(folder, now):
    _set_ce_hours(folder, "0.75")
    library = read_library(folder)
    assert {m.slug: m.ce_hours for m in library.modules}["burns"] == Decimal("0.75")
    profiles = seed_organisation(today=now.date())
    write_library(library, publisher=profiles["director"].user)
    assert TrainingModulePage.objects.get(slug="burns").ce_hours == Decimal("0.75")
    assert TrainingModulePage.objects.get(slug="burns-two").ce_hours is None


@pytest.mark.parametrize("value", ["0.3", "0", "-1", "'one hour'"])
def test_ce_hours_that_are_not_quarter_hours_are_named_with_their_line(folder, value):
    _set_ce_hours(folder, value)
    with pytest.raises(SourceErrors) as raised:
        read_library(folder)
    lines = (folder / "modules" / "burns.yaml").read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("ce_hours:"))
    (problem,) = [str(e) for e in raised.value.errors]
    assert problem.startswith(f"library/modules/burns.yaml:{line}: ce_hours: ")


@pytest.mark.parametrize("value, ok", [("0.25", True), ("1.5", True), ("0.3", False)])
def test_the_admin_holds_ce_hours_to_quarter_hours_too(value, ok):
    if ok:
        validate_quarter_hours(Decimal(value))
    else:
        with pytest.raises(ValidationError, match=str(NOT_QUARTER_HOURS)):
            validate_quarter_hours(Decimal(value))


def test_every_clinical_module_of_the_library_carries_its_ce_hours():
    credit = {m.slug: m.ce_hours for m in read_library().modules}
    # The front desk's module is not clinical education: it earns no CE credit.
    assert credit.pop("front-desk-emergency") is None
    assert credit and all(hours and hours >= Decimal("0.25") for hours in credit.values())
